import type { EventStatus, RsvpStatus, StaffRole } from '../../db/schema';
import type { EventTab } from '../../events/events';

/** Everyone may look at events (counselors point residents to them); admins and 職員 run them. */
export const EVENT_VIEW_ROLES: readonly StaffRole[] = ['admin', 'counselor', 'staff'];
export const EVENT_MANAGE_ROLES: readonly StaffRole[] = ['admin', 'staff'];

export const mayManageEvents = (role: StaffRole) => EVENT_MANAGE_ROLES.includes(role);

export const EVENT_STATUS_LABELS: Record<EventStatus, string> = { draft: '下書き', published: '公開中', cancelled: '中止' };

export const RSVP_STATUS_LABELS: Record<RsvpStatus, string> = { going: '参加', waitlisted: 'キャンセル待ち', cancelled: '取り消し' };

export const EVENT_TAB_LABELS: Record<EventTab, string> = { upcoming: 'これから', drafts: '下書き', past: '終わったもの' };

/** 「参加 12 / 定員 15、キャンセル待ち 3」 */
export function seatsSummary(capacity: number | null, seats: { going: number; waitlisted: number }): string {
  const limit = capacity === null ? '定員なし' : `定員 ${capacity}`;
  return `参加 ${seats.going} / ${limit}、キャンセル待ち ${seats.waitlisted}`;
}
