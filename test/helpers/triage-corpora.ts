import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The triage corpora that exist here: the project's own two, and the shared
// examples beside the project (absent on a fresh clone of this repository alone).
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function corpusFiles(): string[] {
  return ['test/corpus/triage-ja.tsv', 'test/corpus/triage-dev.tsv', '../shared/corpus/triage.tsv']
    .map((path) => resolve(repoRoot, path))
    .filter((file) => existsSync(file));
}
