import type { Child } from 'hono/jsx';
import type { StaffPrincipal } from '../../auth/sessions';
import type { EventRow } from '../../db/schema';
import type { Participant } from '../../events/events';
import type { SeatCounts } from '../../events/seats';
import { eventAreaName, eventKindName, eventMapUri, eventWhen } from '../../line/cards/event-card';
import type { CouncilProfile } from '../../profile/schema';
import { EVENT_STATUS_LABELS, RSVP_STATUS_LABELS, mayManageEvents, seatsSummary } from './event-labels';
import { AdminLayout, CsrfField } from './layout';
import { AdminNav } from './nav';
import { shownTime } from './time';

export interface EventDetailProps {
  staff: StaffPrincipal;
  profile: CouncilProfile;
  event: EventRow;
  seats: SeatCounts;
  participants: Participant[];
  /** Names of staff by id (who made it). */
  staffNames: ReadonlyMap<string, string>;
  notice?: string | undefined;
  error?: string | undefined;
}

function Fact(p: { label: string; children?: Child }) {
  return (
    <>
      <dt>{p.label}</dt>
      <dd>{p.children ?? '—'}</dd>
    </>
  );
}

function Actions(p: EventDetailProps) {
  const { event } = p;
  if (!mayManageEvents(p.staff.role) || event.status === 'cancelled') return null;
  const post = (path: string, label: string) => (
    <form method="post" action={`/admin/events/${event.id}/${path}`}>
      <CsrfField token={p.staff.csrfToken} />
      <button type="submit">{label}</button>
    </form>
  );
  return (
    <div class="actions">
      <a href={`/admin/events/${event.id}/edit`}>内容を直す</a>
      {event.status === 'draft' ? post('publish', '公開する（住民に表示する）') : post('unpublish', '公開をやめる（下書きに戻す）')}
      <a href={`/admin/events/${event.id}/cancel`}>中止する</a>
    </div>
  );
}

/** One event for staff: every field, its status, the seats and who answered 参加する (reading it is audited). */
export function EventDetailPage(p: EventDetailProps) {
  const e = p.event;
  return (
    <AdminLayout title={e.title} staff={p.staff} nav={<AdminNav staff={p.staff} current="/admin/events" />}>
      <p>
        <a href="/admin/events">イベントの一覧へ</a>
      </p>
      <h1>{e.title}</h1>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      {p.error && (
        <p class="form-error" role="alert">
          {p.error}
        </p>
      )}
      <p>
        <strong>{seatsSummary(e.capacity, p.seats)}</strong>
      </p>
      <Actions {...p} />
      <dl class="case-facts">
        <Fact label="状態">
          {EVENT_STATUS_LABELS[e.status]}
          {e.status === 'draft' ? '（住民には表示されません）' : ''}
          {e.status === 'cancelled' && e.cancelledAt ? `（${shownTime(e.cancelledAt)}に中止）` : ''}
        </Fact>
        <Fact label="種類">{eventKindName(p.profile, e.kind)}</Fact>
        <Fact label="地区">{eventAreaName(p.profile, e.areaId) || null}</Fact>
        <Fact label="日時">{eventWhen(e)}</Fact>
        <Fact label="場所">{e.placeName}</Fact>
        <Fact label="住所">{e.address}</Fact>
        <Fact label="地図">
          <a href={eventMapUri(e)} rel="noopener noreferrer" target="_blank">
            {eventMapUri(e)}
          </a>
        </Fact>
        <Fact label="定員">{e.capacity === null ? '制限なし' : `${e.capacity}名`}</Fact>
        <Fact label="参加費">{e.fee}</Fact>
        <Fact label="対象">{e.audience}</Fact>
        <Fact label="内容">{e.description ? <span class="pre">{e.description}</span> : null}</Fact>
        <Fact label="画像">{e.imageUrl}</Fact>
        <Fact label="作成">
          {shownTime(e.createdAt)}（{p.staffNames.get(e.createdBy ?? '') ?? '—'}）
        </Fact>
        <Fact label="最終更新">{shownTime(e.updatedAt)}</Fact>
      </dl>
      <section>
        <h2>参加を申し込んだ方</h2>
        {p.participants.length === 0 ? (
          <p>まだいません。</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">お名前（LINE）</th>
                <th scope="col">申し込み日時</th>
                <th scope="col">状態</th>
                <th scope="col">キャンセル待ちの順番</th>
              </tr>
            </thead>
            <tbody>
              {p.participants.map((r) => (
                <tr>
                  <td>{r.displayName ?? '（お名前なし）'}</td>
                  <td>{shownTime(r.createdAt)}</td>
                  <td>
                    {RSVP_STATUS_LABELS[r.status]}
                    {r.status === 'going' && r.promotedAt ? `（${shownTime(r.promotedAt)}にキャンセル待ちから繰り上がり）` : ''}
                    {r.status === 'cancelled' && r.cancelledAt ? `（${shownTime(r.cancelledAt)}）` : ''}
                  </td>
                  <td>{r.waitlistOrder === null ? '—' : `${r.waitlistOrder}番目`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </AdminLayout>
  );
}
