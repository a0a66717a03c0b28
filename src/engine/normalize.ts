import { variants as defaultVariants } from '../../flows/dictionary/variants';
import { PhraseIndex } from './phrase-index';

// Japanese text normaliser for phrase matching. The same function is applied to
// the dictionary phrases when they are compiled, so any lossy step (small kana,
// long vowels) is harmless as long as both sides go through it.

const KATAKANA_SHIFT = 0x60;

// っ becomes つ like every other small kana: elderly residents often cannot type
// small kana (しやつきん for しゃっきん), and both sides are folded the same way.
const FOLD: Readonly<Record<string, string>> = {
  ぁ: 'あ', ぃ: 'い', ぅ: 'う', ぇ: 'え', ぉ: 'お', っ: 'つ', ゃ: 'や', ゅ: 'ゆ', ょ: 'よ', ゎ: 'わ',
  ゕ: 'か', ゖ: 'か', ゐ: 'い', ゑ: 'え',
};

const VOWEL_ROWS: Readonly<Record<string, string>> = {
  あ: 'あかさたなはまやらわがざだばぱゃ',
  い: 'いきしちにひみりぎじぢびぴ',
  う: 'うくすつぬふむゆるぐずづぶぷゔゅ',
  え: 'えけせてねへめれげぜでべぺ',
  お: 'おこそとのほもよろをごぞどぼぽょ',
};
const VOWEL_OF = new Map<string, string>();
for (const [vowel, row] of Object.entries(VOWEL_ROWS)) for (const kana of row) VOWEL_OF.set(kana, vowel);

// Everything but letters and digits: punctuation, spaces, emoji, symbols. ー is a letter (Lm) and stays for now.
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

function toHiragana(ch: string): string {
  const cp = ch.charCodeAt(0);
  const isKatakana = (cp >= 0x30a1 && cp <= 0x30f6) || cp === 0x30fd || cp === 0x30fe;
  return isKatakana ? String.fromCharCode(cp - KATAKANA_SHIFT) : ch;
}

/** Is `ch` stretching the sound of `prev` (the last kana kept)? ー, a small vowel, or a repeat of the same vowel. */
function stretches(ch: string, before: string | undefined, prev: string | undefined): boolean {
  if (ch === 'ー') return true;
  const vowel = prev === undefined ? undefined : VOWEL_OF.get(prev);
  if (vowel === undefined) return false;
  if (FOLD[ch] === vowel && ch !== vowel) return true;
  // One same vowel is part of the word or starts the next one (おかあさん, とお茶); a second one stretches it.
  return ch === vowel && before === vowel;
}

/**
 * Character-level folding: NFKC, lower case, katakana → hiragana, drop punctuation,
 * spaces, emoji and symbols, drop stretch marks (つらーい, つらぁい, くるしいいい →
 * つらい, くるしい), small kana → full size, and collapse any letter repeated three
 * times or more (しにたいいいい → しにたい, ははは → は).
 */
export function foldJa(text: string): string {
  const src = text.normalize('NFKC').toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
  let out = '';
  let before: string | undefined;
  let prev: string | undefined;
  for (const raw of src) {
    const ch = toHiragana(raw);
    if (!stretches(ch, before, prev)) {
      out += FOLD[ch] ?? ch;
      prev = ch;
    }
    before = ch;
  }
  return out.replace(/(\p{L})\1{2,}/gu, '$1');
}

export type Normalizer = (text: string) => string;

const MAX_VARIANT_PASSES = 4;

/** Builds a normaliser that also rewrites variant forms (dialect, colloquial, typos), longest match first. */
export function createNormalizer(variantPairs: readonly (readonly [string, string])[]): Normalizer {
  const table = new PhraseIndex<string>();
  for (const [from, to] of variantPairs) {
    const key = foldJa(from);
    const value = foldJa(to);
    if (key && key !== value) table.add(key, value);
  }
  const rewrite = (text: string): string => {
    let out = '';
    for (let i = 0; i < text.length; ) {
      const hit = table.longestAt(text, i);
      out += hit ? hit.value : text[i];
      i = hit ? hit.end : i + 1;
    }
    return out;
  };
  // A rewrite can create another variant across its edge (あらへん → ない after も), so repeat
  // until nothing changes; the pass limit only guards against a table that loops.
  return (text) => {
    let current = foldJa(text);
    for (let pass = 0; pass < MAX_VARIANT_PASSES; pass++) {
      const next = rewrite(current);
      if (next === current) break;
      current = next;
    }
    return current;
  };
}

const defaultNormalizer = createNormalizer(defaultVariants);

/** Normalises resident text for matching against the triage dictionary. */
export function normalizeJa(text: string): string {
  return defaultNormalizer(text);
}
