// Which slots of a bookable service can be booked: pure, in Tokyo time
// (fixed +09:00) whatever the runtime zone, so it runs the same on Workers.
import { inYearEnd } from '../profile/year-end';
import { addIsoDays, isHoliday, tokyoDate, tokyoParts, type Weekday } from '../time/tokyo';
import type { BookableService, SlotWindow } from './service';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export interface Slot {
  serviceId: string;
  start: Date;
  end: Date;
  seatsLeft: number;
}

/**
 * A staff block (from the database): a whole day is [Tokyo midnight, next midnight).
 * With neither serviceId nor departmentId it closes every service.
 */
export interface Closure {
  serviceId?: string | null | undefined;
  departmentId?: string | null | undefined;
  start: Date;
  end: Date;
  reason?: string | null | undefined;
}

/** One seat held by a booking that is not cancelled. */
export interface TakenSeat {
  serviceId?: string | undefined;
  slotStart: Date;
}

export interface AvailabilityOptions {
  /** Slots starting at or after this instant… */
  from: Date;
  /** …and before this one. */
  to: Date;
  now: Date;
  closures?: readonly Closure[] | undefined;
  taken?: readonly TakenSeat[] | undefined;
}

export type DayClosedReason = 'holiday' | 'year_end' | 'closure' | 'closed_weekday' | 'no_sessions';

export interface DayPlan {
  date: string;
  windows: SlotWindow[];
  closedReason?: DayClosedReason;
  holidayName?: string;
}

/** Whole-day staff closure for a Tokyo date. */
export function wholeDayClosure(isoDate: string, scope: Omit<Closure, 'start' | 'end'> = {}): Closure {
  return { ...scope, start: tokyoDate(isoDate), end: tokyoDate(addIsoDays(isoDate, 1)) };
}

export const closureApplies = (service: BookableService, c: Closure): boolean =>
  (c.serviceId == null || c.serviceId === service.id) && (c.departmentId == null || c.departmentId === service.departmentId);

/** The windows the profile gives for one Tokyo day (staff closures aside). */
export function dayPlan(service: BookableService, isoDate: string, weekday: Weekday, dayOfMonth: number): DayPlan {
  const holiday = isHoliday(isoDate);
  const named = holiday ? { holidayName: holiday.name } : {};
  const closed = (closedReason: DayClosedReason): DayPlan => ({ date: isoDate, windows: [], closedReason, ...named });
  if (service.closures.has(isoDate)) return closed('closure');
  if (inYearEnd(isoDate, service.yearEndClosure)) return closed('year_end');
  if (holiday && service.closedOnHolidays) return closed('holiday');

  const windows: SlotWindow[] = [...(service.sessions.get(isoDate) ?? [])];
  if (!service.closedWeekdays.has(weekday)) {
    windows.push(...service.weekly[weekday]);
    const nth = Math.ceil(dayOfMonth / 7);
    for (const rule of service.monthly) if (rule.weekday === weekday && rule.nth === nth) windows.push(rule.window);
  }
  if (windows.length === 0) return closed(service.closedWeekdays.has(weekday) ? 'closed_weekday' : 'no_sessions');
  windows.sort((a, b) => a.from - b.from);
  return { date: isoDate, windows, ...named };
}

/** Slot start offsets (minutes after midnight) for a day: back to back, each fully inside its window. */
function slotStarts(windows: readonly SlotWindow[], slotMinutes: number): number[] {
  const out: number[] = [];
  let lastEnd = -1;
  for (const w of windows) {
    let count = 0;
    for (let m = w.from; m + slotMinutes <= w.to && (w.maxSlots === undefined || count < w.maxSlots); m += slotMinutes) {
      // Overlapping rules on one day (e.g. a session inside a weekly window) must not double a slot.
      if (m < lastEnd) continue;
      out.push(m);
      lastEnd = m + slotMinutes;
      count++;
    }
  }
  return out;
}

const overlaps = (c: Closure, start: number, end: number): boolean => c.start.getTime() < end && c.end.getTime() > start;

/**
 * Every slot the schedule offers in [from, to), before now-dependent limits and
 * seats taken (staff views use this). seatsLeft is the full seat count.
 */
export function scheduledSlots(service: BookableService, opts: { from: Date; to: Date; closures?: readonly Closure[] | undefined }): Slot[] {
  const fromMs = opts.from.getTime();
  const toMs = opts.to.getTime();
  const out: Slot[] = [];
  if (!(fromMs < toMs)) return out;
  const closures = (opts.closures ?? []).filter((c) => closureApplies(service, c) && c.end.getTime() > fromMs && c.start.getTime() < toMs);
  const slotMs = service.slotMinutes * MINUTE_MS;
  let midnight = tokyoDate(tokyoParts(opts.from).isoDate).getTime();
  for (; midnight < toMs; midnight += DAY_MS) {
    const p = tokyoParts(new Date(midnight));
    const plan = dayPlan(service, p.isoDate, p.weekday, p.day);
    if (plan.windows.length === 0) continue;
    for (const m of slotStarts(plan.windows, service.slotMinutes)) {
      const start = midnight + m * MINUTE_MS;
      if (start < fromMs || start >= toMs) continue;
      const end = start + slotMs;
      if (closures.length > 0 && closures.some((c) => overlaps(c, start, end))) continue;
      out.push({ serviceId: service.id, start: new Date(start), end: new Date(end), seatsLeft: service.seatsPerSlot });
    }
  }
  return out;
}

/** [earliest, latest) instants a slot may start at, seen from `now`. */
export function bookingRange(service: BookableService, now: Date): { earliest: Date; latest: Date } {
  const today = tokyoParts(now).isoDate;
  return {
    earliest: new Date(now.getTime() + service.minNoticeHours * HOUR_MS),
    // bookAheadDays counts Tokyo calendar days: with 60, the whole 60th day after today is open.
    latest: tokyoDate(addIsoDays(today, service.bookAheadDays + 1)),
  };
}

function countTaken(service: BookableService, taken: readonly TakenSeat[] | undefined): Map<number, number> {
  const byStart = new Map<number, number>();
  for (const t of taken ?? []) {
    if (t.serviceId !== undefined && t.serviceId !== service.id) continue;
    const k = t.slotStart.getTime();
    byStart.set(k, (byStart.get(k) ?? 0) + 1);
  }
  return byStart;
}

/** Slots a resident can book now: the schedule within bookAhead and minNotice, minus full ones. */
export function availableSlots(service: BookableService, opts: AvailabilityOptions): Slot[] {
  const { earliest, latest } = bookingRange(service, opts.now);
  const from = new Date(Math.max(opts.from.getTime(), earliest.getTime()));
  const to = new Date(Math.min(opts.to.getTime(), latest.getTime()));
  const slots = scheduledSlots(service, { from, to, closures: opts.closures });
  const taken = countTaken(service, opts.taken);
  if (taken.size === 0) return slots;
  const out: Slot[] = [];
  for (const s of slots) {
    const left = service.seatsPerSlot - (taken.get(s.start.getTime()) ?? 0);
    if (left > 0) out.push(left === s.seatsLeft ? s : { ...s, seatsLeft: left });
  }
  return out;
}

export interface OpenDay {
  date: string; // Tokyo "YYYY-MM-DD"
  slots: Slot[];
}

/** The next `n` Tokyo days with at least one bookable slot (for quick replies). */
export function nextOpenDays(
  service: BookableService,
  now: Date,
  n: number,
  opts: { closures?: readonly Closure[] | undefined; taken?: readonly TakenSeat[] | undefined } = {},
): OpenDay[] {
  const { latest } = bookingRange(service, now);
  const days: OpenDay[] = [];
  for (const slot of availableSlots(service, { from: now, to: latest, now, ...opts })) {
    const date = tokyoParts(slot.start).isoDate;
    const last = days.at(-1);
    if (last?.date === date) last.slots.push(slot);
    else if (days.length === n) break;
    else days.push({ date, slots: [slot] });
  }
  return days;
}

export type SlotRejection =
  | { reason: 'past' }
  | { reason: 'too_soon'; earliest: Date }
  | { reason: 'too_far'; latest: Date }
  | { reason: 'holiday'; holidayName?: string }
  | { reason: 'year_end' }
  | { reason: 'closure' }
  | { reason: 'closed_weekday' }
  | { reason: 'not_a_slot' };

export type SlotCheck = { ok: true; slot: Slot } | ({ ok: false } & SlotRejection);

/**
 * Whether `start` is a slot of this service that may be booked at `now`, and if
 * not, why (seats aside: the database counts those).
 */
export function checkSlot(service: BookableService, start: Date, opts: { now: Date; closures?: readonly Closure[] | undefined }): SlotCheck {
  if (Number.isNaN(start.getTime())) return { ok: false, reason: 'not_a_slot' };
  if (start.getTime() < opts.now.getTime()) return { ok: false, reason: 'past' };
  const p = tokyoParts(start);
  const plan = dayPlan(service, p.isoDate, p.weekday, p.day);
  if (plan.closedReason === 'holiday') return { ok: false, reason: 'holiday', ...(plan.holidayName ? { holidayName: plan.holidayName } : {}) };
  if (plan.closedReason === 'year_end' || plan.closedReason === 'closure' || plan.closedReason === 'closed_weekday') {
    return { ok: false, reason: plan.closedReason };
  }
  const end = new Date(start.getTime() + service.slotMinutes * MINUTE_MS);
  const slot = scheduledSlots(service, { from: start, to: new Date(start.getTime() + 1) }).find((s) => s.start.getTime() === start.getTime());
  if (!slot) return { ok: false, reason: 'not_a_slot' };
  if ((opts.closures ?? []).some((c) => closureApplies(service, c) && overlaps(c, start.getTime(), end.getTime()))) {
    return { ok: false, reason: 'closure' };
  }
  const { earliest, latest } = bookingRange(service, opts.now);
  if (start < earliest) return { ok: false, reason: 'too_soon', earliest };
  if (start >= latest) return { ok: false, reason: 'too_far', latest };
  return { ok: true, slot };
}
