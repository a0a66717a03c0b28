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

/** One group of dictionary phrases with what they mean; `id` merges sources that mean the same. */
interface Source {
  readonly phrases: Phrases;
  readonly meaning: Meaning;
  readonly id: string;
}

function sourcesOf(dict: TriageDictionary): Source[] {
  const sources: Source[] = [];
  const add = (phrases: Phrases, meaning: Meaning, id = keyOf(meaning)) => void sources.push({ phrases, meaning, id });
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
  return sources;
}

/**
 * The phrase index's entries as `[source, normalised key, label]`, in index order: the
 * expensive part of a compile (every spelling of every phrase, normalised), and what a
 * compile cache stores.
 */
export type PhraseEntries = ReadonlyArray<readonly [number, string, string]>;

/** Keeps the expanded entries between processes (the CLI uses a file; a Worker compiles once per isolate). */
export interface CompileCache {
  load(): PhraseEntries | undefined;
  save(entries: PhraseEntries): void;
}

function expandEntries(dict: TriageDictionary, sources: readonly Source[], normalize: Normalizer): PhraseEntries {
  const spell = spellings(dict.readings);
  // One entry per normalised phrase and meaning (by meaning id, then phrase); the heavier weight wins a duplicate.
  const entries = new Map<string, Map<string, { source: number; label: string }>>();
  sources.forEach(({ phrases, meaning, id }, source) => {
    let byKey = entries.get(id);
    if (!byKey) entries.set(id, (byKey = new Map()));
    // Context words and third-party markers list their kana forms in their groups already.
    const mixes = meaning.kind !== 'context' && meaning.kind !== 'third';
    for (const label of phrases.flatMap((p) => expandPhrase(p, dict.groups))) {
      const forms = mixes ? new Set(spell(label)) : [label];
      for (const form of forms) {
        for (const key of inflections(normalize(form))) {
          const seen = key ? byKey.get(key) : undefined;
          if (!key || (seen && weightOf(sources[seen.source]!.meaning) >= weightOf(meaning))) continue;
          byKey.set(key, { source, label });
        }
      }
    }
  });
  return [...entries.values()].flatMap((byKey) => [...byKey].map(([key, e]) => [e.source, key, e.label] as const));
}

export function compileDictionary(dict: TriageDictionary, cache?: CompileCache): CompiledDictionary {
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
  const sources = sourcesOf(dict);
  let entries = cache?.load();
  if (!entries) {
    entries = expandEntries(dict, sources, normalize);
    cache?.save(entries);
  }
  // One Tagged per source and label, shared by all its spellings (matches are compared by it).
  const tags = new Map<string, Tagged>();
  const phrases = new PhraseIndex<Tagged>();
  for (const [source, key, label] of entries) {
    const { meaning } = sources[source]!;
    let tagged = tags.get(`${source}\u0000${label}`);
    if (!tagged) tags.set(`${source}\u0000${label}`, (tagged = { meaning, layer: layerOf(meaning), label }));
    phrases.add(key, tagged);
  }

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

const compiledDictionaries = new WeakMap<TriageDictionary, CompiledDictionary>();

/** Compiles a dictionary once; later calls with the same object reuse it. The first call may bring a compile cache. */
export function compiled(dict: TriageDictionary, cache?: CompileCache): CompiledDictionary {
  let c = compiledDictionaries.get(dict);
  if (!c) {
    c = compileDictionary(dict, cache);
    compiledDictionaries.set(dict, c);
  }
  return c;
}
