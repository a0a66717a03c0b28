import type { GlobalIntent } from './conversation-types';
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
  | { type: 'queuePosition' };

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
  /** What free text means here: run the classifier, or take it as a note and go on. */
  onText?: 'classify' | { note: Target };
  /** Where a tap or text that fits nothing goes (required when the node waits for input). */
  fallback?: Target;
  /** Go on at once to another node (its messages follow in the same reply). */
  next?: Target;
  effects?: EffectName[];
  /** Entering this node starts a new consultation: what was chosen before is forgotten. */
  reset?: true;
}

export interface Flow {
  id: string;
  version: number;
  start: string;
  nodes: Record<string, FlowNode>;
}

export const defineFlow = <F extends Flow>(flow: F): F => flow;
