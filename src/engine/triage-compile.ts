import type { CrisisFamily, Phrases, TriageDictionary } from './dictionary-types';
import { createNormalizer, type Normalizer } from './normalize';
import { expandPhrase, inflections, spellings } from './phrase-forms';
import { PhraseTrie } from './phrase-trie';
import type { Category } from './taxonomy';

// Turns the data dictionary into one trie of normalised phrases. Every phrase
// is tagged with what it means; `layer` groups the phrases among which a
// longer match hides the shorter ones inside it.

export type Meaning =
  | { readonly kind: 'category'; readonly category: Category; readonly w: number }
  | { readonly kind: 'urgent'; readonly category: Category | undefined; readonly w: number; readonly needs: string | undefined }
  | { readonly kind: 'crisis'; readonly family: CrisisFamily }
  | { readonly kind: 'idiom' }
  | { readonly kind: 'third'; readonly block: boolean }
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
  readonly phrases: PhraseTrie<Tagged>;
  readonly categoryNegation: PhraseTrie<true>;
  readonly crisisDenial: PhraseTrie<true>;
  readonly crisisHedge: PhraseTrie<true>;
  readonly contrast: PhraseTrie<true>;
}

function keyOf(m: Meaning): string {
  switch (m.kind) {
    case 'category':
      return `category:${m.category}`;
    case 'urgent':
      return `urgent:${m.category ?? ''}:${m.needs ?? ''}`;
    case 'crisis':
      return `crisis:${m.family.kinds.join()}:${m.family.needs ?? ''}:${m.family.category ?? ''}`;
    case 'context':
      return `context:${m.name}:${m.block}`;
    default:
      return `${m.kind}:${'block' in m ? m.block : ''}`;
  }
}

const weightOf = (m: Meaning): number => ('w' in m ? m.w : 0);

function layerOf(m: Meaning): string {
  return m.kind === 'context' ? `context:${m.name}` : m.kind;
}

function trieOf(strings: Iterable<string>, normalize: Normalizer): PhraseTrie<true> {
  const trie = new PhraseTrie<true>();
  for (const s of strings) {
    const key = normalize(s);
    if (key) trie.add(key, true);
  }
  return trie;
}

const combine = (firsts: Phrases, seconds: Phrases): string[] => firsts.flatMap((a) => seconds.map((b) => a + b));

export function compileDictionary(dict: TriageDictionary): CompiledDictionary {
  const normalize = createNormalizer(dict.variants);
  // One entry per normalised phrase and meaning; the heavier weight wins a duplicate.
  const entries = new Map<string, { key: string; tagged: Tagged }>();
  const addKey = (key: string, label: string, meaning: Meaning): void => {
    const id = `${key}\u0000${keyOf(meaning)}`;
    const seen = entries.get(id);
    if (seen && weightOf(seen.tagged.meaning) >= weightOf(meaning)) return;
    entries.set(id, { key, tagged: { meaning, layer: layerOf(meaning), label } });
  };
  const add = (phrases: Phrases, meaning: Meaning): void => {
    const mixes = meaning.kind !== 'context';
    for (const label of phrases.flatMap((p) => expandPhrase(p, dict.groups))) {
      const keys = mixes ? spellings(label, dict.readings).map(normalize).flatMap(inflections) : [normalize(label)];
      for (const key of keys) if (key) addKey(key, label, meaning);
    }
  };

  for (const [category, families] of Object.entries(dict.categories) as [Category, TriageDictionary['categories'][Category]][]) {
    for (const { w, p } of families) add(p, { kind: 'category', category, w });
  }
  for (const { category, w, p, needs } of dict.urgent) add(p, { kind: 'urgent', category, w, needs });
  for (const family of dict.crisis) add(family.p, { kind: 'crisis', family });
  add(dict.idioms, { kind: 'idiom' });
  add(dict.thirdParty.markers, { kind: 'third', block: false });
  add(dict.thirdParty.notMarkers, { kind: 'third', block: true });
  for (const [name, context] of Object.entries(dict.contexts)) {
    add(context.words, { kind: 'context', name, block: false });
    add(context.notWords ?? [], { kind: 'context', name, block: true });
  }

  const phrases = new PhraseTrie<Tagged>();
  for (const { key, tagged } of entries.values()) phrases.add(key, tagged);

  const { negation } = dict;
  return {
    dict,
    normalize,
    phrases,
    categoryNegation: trieOf(combine(negation.category.fillers, negation.category.cores), normalize),
    crisisDenial: trieOf(negation.crisisDenials, normalize),
    crisisHedge: trieOf(negation.crisisHedges, normalize),
    contrast: trieOf(combine(negation.contrastTails, negation.contrast), normalize),
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
