import type { GlobalIntent } from './conversation-types';
import type { DynamicSource } from './booking';
import type { EffectName } from './effects';
import type { Category, CrisisKind, Urgency } from './taxonomy';

/** What the engine asks the LINE edge to show; the edge renders it with the council profile. */
export type Out =
  | { type: 'text'; text: string }
  /** The department for the session's category (and sub-route / area), with open-now status. */
  | { type: 'department' }
  | { type: 'hotlines'; kinds: CrisisKind[] }
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
  | { type: 'bookingFailure' };

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
  /** Free texts in a row that the classifier did not understand. */
  misses: number;
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
  | 'changing';

export interface Flow {
  id: string;
  version: number;
  start: string;
  nodes: Record<string, FlowNode>;
}

export const defineFlow = <F extends Flow>(flow: F): F => flow;
