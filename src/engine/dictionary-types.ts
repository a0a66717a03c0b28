import type { Category, CrisisKind } from './taxonomy';

// Shape of the triage dictionary kept as data in flows/dictionary.
// Phrases are written in plain Japanese and normalised (normalizeJa) when the
// dictionary is compiled. A phrase may contain `{group}` placeholders, expanded
// with every member of `groups[group]`, and inline alternatives `(誰|だれ)`
// (cartesian product when several).

export type Phrases = readonly string[];

/** A family of phrases sharing one weight. */
export interface Weighted {
  readonly w: number;
  readonly p: Phrases;
}

export interface UrgentFamily extends Weighted {
  /** Category the phrase also points to (food and housing → money, damage → disaster). */
  readonly category?: Category;
  /** Only counts when this context (see `contexts`) is present in the same message. */
  readonly needs?: string;
}

export interface CrisisFamily {
  readonly kinds: readonly CrisisKind[];
  readonly p: Phrases;
  /** Only counts when this context (see `contexts`) is present in the same message. */
  readonly needs?: string;
  /** Overrides the kind's default category hint (e.g. a bare cry for help → isolation). */
  readonly category?: Category;
  /** Overrides the weight of that hint (weak when the resident is the one who might hurt someone). */
  readonly w?: number;
  /** Context rules leave this family's kinds alone (the writer fears hurting someone: not DV because a husband is named). */
  readonly keepKind?: boolean;
  /** Counts only when the message names no other worry (a bare たすけて). */
  readonly alone?: boolean;
}

/** Words whose presence anywhere in a message gives crisis phrases their context. */
export interface Context {
  readonly words: Phrases;
  /** Longer phrases that contain a context word without meaning it (大丈夫 contains 夫). */
  readonly notWords?: Phrases;
}

/** Turns one crisis kind into a more specific one when a context is present. */
export interface CrisisContextRule {
  readonly from: CrisisKind;
  readonly to: CrisisKind;
  readonly context: string;
}

export interface Negation {
  /** Cancel a category or urgent phrase they immediately follow (after an optional filler). */
  readonly category: { readonly fillers: Phrases; readonly cores: Phrases };
  /** Cancel a crisis phrase: denials always, hedges only when no contrast follows (死にたいわけじゃないけど…). */
  readonly crisisDenials: Phrases;
  readonly crisisHedges: Phrases;
  readonly contrast: Phrases;
  /** Polite tails allowed between a hedge and the contrast word (…わけではないですが). */
  readonly contrastTails: Phrases;
  /** A crisis phrase after a past marker and before a "now" marker is history (昔は…今は落ち着いています). */
  readonly past: Phrases;
  readonly now: Phrases;
  /** After a crisis phrase these close it whatever its kind, without a past marker (夫のDVで離婚して5年). */
  readonly closed: Phrases;
  /** After a past marker these say it still goes on (昔から), so the marker does not make history. */
  readonly pastOngoing: Phrases;
  /** Between a past marker and a crisis phrase these bring the story back to the present (昔…今日また倒れた). */
  readonly recent: Phrases;
  /**
   * Kinds that are events rather than states (someone collapsed): a phrase of a family raising only these kinds
   * is history after a past marker alone, or after a recent-past one (先週倒れて), or before a word telling it
   * is over (もう退院して), and hypothetical when a conditional follows it directly (倒れたら, 火事の時).
   */
  readonly eventKinds: readonly CrisisKind[];
  readonly eventPast: Phrases;
  readonly resolved: Phrases;
  readonly conditional: Phrases;
}

export interface ThirdParty {
  /** Someone outside the resident's own household, living or found nearby, is the subject. */
  readonly markers: Phrases;
  /** The writer acts in a role (民生委員, ケアマネ, shopkeeper) for the person concerned. */
  readonly reporters: Phrases;
  /** Longer phrases that contain a marker but name the resident's own family (お母さんの家). */
  readonly notMarkers: Phrases;
  /** A marker followed by one of these is company, not a worry (近所の人と交流したい). */
  readonly notBefore: Phrases;
  readonly w: number;
  /** Categories a message about someone nearby keeps instead of becoming `neighbor`. */
  readonly keeps: readonly Category[];
  /** Categories a report written in a role keeps (when no one nearby is named). */
  readonly reportersKeep: readonly Category[];
}

/**
 * Signs of distress that do not name a crisis (もう限界, 何日も眠れない, 誰にも相談できない). They never
 * change category or urgency: they only let the conversation add a word of care and numbers to call,
 * a second net under crisis phrases that a new way of saying one's danger can slip past.
 */
export interface DistressFamily {
  /** What the family is a sign of (despair, exhaustion…): for people reading `distressPhrases`. */
  readonly sign: string;
  readonly p: Phrases;
}

export interface Distress {
  readonly families: readonly DistressFamily[];
  /** Harmless uses of distress words: cancel a distress phrase they overlap unless it is longer (crisis idioms too). */
  readonly idioms: Phrases;
  /** After a distress phrase, an optional tail, a contrast and a good ending undo it (疲れ果てたけど楽しかった). */
  readonly relief: { readonly tails: Phrases; readonly contrast: Phrases; readonly endings: Phrases };
}

export interface TriageDictionary {
  /** [from, to] pairs: dialect, colloquial and typo forms → the form the phrases use. */
  readonly variants: readonly (readonly [string, string])[];
  readonly groups: Readonly<Record<string, Phrases>>;
  /** Kana readings of kanji words; phrases (not context words or third-party markers) also match every kanji/kana mix. */
  readonly readings: Readonly<Record<string, string | readonly string[]>>;
  readonly categories: Readonly<Record<Category, readonly Weighted[]>>;
  /** Order among categories whose strongest phrases weigh the same, first wins (needs before who the person is). */
  readonly tieOrder: readonly Category[];
  readonly urgent: readonly UrgentFamily[];
  readonly crisis: readonly CrisisFamily[];
  /** Category hint each crisis kind gives when the message names no stronger worry. */
  readonly crisisCategory: Readonly<Record<CrisisKind, { readonly category: Category; readonly w: number }>>;
  /** Named word sets for `needs` and for crisis context rules. */
  readonly contexts: Readonly<Record<string, Context>>;
  readonly crisisContext: readonly CrisisContextRule[];
  /** Non-crisis idioms: cancel crisis phrases they overlap unless the crisis phrase is longer. */
  readonly idioms: Phrases;
  readonly negation: Negation;
  readonly thirdParty: ThirdParty;
  readonly distress: Distress;
}
