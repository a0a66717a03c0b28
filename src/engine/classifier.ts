import { triageDictionary } from '../../flows/dictionary/index';
import type { TriageDictionary } from './dictionary-types';
import type { Match } from './phrase-trie';
import { CATEGORIES, CRISIS_KINDS, type Category, type CrisisKind, type Urgency } from './taxonomy';
import { compiled, type CompiledDictionary, type Tagged } from './triage-compile';

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
}

type Hit = Match<Tagged>;

const length = (m: Hit): number => m.end - m.start;
const overlaps = (a: Hit, b: Hit): boolean => a.start < b.end && b.start < a.end;

/** A match inside a strictly longer match of the same layer is not counted (災害ボランティア ⊃ ボランティア). */
function dropContained(hits: Hit[]): Hit[] {
  return hits.filter(
    (m) =>
      !hits.some(
        (o) => o !== m && o.value.layer === m.value.layer && o.start <= m.start && o.end >= m.end && length(o) > length(m),
      ),
  );
}

function presentContexts(hits: Hit[]): Set<string> {
  const present = new Set<string>();
  for (const h of hits) {
    const m = h.value.meaning;
    if (m.kind === 'context' && !m.block) present.add(m.name);
  }
  return present;
}

function needsMet(h: Hit, contexts: Set<string>): boolean {
  const m = h.value.meaning;
  const needs = m.kind === 'crisis' ? m.family.needs : m.kind === 'urgent' ? m.needs : undefined;
  return needs === undefined || contexts.has(needs);
}

function crisisNegated(c: CompiledDictionary, h: Hit, text: string): boolean {
  if (c.crisisDenial.has(text, h.end)) return true;
  return c.crisisHedge.startsAt(text, h.end).some((hedge) => !c.contrast.has(text, hedge.end));
}

function crisisHits(c: CompiledDictionary, hits: Hit[], text: string): Hit[] {
  const idioms = hits.filter((h) => h.value.meaning.kind === 'idiom');
  return hits.filter((h) => {
    const m = h.value.meaning;
    if (m.kind !== 'crisis') return false;
    if (idioms.some((i) => overlaps(i, h) && length(h) <= length(i))) return false;
    return !crisisNegated(c, h, text);
  });
}

interface Hint {
  readonly category: Category;
  readonly w: number;
}

/** Kinds raised, after context rules (violence by a partner is DV), each with the strongest category hint it got. */
function crisisKindsOf(c: CompiledDictionary, hits: Hit[], contexts: Set<string>): Map<CrisisKind, Hint> {
  const kinds = new Map<CrisisKind, Hint>();
  const raise = (kind: CrisisKind, hint: Hint): void => {
    const seen = kinds.get(kind);
    if (!seen || hint.w > seen.w) kinds.set(kind, hint);
  };
  for (const h of hits) {
    const m = h.value.meaning;
    if (m.kind !== 'crisis') continue;
    for (const kind of m.family.kinds) {
      const fallback = c.dict.crisisCategory[kind];
      raise(kind, { category: m.family.category ?? fallback.category, w: m.family.w ?? fallback.w });
    }
  }
  const upgraded = new Set<CrisisKind>();
  for (const rule of c.dict.crisisContext) {
    if (kinds.has(rule.from) && contexts.has(rule.context)) {
      raise(rule.to, c.dict.crisisCategory[rule.to]);
      upgraded.add(rule.from);
    }
  }
  for (const kind of upgraded) kinds.delete(kind);
  return kinds;
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
  const margin = (top - runnerUp) / top;
  return Math.max(0.01, round2(strength * (0.4 + 0.6 * margin)));
}

export function classify(text: string, dict: TriageDictionary = triageDictionary): Triage {
  const c = compiled(dict);
  const norm = c.normalize(text);
  const found = c.phrases.scan(norm);
  const contexts = presentContexts(dropContained(found.filter((h) => h.value.meaning.kind === 'context')));
  // A phrase that needs a missing context is not there at all, so it cannot hide a shorter one.
  const hits = dropContained(found.filter((h) => needsMet(h, contexts)));
  const crisis = crisisHits(c, hits, norm);
  const kinds = crisisKindsOf(c, crisis, contexts);
  const negated = (h: Hit): boolean => c.categoryNegation.has(norm, h.end);

  const weights = new Map<Category, number[]>(CATEGORIES.map((cat) => [cat, []]));
  const evidence = new Map<Category, Hit[]>(CATEGORIES.map((cat) => [cat, []]));
  const credit = (cat: Category, w: number, h?: Hit): void => {
    weights.get(cat)?.push(w);
    if (h) evidence.get(cat)?.push(h);
  };

  // Words that are part of a longer crisis phrase are not a second worry (生きるのやめたい is not about a job).
  const insideCrisis = (h: Hit): boolean => crisis.some((k) => k.start <= h.start && k.end >= h.end && length(k) > length(h));

  const urgentHits: Hit[] = [];
  for (const h of hits) {
    const m = h.value.meaning;
    if ((m.kind !== 'category' && m.kind !== 'urgent') || negated(h) || insideCrisis(h)) continue;
    if (m.kind === 'urgent') urgentHits.push(h);
    if (m.category) credit(m.category, m.w, h);
  }
  for (const hint of kinds.values()) credit(hint.category, hint.w);

  const thirdHits = hits.filter((h) => {
    const m = h.value.meaning;
    return m.kind === 'third' && !m.block;
  });
  const thirdParty = thirdHits.length > 0;
  if (thirdParty) {
    // A worry seen in someone else's household is 見守り: its evidence moves to neighbor.
    const keeps = new Set<Category>(dict.thirdParty.keeps);
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
  const runnerUp = ranked[1]?.[1] ?? 0;
  const category: Category = top > 0 ? topCat : 'other';

  const deciding = [...crisis, ...urgentHits, ...thirdHits, ...(top > 0 ? (evidence.get(category) ?? []) : [])];
  const matched = [...new Set(deciding.sort((a, b) => a.start - b.start || b.end - a.end).map((h) => h.value.label))];

  return {
    category,
    urgency: kinds.size > 0 ? 'crisis' : urgentHits.length > 0 ? 'urgent' : 'normal',
    crisisKinds: CRISIS_KINDS.filter((k) => kinds.has(k)),
    matched,
    confidence: confidenceOf(top, runnerUp),
    thirdParty,
  };
}
