// Council facts belong in flows/profiles/*, never in src/. This scans every
// text file under src/ for things that only a profile should know.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');
const TEXT = new Set(['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.css', '.html', '.md', '.sql', '.txt']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : TEXT.has(extname(e.name)) ? [join(dir, e.name)] : [],
  );
}

const FORBIDDEN: [string, RegExp][] = [
  ['a phone number with hyphens', /(?<![\d-])0\d{1,4}-\d{1,4}-\d{3,4}(?![\d-])/],
  ['a toll-free or navi-dial number', /(?<!\d)0(?:120|570|800)\d{6}(?!\d)/],
  ['a # short dial', /#8\d{3}(?!\d)/],
  ['an emergency or hotline short number as a string', /['"`](?:110|119|189)['"`]/],
  // Bare area names are left out: they are also common surnames in demo residents.
  ['the Nerima council or one of its departments', /練馬|きらら|ういんぐ|ほっとサポート|レインボーワーク|どんぐりの家/],
  ['a Nerima street address', /豊玉北|東大泉|関町北|光が丘\d|石神井町|区役所東庁舎/],
  ['the fictional council', /みなと川/],
  ['a council website', /neri-shakyo/i],
  ['a hotline name', /いのちの電話|よりそいホットライン|DV相談ナビ/],
];

describe('no council facts in src/', () => {
  const list = files(src);

  it('finds source files to scan', () => {
    expect(list.length).toBeGreaterThan(5);
  });

  it.each(FORBIDDEN)('contains no %s', (_what, pattern) => {
    const hits = list.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${relative(root, file)}:${i + 1}: ${line.trim().slice(0, 120)}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('would catch a planted fact (the patterns work)', () => {
    const planted = ["const tel = '03-3992-5600';", 'const name = "きらら";', "dial('189')", 'call #8008 now'];
    for (const line of planted) expect(FORBIDDEN.some(([, p]) => p.test(line)), line).toBe(true);
  });
});
