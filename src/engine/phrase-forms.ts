import type { TriageDictionary } from './dictionary-types';
import { PhraseIndex } from './phrase-index';

// Turns one dictionary phrase into the surface forms it stands for.

const SLOT = /\{(\w+)\}|\(([^()]*\|[^()]*)\)/;

/** Expands `{group}` placeholders and inline `(a|b)` alternatives, cartesian when several. */
export function expandPhrase(phrase: string, groups: TriageDictionary['groups']): string[] {
  const slot = SLOT.exec(phrase);
  if (!slot) return [phrase];
  const [whole, groupName, inline] = slot;
  const members = groupName !== undefined ? groups[groupName] : inline?.split('|');
  if (!members) throw new Error(`triage dictionary: unknown group {${groupName}} in "${phrase}"`);
  const before = phrase.slice(0, slot.index);
  const after = phrase.slice(slot.index + whole.length);
  return members.flatMap((member) => expandPhrase(before + member + after, groups));
}

/** A phrase ending in ない also stands for its other endings (なくて, なかった). */
export function inflections(form: string): string[] {
  return form.endsWith('ない') ? [form, form.slice(0, -1)] : [form];
}

// Beyond this many mixes a phrase keeps only its all-kanji and all-kana forms.
const MAX_MIXES = 32;
// Generated forms shorter than this are too ambiguous to match on; all-kana ones
// need to be longer still (かして hides in りすかして).
const MIN_GENERATED_LENGTH = 3;
const MIN_GENERATED_KANA_LENGTH = 4;
const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;

const usable = (form: string): boolean =>
  form.length >= (KANA_ONLY.test(form) ? MIN_GENERATED_KANA_LENGTH : MIN_GENERATED_LENGTH);

/**
 * Every kanji/kana mix of a phrase, using the readings table: the phrase is cut
 * into the longest words the table knows, and each word may be written either way.
 */
export function spellings(readings: TriageDictionary['readings']): (phrase: string) => string[] {
  const words = new PhraseIndex<readonly string[]>();
  for (const [word, reading] of Object.entries(readings)) words.add(word, [word, ...[reading].flat()]);
  return (phrase) => {
    // Runs of text without a known word stay one part: fewer arrays on a cold start.
    const parts: (readonly string[])[] = [];
    let count = 1;
    let from = 0;
    for (let i = 0; i < phrase.length; ) {
      const word = words.longestAt(phrase, i);
      if (!word) {
        i += 1;
        continue;
      }
      if (i > from) parts.push([phrase.slice(from, i)]);
      parts.push(word.value);
      count *= word.value.length;
      i = from = word.end;
    }
    if (count === 1) return [phrase];
    if (from < phrase.length) parts.push([phrase.slice(from)]);
    const forms =
      count <= MAX_MIXES
        ? parts.reduce<string[]>((acc, options) => acc.flatMap((a) => options.map((o) => a + o)), [''])
        : [phrase, parts.map((options) => options[options.length - 1]).join('')];
    return [phrase, ...forms.filter((f) => f !== phrase && usable(f))];
  };
}
