import type { Match, PhraseIndex } from './phrase-index';
import type { Category, CrisisKind } from './taxonomy';
import type { CompiledDictionary, Tagged } from './triage-compile';

// Crisis detection for the classifier: which phrases count (contexts, idioms,
// negation, history) and which crisis kinds they raise.

export type Hit = Match<Tagged>;

export const length = (m: Hit): number => m.end - m.start;
export const overlaps = (a: Hit, b: Hit): boolean => a.start < b.end && b.start < a.end;
export const contains = (outer: Hit, inner: Hit): boolean =>
  outer.start <= inner.start && outer.end >= inner.end && length(outer) > length(inner);

/** A match inside a strictly longer match of the same layer is not counted (災害ボランティア ⊃ ボランティア). */
export function dropContained(hits: Hit[]): Hit[] {
  return hits.filter((m) => !hits.some((o) => o.value.layer === m.value.layer && contains(o, m)));
}

export function presentContexts(hits: Hit[]): Set<string> {
  const present = new Set<string>();
  for (const h of hits) {
    const m = h.value.meaning;
    if (m.kind === 'context' && !m.block) present.add(m.name);
  }
  return present;
}

export function needsMet(h: Hit, contexts: Set<string>): boolean {
  const m = h.value.meaning;
  const needs = m.kind === 'crisis' ? m.family.needs : m.kind === 'urgent' ? m.needs : undefined;
  return needs === undefined || contexts.has(needs);
}

function negated(c: CompiledDictionary, h: Hit, text: string): boolean {
  if (c.crisisDenial.has(text, h.end)) return true;
  return c.crisisHedge.startsAt(text, h.end).some((hedge) => !c.contrast.has(text, hedge.end));
}

/** Past markers that end before `h` with nothing between them and `h` that brings the story back to now. */
function pastBefore(c: CompiledDictionary, markers: PhraseIndex<true>, h: Hit, text: string): boolean {
  const back = c.recent.scan(text).filter((r) => r.end <= h.start);
  return markers
    .scan(text)
    .some((p) => p.end <= h.start && !c.pastOngoing.has(text, p.end) && !back.some((r) => r.start >= p.end));
}

const isEvent = (c: CompiledDictionary, h: Hit): boolean => {
  const m = h.value.meaning;
  return m.kind === 'crisis' && m.family.kinds.every((k) => c.dict.negation.eventKinds.includes(k));
};

/**
 * A crisis told as history: a past marker before it and a "now" marker after it (昔は…今は落ち着いています).
 * An event (someone collapsed) is also history after a past marker alone or before a word telling it is over,
 * and only imagined when a conditional follows it (倒れたら).
 */
function told(c: CompiledDictionary, h: Hit, text: string): boolean {
  if (pastBefore(c, c.past, h, text) && c.now.scan(text).some((n) => n.start >= h.end)) return true;
  if (c.closed.scan(text).some((n) => n.start >= h.end)) return true;
  if (!isEvent(c, h)) return false;
  if (c.conditional.has(text, h.end)) return true;
  if (pastBefore(c, c.past, h, text) || pastBefore(c, c.eventPast, h, text)) return true;
  return c.resolved.scan(text).some((r) => r.start >= h.end);
}

/** Not denied (…とは思っていません) and not told as history (昔は…今は): crisis and distress phrases alike. */
export function standsNow(c: CompiledDictionary, h: Hit, text: string): boolean {
  return !negated(c, h, text) && !told(c, h, text);
}

/** Whether an idiom at least as long overlaps `h` (死ぬほど忙しい hides 死ぬ). */
export const insideIdiom = (idioms: readonly Hit[], h: Hit): boolean =>
  idioms.some((i) => overlaps(i, h) && length(h) <= length(i));

/** Crisis phrases that stand: not inside an idiom at least as long, not denied, not history. */
export function crisisHits(c: CompiledDictionary, hits: Hit[], text: string): Hit[] {
  const idioms = hits.filter((h) => h.value.meaning.kind === 'idiom');
  return hits.filter((h) => h.value.meaning.kind === 'crisis' && !insideIdiom(idioms, h) && standsNow(c, h, text));
}

export interface Hint {
  readonly category: Category;
  readonly w: number;
}

/** Kinds raised, after context rules (violence by a partner is DV), each with the strongest category hint it got. */
export function crisisKindsOf(c: CompiledDictionary, hits: Hit[], contexts: Set<string>): Map<CrisisKind, Hint> {
  const kinds = new Map<CrisisKind, Hint>();
  const upgradable = new Set<CrisisKind>();
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
      if (!m.family.keepKind) upgradable.add(kind);
    }
  }
  const upgraded = new Set<CrisisKind>();
  for (const rule of c.dict.crisisContext) {
    if (upgradable.has(rule.from) && contexts.has(rule.context)) {
      raise(rule.to, c.dict.crisisCategory[rule.to]);
      upgraded.add(rule.from);
    }
  }
  // The general kind adds nothing next to the specific one it can become (violence beside child_abuse).
  for (const rule of c.dict.crisisContext) if (kinds.has(rule.to)) upgraded.add(rule.from);
  for (const kind of upgraded) kinds.delete(kind);
  return kinds;
}
