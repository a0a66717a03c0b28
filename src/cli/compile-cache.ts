import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TriageDictionary } from '../engine/dictionary-types';
import type { CompileCache, PhraseEntries } from '../engine/triage-compile';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CACHE_DIR = join(root, 'node_modules', '.cache', 'tsunagu');
// The expansion depends on the dictionary and on the code that expands and normalises it.
const ENGINE_FILES = ['triage-compile.ts', 'phrase-forms.ts', 'phrase-index.ts', 'normalize.ts'].map((f) => join(root, 'src', 'engine', f));

/**
 * The CLI's compile cache: the expanded phrase entries in a file named by a hash of the
 * dictionary and the engine code, so any change to either compiles afresh. A process
 * starts in well under a second with it; without it (first run, read-only disk) the
 * compile simply runs.
 */
export function fileCompileCache(dict: TriageDictionary, dir = CACHE_DIR): CompileCache {
  const hash = createHash('sha256').update(JSON.stringify(dict));
  for (const file of ENGINE_FILES) hash.update(readFileSync(file));
  const name = `triage-${hash.digest('hex').slice(0, 20)}.json`;
  const path = join(dir, name);
  return {
    load() {
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as PhraseEntries;
      } catch {
        return undefined;
      }
    },
    save(entries) {
      try {
        mkdirSync(dir, { recursive: true });
        const temp = `${path}.${process.pid}.tmp`;
        writeFileSync(temp, JSON.stringify(entries));
        renameSync(temp, path);
        for (const old of readdirSync(dir)) {
          if (old.startsWith('triage-') && old !== name) rmSync(join(dir, old), { force: true });
        }
      } catch {
        // A cache that cannot be written only costs the next start its compile.
      }
    },
  };
}
