import type { StaffPrincipal } from '../../auth/sessions';
import type { EventRow } from '../../db/schema';
import { eventWhen } from '../../line/cards/event-card';
import { AdminLayout, CsrfField } from './layout';
import { AdminNav } from './nav';

export const MAX_CANCEL_REASON = 200;

export interface EventCancelProps {
  staff: StaffPrincipal;
  event: EventRow;
  /** Going or waitlisted now, and how many of them still follow the account (they get the notice). */
  audience: { active: number; following: number };
  reason: string;
  error?: string | undefined;
}

/** The confirmation before a cancel: what happens to the RSVPs and who is told. */
export function EventCancelPage(p: EventCancelProps) {
  const e = p.event;
  const { active, following } = p.audience;
  return (
    <AdminLayout title="イベントを中止する" staff={p.staff} nav={<AdminNav staff={p.staff} current="/admin/events" />}>
      <h1>イベントを中止する</h1>
      <p>
        「{e.title}」（{eventWhen(e)}、{e.placeName}）を中止します。中止すると元に戻せません。
      </p>
      {active === 0 ? (
        <p>参加を申し込んだ方はいません。お知らせは送りません。</p>
      ) : (
        <p>
          参加・キャンセル待ちの {active} 人の申し込みを取り消し、そのうちLINEの友だちの {following} 人に、中止のお知らせをLINEで送ります（1人に1通）。
          {active > following ? `友だちをやめた ${active - following} 人には送りません。` : ''}
        </p>
      )}
      <form method="post" action={`/admin/events/${e.id}/cancel`} class="card" novalidate>
        <CsrfField token={p.staff.csrfToken} />
        <div class="field">
          <label for="cancel-reason">中止の理由（任意・{MAX_CANCEL_REASON}文字以内。お知らせに書き添えます）</label>
          <textarea
            id="cancel-reason"
            name="reason"
            rows={3}
            aria-invalid={p.error ? 'true' : undefined}
            aria-describedby={p.error ? 'cancel-reason-error' : undefined}
          >
            {p.reason}
          </textarea>
          {p.error && (
            <p class="error" id="cancel-reason-error">
              {p.error}
            </p>
          )}
        </div>
        <div class="actions">
          <button type="submit">中止して、お知らせを送る</button>
          <a href={`/admin/events/${e.id}`}>中止しないで戻る</a>
        </div>
      </form>
    </AdminLayout>
  );
}
