import type { StaffPrincipal } from '../../auth/sessions';
import type { BroadcastProgress } from '../../broadcasts/progress';
import { BROADCAST_KIND_LABELS, pauseNote, people, statusLabel } from './broadcast-labels';
import { AdminLayout } from './layout';
import { AdminNav } from './nav';
import { shownTime } from './time';

export interface BroadcastListProps {
  staff: StaffPrincipal;
  items: BroadcastProgress[];
  audiences: ReadonlyMap<string, string>;
  staffNames: ReadonlyMap<string, string>;
}

const SNIPPET = 40;
const snippet = (text: string) => (text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text);

/** お知らせ配信: every job, newest first, with its state and how far it got. */
export function BroadcastListPage(p: BroadcastListProps) {
  return (
    <AdminLayout title="お知らせ配信" staff={p.staff} nav={<AdminNav staff={p.staff} current="/admin/broadcasts" />}>
      <h1>お知らせ配信</h1>
      <div class="actions">
        <form method="get" action="/admin/broadcasts/new">
          <button type="submit">新しいお知らせを作る</button>
        </form>
        <form method="get" action="/admin/broadcasts/disaster">
          <button type="submit" class="secondary">
            災害時のお知らせを送る
          </button>
        </form>
      </div>
      {p.items.length === 0 ? (
        <p>まだお知らせを送っていません。</p>
      ) : (
        <table>
          <caption class="visually-hidden">お知らせの一覧（新しい順）</caption>
          <thead>
            <tr>
              <th scope="col">内容</th>
              <th scope="col">種類</th>
              <th scope="col">状態</th>
              <th scope="col">宛先</th>
              <th scope="col">送った／残り（全体）</th>
              <th scope="col">送る日時</th>
              <th scope="col">作った人</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((b) => {
              const note = pauseNote(b);
              return (
                <tr>
                  <td>
                    <a href={`/admin/broadcasts/${b.id}`}>{snippet(b.text)}</a>
                  </td>
                  <td>{BROADCAST_KIND_LABELS[b.kind]}</td>
                  <td>
                    {statusLabel(b)}
                    {note && <p class="error">{note}</p>}
                  </td>
                  <td>{p.audiences.get(b.id)}</td>
                  <td>
                    {people(b.sent)}／{people(b.remaining)}（{people(b.recipientCount)}）
                  </td>
                  <td>{shownTime(b.scheduledAt)}</td>
                  <td>{(b.createdBy && p.staffNames.get(b.createdBy)) ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
