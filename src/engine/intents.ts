import type { GlobalIntent, IntentWords } from './conversation-types';
import { normalizeJa } from './normalize';

const cache = new WeakMap<IntentWords, { intent: GlobalIntent; exact: Set<string>; contains: string[] }[]>();

function compile(words: IntentWords) {
  let compiled = cache.get(words);
  if (!compiled) {
    compiled = Object.entries(words).map(([intent, w]) => ({
      intent: intent as GlobalIntent,
      exact: new Set(w.exact.map(normalizeJa)),
      contains: w.contains.map(normalizeJa),
    }));
    cache.set(words, compiled);
  }
  return compiled;
}

/** A command that works anywhere ("メニュー", "人と話したい"); matched on normalised text. */
export function matchIntent(words: IntentWords, text: string): GlobalIntent | undefined {
  const normal = normalizeJa(text);
  if (!normal) return undefined;
  return compile(words).find((w) => w.exact.has(normal) || w.contains.some((c) => normal.includes(c)))?.intent;
}
