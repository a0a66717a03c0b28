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
// Lookups by code point over the kana block, so folding runs on char codes: it
// runs on every resident message and on every form of every dictionary phrase.
const KANA_BLOCK = 0x3000;
const KANA_BLOCK_SIZE = 0x100;
const FOLDED = new Uint16Array(KANA_BLOCK_SIZE);
const VOWEL = new Uint16Array(KANA_BLOCK_SIZE);
for (const [small, full] of Object.entries(FOLD)) FOLDED[small.charCodeAt(0) - KANA_BLOCK] = full.charCodeAt(0);
for (const [vowel, row] of Object.entries(VOWEL_ROWS)) {
  for (const kana of row) VOWEL[kana.charCodeAt(0) - KANA_BLOCK] = vowel.charCodeAt(0);
}
const inKanaBlock = (cp: number): boolean => cp >= KANA_BLOCK && cp < KANA_BLOCK + KANA_BLOCK_SIZE;
const LONG_VOWEL_MARK = 0x30fc;
// No code point is negative: a character outside the kana block is remembered as this.
const NOT_KANA = -1;

// Everything but letters and digits: punctuation, spaces, emoji, symbols. ー is a letter (Lm) and stays for now.
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

const isKatakana = (cp: number): boolean => (cp >= 0x30a1 && cp <= 0x30f6) || cp === 0x30fd || cp === 0x30fe;

/**
 * Is `cp` stretching the sound of `prev` (the last kana kept)? ー, a small vowel, or a repeat of the same vowel.
 * `folded` is `cp` with small kana made full size.
 */
function stretches(cp: number, folded: number, before: number, prev: number): boolean {
  if (cp === LONG_VOWEL_MARK) return true;
  const vowel = inKanaBlock(prev) ? (VOWEL[prev - KANA_BLOCK] ?? 0) : 0;
  if (vowel === 0) return false;
  if (folded === vowel && cp !== vowel) return true;
  // One same vowel is part of the word or starts the next one (おかあさん, とお茶); a second one stretches it.
  return cp === vowel && before === vowel;
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
  let before = NOT_KANA;
  let prev = NOT_KANA;
  for (let i = 0; i < src.length; i++) {
    const unit = src.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < src.length) {
      // A character outside the basic plane (a rare kanji) is never kana: keep its two halves together.
      out += src.slice(i, i + 2);
      before = prev = NOT_KANA;
      i += 1;
      continue;
    }
    const cp = isKatakana(unit) ? unit - KATAKANA_SHIFT : unit;
    const folded = inKanaBlock(cp) ? FOLDED[cp - KANA_BLOCK] || cp : cp;
    if (!stretches(cp, folded, before, prev)) {
      out += String.fromCharCode(folded);
      prev = cp;
    }
    before = cp;
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
    let from = 0;
    for (let i = 0; i < text.length; ) {
      const hit = table.longestAt(text, i);
      if (!hit) {
        i += 1;
        continue;
      }
      out += text.slice(from, i) + hit.value;
      i = from = hit.end;
    }
    return from === 0 ? text : out + text.slice(from);
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
