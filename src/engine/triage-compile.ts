import type { CrisisFamily, Phrases, TriageDictionary } from './dictionary-types';
import { createNormalizer, type Normalizer } from './normalize';
import { expandPhrase, inflections, spellings } from './phrase-forms';
import { PhraseIndex } from './phrase-index';
import type { Category } from './taxonomy';

// Turns the data dictionary into one index of normalised phrases. Every phrase
// is tagged with what it means; `layer` groups the phrases among which a
// longer match hides the shorter ones inside it.

export type Meaning =
  | { readonly kind: 'category'; readonly category: Category; readonly w: number }
  | { readonly kind: 'urgent'; readonly category: Category | undefined; readonly w: number; readonly needs: string | undefined }
  | { readonly kind: 'crisis'; readonly family: CrisisFamily }
  | { readonly kind: 'idiom' }
  | { readonly kind: 'distress'; readonly sign: string }
  | { readonly kind: 'distressIdiom' }
  | { readonly kind: 'third'; readonly block: boolean; readonly reporter: boolean }
  | { readonly kind: 'context'; readonly name: string; readonly block: boolean };

export interface Tagged {
  readonly meaning: Meaning;
  readonly layer: string;
  /** The phrase as written in the dictionary, for `matched`. */
  readonly label: string;
}

export interface CompiledDictionary {
  readonly dict: TriageDictionary;
  readonly normalize: Normalizer;
  readonly phrases: PhraseIndex<Tagged>;
  readonly categoryNegation: PhraseIndex<true>;
  readonly crisisDenial: PhraseIndex<true>;
  readonly crisisHedge: PhraseIndex<true>;
  readonly past: PhraseIndex<true>;
  readonly now: PhraseIndex<true>;
  readonly closed: PhraseIndex<true>;
  readonly pastOngoing: PhraseIndex<true>;
  readonly recent: PhraseIndex<true>;
  readonly eventPast: PhraseIndex<true>;
  readonly resolved: PhraseIndex<true>;
  readonly conditional: PhraseIndex<true>;
  readonly contrast: PhraseIndex<true>;
  readonly thirdNotBefore: PhraseIndex<true>;
  readonly distressRelief: PhraseIndex<true>;
}

function keyOf(m: Meaning): string {
  switch (m.kind) {
    case 'category':
      return `category:${m.category}`;
    case 'urgent':
      return `urgent:${m.category ?? ''}:${m.needs ?? ''}`;
    case 'context':
      return `context:${m.name}:${m.block}`;
    case 'third':
      return `third:${m.block}:${m.reporter}`;
    case 'distress':
      return `distress:${m.sign}`;
    default:
      return m.kind;
  }
}

const weightOf = (m: Meaning): number => ('w' in m ? m.w : 0);

function layerOf(m: Meaning): string {
  return m.kind === 'context' ? `context:${m.name}` : m.kind;
}

function phraseSet(
  strings: Iterable<string>,
  normalize: Normalizer,
  groups: TriageDictionary['groups'],
): PhraseIndex<true> {
  const index = new PhraseIndex<true>();
  for (const s of strings) {
    for (const form of expandPhrase(s, groups)) {
      const key = normalize(form);
      if (key) index.add(key, true);
    }
  }
  return index;
}

const combine = (firsts: Phrases, seconds: Phrases): string[] => firsts.flatMap((a) => seconds.map((b) => a + b));

export function compileDictionary(dict: TriageDictionary): CompiledDictionary {
  const normalizeOnce = createNormalizer(dict.variants);
  const normalized = new Map<string, string>();
  const normalize = (form: string): string => {
    let key = normalized.get(form);
    if (key === undefined) {
      key = normalizeOnce(form);
      normalized.set(form, key);
    }
    return key;
  };
  const spell = spellings(dict.readings);
  // One entry per normalised phrase and meaning; the heavier weight wins a duplicate.
  const entries = new Map<string, { key: string; tagged: Tagged }>();
  const add = (phrases: Phrases, meaning: Meaning, id = keyOf(meaning)): void => {
    const layer = layerOf(meaning);
    // Context words and third-party markers list their kana forms in their groups already.
    const mixes = meaning.kind !== 'context' && meaning.kind !== 'third';
    for (const label of phrases.flatMap((p) => expandPhrase(p, dict.groups))) {
      const tagged: Tagged = { meaning, layer, label };
      const forms = mixes ? new Set(spell(label)) : [label];
      for (const form of forms) {
        for (const key of inflections(normalize(form))) {
          const seen = key ? entries.get(`${key}\u0000${id}`) : undefined;
          if (!key || (seen && weightOf(seen.tagged.meaning) >= weightOf(meaning))) continue;
          entries.set(`${key}\u0000${id}`, { key, tagged });
        }
      }
    }
  };

  for (const [category, families] of Object.entries(dict.categories) as [Category, TriageDictionary['categories'][Category]][]) {
    for (const { w, p } of families) add(p, { kind: 'category', category, w });
  }
  for (const { category, w, p, needs } of dict.urgent) add(p, { kind: 'urgent', category, w, needs });
  dict.crisis.forEach((family, i) => add(family.p, { kind: 'crisis', family }, `crisis:${i}`));
  add(dict.idioms, { kind: 'idiom' });
  for (const { sign, p } of dict.distress.families) add(p, { kind: 'distress', sign });
  add(dict.distress.idioms, { kind: 'distressIdiom' });
  add(dict.thirdParty.markers, { kind: 'third', block: false, reporter: false });
  add(dict.thirdParty.reporters, { kind: 'third', block: false, reporter: true });
  add(dict.thirdParty.notMarkers, { kind: 'third', block: true, reporter: false });
  for (const [name, context] of Object.entries(dict.contexts)) {
    add(context.words, { kind: 'context', name, block: false });
    add(context.notWords ?? [], { kind: 'context', name, block: true });
  }

  const phrases = new PhraseIndex<Tagged>();
  for (const { key, tagged } of entries.values()) phrases.add(key, tagged);

  const { negation, distress } = dict;
  const relief = combine(distress.relief.tails, combine(distress.relief.contrast, distress.relief.endings));
  return {
    dict,
    normalize: normalizeOnce,
    phrases,
    categoryNegation: phraseSet(combine(negation.category.fillers, negation.category.cores), normalize, dict.groups),
    crisisDenial: phraseSet(negation.crisisDenials, normalize, dict.groups),
    crisisHedge: phraseSet(negation.crisisHedges, normalize, dict.groups),
    past: phraseSet(negation.past, normalize, dict.groups),
    now: phraseSet(negation.now, normalize, dict.groups),
    closed: phraseSet(negation.closed, normalize, dict.groups),
    pastOngoing: phraseSet(negation.pastOngoing, normalize, dict.groups),
    recent: phraseSet(negation.recent, normalize, dict.groups),
    eventPast: phraseSet(negation.eventPast, normalize, dict.groups),
    resolved: phraseSet(negation.resolved, normalize, dict.groups),
    conditional: phraseSet(negation.conditional, normalize, dict.groups),
    contrast: phraseSet(combine(negation.contrastTails, negation.contrast), normalize, dict.groups),
    thirdNotBefore: phraseSet(dict.thirdParty.notBefore, normalize, dict.groups),
    distressRelief: phraseSet(relief, normalize, dict.groups),
  };
}

const cache = new WeakMap<TriageDictionary, CompiledDictionary>();

/** Compiles a dictionary once; later calls with the same object reuse it. */
export function compiled(dict: TriageDictionary): CompiledDictionary {
  let c = cache.get(dict);
  if (!c) {
    c = compileDictionary(dict);
    cache.set(dict, c);
  }
  return c;
}
