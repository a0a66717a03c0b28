// When a department (or the LINE account) is open, in Tokyo time.
import { addIsoDays, formatTokyo, isHoliday, tokyoDate, tokyoParts, weekdayKanji, type Weekday } from '../time/tokyo';
import type { Department, Schedule, TimeRange } from './schema';
import { inYearEnd } from './year-end';

export type ClosedReason = 'holiday' | 'closed_weekday' | 'year_end' | 'closure' | 'outside_hours';

export interface OpenStatus {
  open: boolean;
  reason?: ClosedReason;
  holidayName?: string;
  /** Hours that apply today; empty when the whole day is closed. */
  todayHours: TimeRange[];
  /** Start of the next opening, searched at most 14 days ahead. */
  nextOpen?: Date;
  /** When the current opening ends (only when open). */
  closesAt?: Date;
  /** Which weekday was closed (only for closed_weekday). */
  weekday?: Weekday;
}

const SEARCH_DAYS = 14;

export const departmentSchedule = (dept: Department): Schedule => ({
  hours: dept.phoneHours,
  closedWeekdays: dept.closedWeekdays,
  closedOnHolidays: dept.closedOnHolidays,
  yearEndClosure: dept.yearEndClosure,
  closures: dept.closures,
});

interface DayStatus {
  closedReason?: Exclude<ClosedReason, 'outside_hours'>;
  holidayName?: string;
  hours: TimeRange[];
}

function dayStatus(schedule: Schedule, isoDate: string, weekday: Weekday): DayStatus {
  const holiday = isHoliday(isoDate);
  const holidayName = holiday ? { holidayName: holiday.name } : {};
  const closed = (closedReason: DayStatus['closedReason']): DayStatus => ({ closedReason, ...holidayName, hours: [] });
  if (schedule.closures.includes(isoDate)) return closed('closure');
  if (inYearEnd(isoDate, schedule.yearEndClosure)) return closed('year_end');
  if (holiday && schedule.closedOnHolidays) return closed('holiday');
  const hours = schedule.hours[weekday];
  if (schedule.closedWeekdays.includes(weekday) || hours.length === 0) return closed('closed_weekday');
  return { ...holidayName, hours: [...hours] };
}

function findNextOpen(schedule: Schedule, now: Date): Date | undefined {
  const today = tokyoParts(now);
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    const isoDate = offset === 0 ? today.isoDate : addIsoDays(today.isoDate, offset);
    const weekday = offset === 0 ? today.weekday : tokyoParts(tokyoDate(isoDate)).weekday;
    const day = dayStatus(schedule, isoDate, weekday);
    const start = day.hours.find((r) => offset > 0 || r.from > today.hhmm);
    if (start) return tokyoDate(isoDate, start.from);
  }
  return undefined;
}

export function scheduleStatus(schedule: Schedule, now: Date): OpenStatus {
  const p = tokyoParts(now);
  const day = dayStatus(schedule, p.isoDate, p.weekday);
  const base = {
    todayHours: day.hours,
    ...(day.holidayName !== undefined ? { holidayName: day.holidayName } : {}),
  };
  const current = day.hours.find((r) => r.from <= p.hhmm && p.hhmm < r.to);
  if (current) return { open: true, ...base, closesAt: tokyoDate(p.isoDate, current.to) };

  const reason: ClosedReason = day.closedReason ?? 'outside_hours';
  const nextOpen = findNextOpen(schedule, now);
  return {
    open: false,
    reason,
    ...base,
    ...(reason === 'closed_weekday' ? { weekday: p.weekday } : {}),
    ...(nextOpen ? { nextOpen } : {}),
  };
}

export function openStatus(dept: Department, now: Date): OpenStatus {
  return scheduleStatus(departmentSchedule(dept), now);
}

// ---- Resident-facing wording ----

export type StatusChannel = 'phone' | 'line';

const hm = (hhmm: string): string => hhmm.replace(/^0(\d)/, '$1');
export const formatHours = (ranges: readonly TimeRange[]): string =>
  ranges.map((r) => `${hm(r.from)}〜${hm(r.to)}`).join('、');

function holidayPhrase(name: string): string {
  if (name === '休日') return '本日は国民の休日です';
  const substitute = /^(.+?)\s*振替休日$/.exec(name);
  if (substitute) return `本日は振替休日（${substitute[1]}）です`;
  return `本日は祝日：${name}`;
}

function closedPhrase(status: OpenStatus): string {
  switch (status.reason) {
    case 'holiday':
      return status.holidayName ? holidayPhrase(status.holidayName) : '本日は祝日のためお休みです';
    case 'closed_weekday':
      return status.weekday ? `毎週${weekdayKanji(status.weekday)}曜日はお休みです` : '本日はお休みです';
    case 'year_end':
      return '年末年始のお休みです';
    case 'closure':
      return '本日は臨時のお休みです';
    default:
      return status.todayHours.length > 0 ? `本日の受付時間は ${formatHours(status.todayHours)} です` : '本日はお休みです';
  }
}

const isSameTokyoDay = (a: Date, b: Date): boolean => tokyoParts(a).isoDate === tokyoParts(b).isoDate;

/**
 * e.g. 「いまは受付時間外です（本日は祝日：勤労感謝の日）。次は 11月24日(火) 9:00 から受け付けます。」
 * channel 'line' words it for counselors reading LINE messages.
 */
export function describeOpenStatus(status: OpenStatus, now: Date, channel: StatusChannel = 'phone'): string {
  if (status.open) {
    const hours = `本日 ${formatHours(status.todayHours)}`;
    return channel === 'line'
      ? `いまは相談員がメッセージを確認している時間です（${hours}）。`
      : `いま電話で相談できます（${hours}）。`;
  }
  const head =
    channel === 'line' ? `いまは相談員の対応時間外です（${closedPhrase(status)}）。` : `いまは受付時間外です（${closedPhrase(status)}）。`;
  if (!status.nextOpen) {
    return `${head}しばらくの間、受付をお休みしています。`;
  }
  const sameDay = isSameTokyoDay(status.nextOpen, now);
  const when = sameDay ? `本日 ${formatTokyo(status.nextOpen, 'H:mm')}` : formatTokyo(status.nextOpen);
  if (channel === 'line') return `${head}${when} から順にお返事します。`;
  return sameDay ? `${head}${when} から受け付けます。` : `${head}次は ${when} から受け付けます。`;
}
