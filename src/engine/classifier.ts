import { triageDictionary } from '../../flows/dictionary/index';
import {
  contains,
  crisisHits,
  crisisKindsOf,
  dropContained,
  needsMet,
  overlaps,
  presentContexts,
  type Hit,
} from './crisis-detect';
import type { TriageDictionary } from './dictionary-types';
import { distressHits } from './distress-detect';
import { CATEGORIES, CRISIS_KINDS, type Category, type CrisisKind, type Urgency } from './taxonomy';
import { compiled } from './triage-compile';

export interface Triage {
  readonly category: Category;
  readonly urgency: Urgency;
  readonly crisisKinds: CrisisKind[];
  /** The dictionary phrases that decided, in the order they appear in the message. */
  readonly matched: string[];
  /** 0 when nothing was understood; grows with stronger evidence and a clearer lead over the runner-up. */
  readonly confidence: number;
  /** The message is about someone outside the resident's household. */
  readonly thirdParty: boolean;
  /**
   * Signs of distress (もう限界, 何日も眠れない, 誰にも相談できない…), whatever the urgency. They decide
   * nothing above: the conversation only adds a word of care and numbers to call when there is no crisis.
   */
  readonly distress: boolean;
  /** The distress phrases found, in the order they appear in the message. */
  readonly distressPhrases: string[];
}

// The strongest phrase decides; further phrases of the same category only add a
// little (for confidence and among equals), so a message naming a need once
// (働きたい) is not outvoted by several words describing who the person is (精神, 障害).
const EXTRA_PHRASE_SHARE = 0.1;

function scoreOf(ws: readonly number[]): number {
  if (ws.length === 0) return 0;
  const max = Math.max(...ws);
  return max + EXTRA_PHRASE_SHARE * (ws.reduce((a, b) => a + b, 0) - max);
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function confidenceOf(top: number, runnerUp: number): number {
  if (top <= 0) return 0;
  const strength = 1 - Math.exp(-top / 2);
  const margin = Math.max(0, top - runnerUp) / top;
  return Math.max(0.01, round2(strength * (0.4 + 0.6 * margin)));
}

const labelsInOrder = (hits: Hit[]): string[] =>
  [...new Set(hits.sort((a, b) => a.start - b.start || b.end - a.end).map((h) => h.value.label))];

export function classify(text: string, dict: TriageDictionary = triageDictionary): Triage {
  const c = compiled(dict);
  const norm = c.normalize(text);
  const found = c.phrases.scan(norm);
  const contexts = presentContexts(dropContained(found.filter((h) => h.value.meaning.kind === 'context')));
  // A phrase that needs a missing context is not there at all, so it cannot hide a shorter one.
  const hits = dropContained(found.filter((h) => needsMet(h, contexts)));
  const negated = (h: Hit): boolean => c.categoryNegation.has(norm, h.end);
  const stated = crisisHits(c, hits, norm);
  // Words that are part of a longer crisis phrase are not a second worry (生きるのやめたい is not about a job).
  const insideCrisis = (h: Hit): boolean => stated.some((k) => contains(k, h));
  const worries = hits.filter((h) => {
    const kind = h.value.meaning.kind;
    return (kind === 'category' || kind === 'urgent') && !negated(h) && !insideCrisis(h);
  });
  const crisis = stated.filter(
    (h) => !(h.value.meaning.kind === 'crisis' && h.value.meaning.family.alone && worries.some((w) => !overlaps(w, h))),
  );
  const kinds = crisisKindsOf(c, crisis, contexts);

  const weights = new Map<Category, number[]>(CATEGORIES.map((cat) => [cat, []]));
  const evidence = new Map<Category, Hit[]>(CATEGORIES.map((cat) => [cat, []]));
  const credit = (cat: Category, w: number, h?: Hit): void => {
    weights.get(cat)?.push(w);
    if (h) evidence.get(cat)?.push(h);
  };

  const urgentHits: Hit[] = [];
  for (const h of worries) {
    const m = h.value.meaning;
    if (m.kind !== 'category' && m.kind !== 'urgent') continue;
    if (m.kind === 'urgent') urgentHits.push(h);
    if (m.category) credit(m.category, m.w, h);
  }
  for (const hint of kinds.values()) credit(hint.category, hint.w);

  const thirdHits = hits.filter((h) => {
    const m = h.value.meaning;
    return m.kind === 'third' && !m.block && !c.thirdNotBefore.has(norm, h.end);
  });
  const thirdParty = thirdHits.length > 0;
  if (thirdParty) {
    // A worry seen in someone else's household is 見守り: its evidence moves to neighbor.
    const nearby = thirdHits.some((h) => h.value.meaning.kind === 'third' && !h.value.meaning.reporter);
    const keeps = new Set<Category>(nearby ? dict.thirdParty.keeps : dict.thirdParty.reportersKeep);
    for (const cat of CATEGORIES) {
      if (cat === 'neighbor' || keeps.has(cat)) continue;
      weights.get('neighbor')?.push(...(weights.get(cat) ?? []));
      evidence.get('neighbor')?.push(...(evidence.get(cat) ?? []));
      weights.set(cat, []);
    }
    credit('neighbor', dict.thirdParty.w);
  }

  const scores = new Map<Category, number>(CATEGORIES.map((cat) => [cat, scoreOf(weights.get(cat) ?? [])]));
  const order = (cat: Category): number => {
    const i = dict.tieOrder.indexOf(cat);
    return i < 0 ? dict.tieOrder.length : i;
  };
  // Equal strongest phrases: the tie order (needs before who the person is) beats extra phrases.
  const strongest = (cat: Category): number => Math.max(0, ...(weights.get(cat) ?? []));
  const ranked = [...scores].sort(
    (a, b) => strongest(b[0]) - strongest(a[0]) || order(a[0]) - order(b[0]) || b[1] - a[1],
  );
  const [topCat, top] = ranked[0] ?? ['other', 0];
  const runnerUp = Math.max(0, ...ranked.slice(1).map(([, score]) => score));
  const category: Category = top > 0 ? topCat : 'other';

  const distress = distressHits(c, hits, norm);
  const deciding = [...crisis, ...urgentHits, ...thirdHits, ...(top > 0 ? (evidence.get(category) ?? []) : [])];
  const matched = labelsInOrder(deciding);

  return {
    category,
    urgency: kinds.size > 0 ? 'crisis' : urgentHits.length > 0 ? 'urgent' : 'normal',
    crisisKinds: CRISIS_KINDS.filter((k) => kinds.has(k)),
    matched,
    confidence: confidenceOf(top, runnerUp),
    thirdParty,
    distress: distress.length > 0,
    distressPhrases: labelsInOrder(distress),
  };
}
