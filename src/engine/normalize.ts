import { variants as defaultVariants } from '../../flows/dictionary/variants';

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

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function toHiragana(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const isKatakana = (cp >= 0x30a1 && cp <= 0x30f6) || cp === 0x30fd || cp === 0x30fe;
  return isKatakana ? String.fromCodePoint(cp - KATAKANA_SHIFT) : ch;
}

/** Is `ch` stretching the sound before it? ー, a small vowel, or a repeat of the same vowel. */
function stretches(chars: readonly string[], i: number, prev: string | undefined): boolean {
  const ch = chars[i] ?? '';
  if (ch === 'ー') return true;
  const vowel = prev === undefined ? undefined : VOWEL_OF.get(prev);
  if (vowel === undefined) return false;
  if (FOLD[ch] === vowel && ch !== vowel) return true;
  // One same vowel is part of the word or starts the next one (おかあさん, とお茶); a second one stretches it.
  return ch === vowel && chars[i - 1] === vowel;
}

/**
 * Character-level folding: NFKC, lower case, katakana → hiragana, drop punctuation,
 * spaces, emoji and symbols, drop stretch marks (つらーい, つらぁい, くるしいいい →
 * つらい, くるしい), small kana → full size, and collapse any letter repeated three
 * times or more (しにたいいいい → しにたい, ははは → は).
 */
export function foldJa(text: string): string {
  const chars = [...text.normalize('NFKC').toLowerCase()]
    .map(toHiragana)
    .filter((ch) => ch === 'ー' || LETTER_OR_DIGIT.test(ch));
  const kept: string[] = [];
  let prev: string | undefined;
  chars.forEach((ch, i) => {
    if (stretches(chars, i, prev)) return;
    kept.push(FOLD[ch] ?? ch);
    prev = ch;
  });
  return kept.join('').replace(/(\p{L})\1{2,}/gu, '$1');
}

export type Normalizer = (text: string) => string;

/** Builds a normaliser that also rewrites variant forms (dialect, colloquial, typos), longest match first. */
export function createNormalizer(variantPairs: readonly (readonly [string, string])[]): Normalizer {
  const byFirst = new Map<string, [string, string][]>();
  for (const [from, to] of variantPairs) {
    const key = foldJa(from);
    const value = foldJa(to);
    const first = key[0];
    if (first === undefined || key === value) continue;
    const list = byFirst.get(first) ?? [];
    list.push([key, value]);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b[0].length - a[0].length);

  return (text) => {
    const folded = foldJa(text);
    let out = '';
    let i = 0;
    while (i < folded.length) {
      const hit = byFirst.get(folded[i] ?? '')?.find(([key]) => folded.startsWith(key, i));
      if (hit) {
        out += hit[1];
        i += hit[0].length;
      } else {
        out += folded[i];
        i += 1;
      }
    }
    return out;
  };
}

const defaultNormalizer = createNormalizer(defaultVariants);

/** Normalises resident text for matching against the triage dictionary. */
export function normalizeJa(text: string): string {
  return defaultNormalizer(text);
}
