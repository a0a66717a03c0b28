import type { GlobalIntent } from './conversation-types';
import type { DynamicSource } from './booking';
import type { EffectName } from './effects';
import type { EventCard, EventWhen } from './events';
import type { Category, CrisisKind, Urgency } from './taxonomy';

/** What the engine asks the LINE edge to show; the edge renders it with the council profile. */
export type Out =
  | { type: 'text'; text: string }
  /** The department for the session's category (and sub-route / area), with open-now status. */
  | { type: 'department' }
  | { type: 'hotlines'; kinds: CrisisKind[] }
  /** The distress safety net: the words, the profile's lines for distress between them (see Conversation.distress). */
  | { type: 'safetyNet'; opening: string; closing: string }
  | { type: 'privacyNotice' }
  /** Whether counselors read LINE now (account hours, holidays), and the hotlines when they do not. */
  | { type: 'accountStatus' }
  /** Where the resident stands in the counselor queue (「現在◯番目です」) and a rough wait (figures from the service). */
  | { type: 'queuePosition' }
  /** The booking being confirmed (service, date and time, contact), from the session. */
  | { type: 'bookingSummary' }
  /** The confirmation card (Flex) of the booking just made or changed, from the session. */
  | { type: 'bookingCard' }
  /** The resident's upcoming bookings, one line each (the engine fills it from loaded data). */
  | { type: 'bookingList' }
  /** Why the booking could not be made (the engine fills it from the booking attempt). */
  | { type: 'bookingFailure' }
  /** The events the search found, as a carousel of cards (the engine fills it from loaded data). */
  | { type: 'eventResults' }
  /** The events the resident has joined or waits for, as cards with 参加をやめる. */
  | { type: 'myEvents' }
  /** The event a card's button named, with its description. */
  | { type: 'eventDetails' }
  /** What 参加する / 参加をやめる did, in words, and the event's card as it now stands. */
  | { type: 'eventOutcome' }
  /** Why the event a button named cannot be shown or joined (cancelled, over, not published). */
  | { type: 'eventClosed' }
  /** The resident's stored notice settings, in words. */
  | { type: 'noticeSummary' }
  /** The areas and kinds chosen so far while editing the notice settings (from the session). */
  | { type: 'noticeSelection' }
  /** Event cards from loaded data: the engine turns the event outputs above into this; flows do not write it. */
  | { type: 'eventCards'; cards: EventCard[]; detailed?: boolean };

/** Text in flows may use {placeholders} filled from the council profile (see src/line/render.ts). */
export type Say = Out;

/** A node or a node in another flow ("flowId:nodeId"). */
export type Target = string;

export interface SessionVars {
  category?: Category;
  /** A sub-route name from the profile's routes (e.g. "loans", "disability"). */
  route?: string;
  areaId?: string;
  /** A short note the resident chose or wrote on the way (e.g. what a neighbor noticed). */
  note?: string;
  /** The highest urgency seen in this consultation. */
  urgency?: Urgency;
  /** Booking: the chosen service, Tokyo date (YYYY-MM-DD), start time (HH:mm), contact and topic. */
  serviceId?: string;
  date?: string;
  time?: string;
  contact?: 'line' | 'phone';
  /** A few words about the booking: the resident's own words, kept only with consent. */
  topic?: string;
  /** Booking: the booking picked from the list, and whether it is being moved to another slot. */
  bookingId?: string;
  changing?: boolean;
  /** Event search: an area id or '*', kind ids (none = all kinds), the period, and `date` for a picked day. */
  eventArea?: string;
  eventKinds?: string[];
  eventWhen?: EventWhen;
  /** The event a card's button named. */
  eventId?: string;
  /** Notice settings being edited: area and kind ids, or ['*'] for all. */
  noticeAreas?: string[];
  noticeKinds?: string[];
  /** Which page of a long list of choices (areas, kinds) is shown. */
  page?: number;
  /** Free texts in a row that the classifier did not understand. */
  misses: number;
  /** When the distress safety net was last shown (ms since epoch): kept across consultations. */
  distressNoteAt?: number;
}

interface ChoiceBase {
  /** Stable within its node: postbacks carry it. */
  id: string;
  /** Quick-reply label: at most 20 characters. */
  label: string;
  /** Words that, found in the resident's text (here, or in the text that led here), pick this choice without asking. */
  keywords?: string[];
}

export interface NodeChoice extends ChoiceBase {
  next: Target;
  /** Offered as LINE's date picker (within the booking range): the picked day is stored as `date`. */
  picker?: 'date';
  set?: Partial<Omit<SessionVars, 'misses'>>;
  effects?: EffectName[];
}

/** A choice that starts a global intent (e.g. 人と話したい): its button never expires. */
export interface IntentChoice extends ChoiceBase {
  intent: GlobalIntent;
}

export type Choice = NodeChoice | IntentChoice;

export interface FlowNode {
  say: Say[];
  /** Shown as quick replies; `areas` adds one choice per area of the council profile. */
  choices?: Choice[];
  choicesFromAreas?: { next: Target };
  /**
   * Choices from loaded data (bookable services, open days, open times, the resident's bookings),
   * before the static ones. A tap on one that is no longer there (a time just taken) goes to `gone`.
   */
  choicesFrom?: { source: DynamicSource; next: Target; gone?: Target };
  /** What free text means here: run the classifier, take it as a note, or as a booking topic, and go on. */
  onText?: 'classify' | { note: Target } | { topic: Target };
  /** Checked on entering, before anything is said: the first condition that holds sends the resident on instead. */
  divert?: { when: DivertCondition; to: Target }[];
  /** On entering, choose the bookable service of the department the consultation was routed to. */
  useDepartmentService?: true;
  /** On entering, search only the event kinds the council suggests for the consultation's category (all when none). */
  useSuggestedKinds?: true;
  /** On entering, start editing from the resident's stored notice settings. */
  useNoticeSettings?: true;
  /** Where a tap or text that fits nothing goes (required when the node waits for input). */
  fallback?: Target;
  /** Go on at once to another node (its messages follow in the same reply). */
  next?: Target;
  effects?: EffectName[];
  /** Entering this node starts a new consultation: what was chosen before is forgotten. */
  reset?: true;
}

export type DivertCondition =
  /** The routed department has no bookable service. */
  | 'noDepartmentService'
  /** The booking attempt of this step failed (full, too late…). */
  | 'bookingFailed'
  /** The node's dynamic choices are empty. */
  | 'noChoices'
  /** The resident has not consented to keeping their words. */
  | 'noConsent'
  /** An existing booking is being moved. */
  | 'changing'
  /** The event search found nothing. */
  | 'noEvents'
  /** The resident has joined no event that is still ahead. */
  | 'noMyEvents'
  /** The event a button named is unknown, unpublished, cancelled or already started. */
  | 'eventClosed'
  /** The resident has not opted in to notices (or stopped them). */
  | 'noticesOff'
  /** The notice settings being edited have no area chosen yet. */
  | 'noNoticeAreas'
  /** The notice settings being edited have no event kind chosen yet. */
  | 'noNoticeKinds';

export interface Flow {
  id: string;
  version: number;
  start: string;
  nodes: Record<string, FlowNode>;
}

export const defineFlow = <F extends Flow>(flow: F): F => flow;
