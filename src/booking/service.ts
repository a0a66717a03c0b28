// A bookable service joined with its department's calendar: everything
// availability needs, resolved once from the profile.
import type { BookableServiceConfig, CouncilProfile, YearEndClosure } from '../profile/schema';
import { WEEKDAYS, type Weekday } from '../time/tokyo';

export interface SlotWindow {
  /** Minutes after Tokyo midnight. */
  from: number;
  to: number;
  maxSlots?: number | undefined;
}

export interface BookableService {
  id: string;
  name: string;
  departmentId: string;
  config: BookableServiceConfig;
  slotMinutes: number;
  seatsPerSlot: number;
  bookAheadDays: number;
  minNoticeHours: number;
  weekly: Readonly<Record<Weekday, readonly SlotWindow[]>>;
  monthly: readonly { nth: number; weekday: Weekday; window: SlotWindow }[];
  /** Dated sessions by Tokyo date. */
  sessions: ReadonlyMap<string, readonly SlotWindow[]>;
  closedWeekdays: ReadonlySet<Weekday>;
  closedOnHolidays: boolean;
  yearEndClosure?: YearEndClosure | undefined;
  /** Department and service closures from the profile. */
  closures: ReadonlySet<string>;
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toWindow = (w: { from: string; to: string; maxSlots?: number | undefined }): SlotWindow => ({
  from: minutes(w.from),
  to: minutes(w.to),
  maxSlots: w.maxSlots,
});

export class UnknownServiceError extends Error {
  constructor(id: string, known: readonly string[]) {
    super(`Unknown bookable service "${id}". Known services: ${known.join(', ') || '(none)'}`);
    this.name = 'UnknownServiceError';
  }
}

const cache = new WeakMap<CouncilProfile, Map<string, BookableService>>();

function resolveAll(profile: CouncilProfile): Map<string, BookableService> {
  const hit = cache.get(profile);
  if (hit) return hit;
  const out = new Map<string, BookableService>();
  for (const s of profile.bookableServices) {
    // The profile schema guarantees the department exists.
    const dept = profile.departments.find((d) => d.id === s.departmentId)!;
    const sessions = new Map<string, SlotWindow[]>();
    for (const session of s.sessions) sessions.set(session.date, [...(sessions.get(session.date) ?? []), toWindow(session)]);
    out.set(s.id, {
      id: s.id,
      name: s.name,
      departmentId: s.departmentId,
      config: s,
      slotMinutes: s.slotMinutes,
      seatsPerSlot: s.seatsPerSlot,
      bookAheadDays: s.bookAheadDays,
      minNoticeHours: s.minNoticeHours,
      weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, s.weekly[d].map(toWindow)])) as Record<Weekday, SlotWindow[]>,
      monthly: s.monthly.map((r) => ({ nth: r.nth, weekday: r.weekday, window: toWindow(r) })),
      sessions,
      closedWeekdays: new Set(dept.closedWeekdays),
      closedOnHolidays: dept.closedOnHolidays,
      yearEndClosure: dept.yearEndClosure,
      closures: new Set([...dept.closures, ...s.closures]),
    });
  }
  cache.set(profile, out);
  return out;
}

export function bookableServices(profile: CouncilProfile): BookableService[] {
  return [...resolveAll(profile).values()];
}

export function findBookableService(profile: CouncilProfile, id: string): BookableService | undefined {
  return resolveAll(profile).get(id);
}

export function getBookableService(profile: CouncilProfile, id: string): BookableService {
  const found = findBookableService(profile, id);
  if (!found) throw new UnknownServiceError(id, [...resolveAll(profile).keys()]);
  return found;
}
