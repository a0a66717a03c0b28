import type { Flow, Say, Target } from './flow-types';
import type { Category, CrisisKind } from './taxonomy';

export const GLOBAL_INTENTS = [
  'menu',
  'human',
  'privacy',
  'giveConsent',
  'declineConsent',
  'withdrawConsent',
  'book',
  'myBookings',
  'events',
  'myEvents',
  'cancelWhich',
  'noticeSettings',
  'stopNotices',
] as const;
export type GlobalIntent = (typeof GLOBAL_INTENTS)[number];

/** Words that mean a global intent: `exact` must be the whole message, `contains` anywhere in it. */
export type IntentWords = Record<GlobalIntent, { exact: string[]; contains: string[] }>;

/** Everything the engine runs: the flows (all versions still in use) and how they connect. */
export interface Conversation {
  flows: Flow[];
  /** Where each situation starts. */
  entries: {
    follow: Target;
    notUnderstood: Target;
    notUnderstoodTwice: Target;
    expired: Target;
    unsupported: Target;
    /** Where the resident lands when a counselor closes their case (the bot takes over again). */
    handback: Target;
    /** The buttons on event cards (see EventAction): they work from any state, days later too. */
    eventDetails: Target;
    eventJoin: Target;
    eventLeave: Target;
  } & Record<GlobalIntent, Target>;
  /** Where a message the classifier understood goes, per category. */
  categories: Record<Category, Target>;
  intents: IntentWords;
  crisis: {
    /** Said first, for every crisis. */
    opening: string;
    /** One line per kind that applies, after the opening. */
    byKind: Record<CrisisKind, string>;
    /** After the hotlines: what happens next. */
    closing: string;
    /** After the closing, when the crisis puts the resident in the counselor queue (position, hours). */
    inQueue: Say[];
    /** Instead of the closing (and with no queue news or choices) while a counselor already has the case. */
    closingWithCounselor: string;
    /** Quick replies after a crisis answer (global intents only: they never expire). */
    choices: { label: string; intent: GlobalIntent }[];
  };
  /**
   * The second safety net: a text with signs of distress that is not a crisis (the classifier may
   * have missed one) gets, after whatever the bot says, one more message: a word of care, the
   * numbers of the profile's `distressHotlineIds` and the way to a person. Nothing else changes.
   */
  distress: {
    /** Before the numbers. */
    opening: string;
    /** After the numbers. */
    closing: string;
    /** Added to the quick replies when not there already (global intents only: they never expire). */
    choices: { label: string; intent: GlobalIntent }[];
    /** Not shown again to the same resident sooner than this. */
    quietHours: number;
  };
}
