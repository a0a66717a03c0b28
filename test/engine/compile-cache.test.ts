// The dictionary compile can be spared by a cache of its expanded entries (the CLI keeps
// one in a file). A compile from the cache must classify exactly like a fresh one, and a
// changed dictionary must never be served an old cache.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { triageDictionary } from '../../flows/dictionary/index';
import { fileCompileCache } from '../../src/cli/compile-cache';
import { classify } from '../../src/engine/classifier';
import { compiled, type CompileCache, type PhraseEntries } from '../../src/engine/triage-compile';
import { corpusFiles } from '../helpers/triage-corpora';

const messages = corpusFiles().flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t')[0]!),
);

describe('the compile cache', () => {
  it('a compile from cached entries classifies every corpus message exactly like a fresh compile', () => {
    let stored: PhraseEntries | undefined;
    let saves = 0;
    const memory: CompileCache = { load: () => stored, save: (entries) => void ((stored = entries), saves++) };
    // Two structurally equal dictionaries, so each gets its own compile.
    const fresh = { ...triageDictionary };
    const fromCache = { ...triageDictionary };
    compiled(fresh, memory);
    expect(saves).toBe(1);
    expect(stored!.length).toBeGreaterThan(10_000);
    compiled(fromCache, memory);
    expect(saves).toBe(1);
    expect(messages.length).toBeGreaterThan(2_000);
    for (const text of messages) expect(classify(text, fromCache), text).toEqual(classify(text, fresh));
  });

  it('the file cache is found again for the same dictionary, never for a changed one, and keeps one file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsunagu-compile-cache-'));
    try {
      const entries: PhraseEntries = [[0, 'かぎ', 'かぎ']];
      const changed = { ...triageDictionary, idioms: [...triageDictionary.idioms, 'テスト用の言い回しです'] };
      fileCompileCache(triageDictionary, dir).save(entries);
      expect(fileCompileCache(triageDictionary, dir).load()).toEqual(entries);
      expect(fileCompileCache(changed, dir).load()).toBeUndefined();
      fileCompileCache(changed, dir).save([]);
      expect(fileCompileCache(triageDictionary, dir).load()).toBeUndefined();
      expect(readdirSync(dir)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
