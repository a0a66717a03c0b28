import type { EventRow } from '../db/schema';
import type { SeatCounts } from '../events/seats';
import type { BookingOption } from './booking';

// Event and notice-setting data the engine reads but cannot fetch: asked for and answered
// like booking data (see src/engine/booking.ts), loaded by src/services/event-answers.ts.

/** One event as a card shows it: the row, seats taken, and the resident's own RSVP. */
export interface EventCard {
  event: EventRow;
  seats?: SeatCounts;
  mine?: 'going' | 'waitlisted';
}

export type EventWhen = 'week' | 'month' | 'date' | 'any';

export type EventNeed =
  /** Quick replies: the council's areas or event kinds for a search, a page at a time. */
  | { kind: 'eventAreas'; page: number }
  | { kind: 'eventKinds'; page: number }
  /** Quick replies that add or remove an area or kind from the notice settings being edited. */
  | { kind: 'noticeAreas'; page: number; selected: string[] }
  | { kind: 'noticeKinds'; page: number; selected: string[] }
  /** The event kinds the council suggests for a consultation's category. */
  | { kind: 'suggestedKinds'; category: string }
  /** Published events ahead, in an area ('*' = all) and of some kinds (empty = all), in a period. */
  | { kind: 'eventSearch'; area: string; kinds: string[]; when: EventWhen; date?: string }
  /** The resident's own RSVPs (going or waitlisted) for events not started yet. */
  | { kind: 'myEvents' }
  | { kind: 'event'; eventId: string }
  /** 参加する: derived from the session revision and the event, so a retried step gives the same RSVP. */
  | { kind: 'rsvp'; eventId: string; requestKey: string }
  | { kind: 'leaveEvent'; eventId: string }
  | { kind: 'noticeSettings' };

export type EventAnswer =
  | { kind: 'options'; options: BookingOption[] }
  | { kind: 'suggestedKinds'; kinds: string[] }
  | { kind: 'events'; cards: EventCard[] }
  /** card: null for an event residents cannot see (unknown, or a draft); closed: why it cannot be joined now (set whenever card is null). */
  | { kind: 'event'; card: EventCard | null; closed: string | null }
  /** What happened to a 参加する or 参加をやめる, in words, and the event as it now stands. */
  | { kind: 'eventOutcome'; message: string; card: EventCard | null }
  | { kind: 'noticeSettings'; optedIn: boolean; areas: string[]; kinds: string[]; summary: string };

const EVENT_NEEDS: ReadonlySet<string> = new Set<EventNeed['kind']>([
  'eventAreas',
  'eventKinds',
  'noticeAreas',
  'noticeKinds',
  'suggestedKinds',
  'eventSearch',
  'myEvents',
  'event',
  'rsvp',
  'leaveEvent',
  'noticeSettings',
]);

export const isEventNeed = (need: { kind: string }): need is EventNeed => EVENT_NEEDS.has(need.kind);
