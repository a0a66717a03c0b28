import type { StaffPrincipal } from '../../auth/sessions';
import { EVENT_TABS, type EventTab, type StaffEventLine } from '../../events/events';
import { eventAreaName, eventKindName, eventWhen } from '../../line/cards/event-card';
import type { CouncilProfile } from '../../profile/schema';
import { EVENT_STATUS_LABELS, EVENT_TAB_LABELS, mayManageEvents } from './event-labels';
import { AdminLayout } from './layout';
import { AdminNav } from './nav';

export interface EventListProps {
  staff: StaffPrincipal;
  profile: CouncilProfile;
  tab: EventTab;
  lines: StaffEventLine[];
}

const EMPTY: Record<EventTab, string> = {
  upcoming: 'これからのイベントはありません。',
  drafts: '下書きのイベントはありません。',
  past: '終わったイベントはありません。',
};

/** /admin/events: これから・下書き・終わったもの, with the seats taken and the waitlist. */
export function EventListPage(p: EventListProps) {
  return (
    <AdminLayout title="イベント" staff={p.staff} nav={<AdminNav staff={p.staff} current="/admin/events" />}>
      <h1>イベント</h1>
      {mayManageEvents(p.staff.role) && (
        <p>
          <a href="/admin/events/new">イベントを作る</a>
        </p>
      )}
      <nav aria-label="イベントの絞り込み" class="tabs">
        <ul>
          {EVENT_TABS.map((t) => (
            <li>
              <a href={`/admin/events?tab=${t}`} aria-current={t === p.tab ? 'page' : undefined}>
                {EVENT_TAB_LABELS[t]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {p.lines.length === 0 ? (
        <p>{EMPTY[p.tab]}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{EVENT_TAB_LABELS[p.tab]}のイベント</caption>
          <thead>
            <tr>
              <th scope="col">日時</th>
              <th scope="col">題名</th>
              <th scope="col">種類</th>
              <th scope="col">地区</th>
              <th scope="col">状態</th>
              <th scope="col">参加／定員</th>
              <th scope="col">キャンセル待ち</th>
            </tr>
          </thead>
          <tbody>
            {p.lines.map(({ event, seats }) => (
              <tr>
                <td>{eventWhen(event)}</td>
                <th scope="row">
                  <a href={`/admin/events/${event.id}`}>{event.title}</a>
                </th>
                <td>{eventKindName(p.profile, event.kind)}</td>
                <td>{eventAreaName(p.profile, event.areaId) || '—'}</td>
                <td>{EVENT_STATUS_LABELS[event.status]}</td>
                <td>
                  {seats.going}／{event.capacity ?? '定員なし'}
                  {event.capacity !== null && seats.going >= event.capacity ? '（満席）' : ''}
                </td>
                <td>{seats.waitlisted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
