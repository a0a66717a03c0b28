import { insideIdiom, standsNow, type Hit } from './crisis-detect';
import type { CompiledDictionary } from './triage-compile';

/**
 * Distress phrases that stand: not inside an idiom (crisis idioms count too: 死ぬほど笑った),
 * not undone by a good ending (疲れ果てたけど楽しかった), not denied and not history,
 * with the same rules as crisis phrases.
 */
export function distressHits(c: CompiledDictionary, hits: readonly Hit[], text: string): Hit[] {
  const idioms = hits.filter((h) => h.value.meaning.kind === 'idiom' || h.value.meaning.kind === 'distressIdiom');
  return hits.filter(
    (h) =>
      h.value.meaning.kind === 'distress' &&
      !insideIdiom(idioms, h) &&
      !c.distressRelief.has(text, h.end) &&
      standsNow(c, h, text),
  );
}
