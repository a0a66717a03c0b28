import type { SessionVars } from './flow-types';

// Booking data the engine reads but cannot fetch (it is pure). While stepping, the engine
// records what it needed and did not have (a BookingNeed); the conversation service loads
// those answers and steps again from the same session, until nothing is missing. A pass
// with missing answers is thrown away, so it never matters what it said.

/** One dynamic quick reply: `id` is stable for the thing it names, `set` is what a tap stores. */
export interface BookingOption {
  id: string;
  label: string;
  set: Partial<Omit<SessionVars, 'misses'>>;
  /** A longer line for lists (e.g. a booking with its service and place). */
  line?: string;
  /** A tap shows the same question again (a toggle, or the next page) instead of going on. */
  again?: true;
}

export const DYNAMIC_SOURCES = ['services', 'days', 'times', 'bookings', 'eventAreas', 'eventKinds', 'noticeAreas', 'noticeKinds'] as const;
export type DynamicSource = (typeof DYNAMIC_SOURCES)[number];

/** At most this many dynamic choices per source (the loader cuts, validation counts them toward LINE's 13). */
export const DYNAMIC_LIMITS: Record<DynamicSource, number> = {
  services: 8,
  days: 8,
  times: 10,
  bookings: 8,
  // Areas and kinds come a page at a time: up to 9 and a 「ほかの…」 choice for the next page.
  eventAreas: 10,
  eventKinds: 10,
  noticeAreas: 10,
  noticeKinds: 10,
};
/** The longest dynamic choice id (a booking UUID with its prefix), for the postback length check. */
export const LONGEST_DYNAMIC_ID = 'b.00000000-0000-0000-0000-000000000000';

export interface BookRequestNeed {
  kind: 'book';
  /** Derived from the session revision and the slot: a double tap or a redelivery carries the same key. */
  requestKey: string;
  serviceId: string;
  date: string;
  time: string;
  contact: 'line' | 'phone';
  topic?: string;
  /** Set for a change: the booking the new one replaces (kept until the new one is in). */
  changingId?: string;
}

export type BookingNeed =
  | { kind: 'services' }
  | { kind: 'departmentService'; category: string; prefer: string[] }
  | { kind: 'days'; serviceId: string }
  | { kind: 'times'; serviceId: string; date: string }
  | { kind: 'bookings' }
  | BookRequestNeed;

export type BookingAnswer =
  | { kind: 'options'; options: BookingOption[]; dateRange?: { min: string; max: string } }
  | { kind: 'departmentService'; serviceId: string | null }
  | { kind: 'book'; ok: true; bookingId: string }
  | { kind: 'book'; ok: false; reason: string; message: string };

/** Answers by needKey(need): filled by the conversation service before (re)stepping. */
export type BookingAnswers = ReadonlyMap<string, BookingAnswer>;

export const needKey = (need: { kind: string }): string => JSON.stringify(need);
