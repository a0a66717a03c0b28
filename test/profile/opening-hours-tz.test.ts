import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openingCases } from './opening-cases';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const runner = fileURLToPath(new URL('./tz-runner.ts', import.meta.url));

interface RunnerOutput {
  tz: string | null;
  offsets: [number, number];
  results: { name: string; ok: boolean; error?: string }[];
}

// [zone, getTimezoneOffset() in January and July]: UTC as on Workers, Tokyo,
// plus a zone with DST and one east of Tokyo, where UTC and local dates differ most.
const zones: [string, [number, number]][] = [
  ['UTC', [0, 0]],
  ['Asia/Tokyo', [-540, -540]],
  ['America/Los_Angeles', [480, 420]],
  ['Pacific/Kiritimati', [-840, -840]],
];

describe('opening hours give the same answers whatever the process time zone', () => {
  it.each(zones)('TZ=%s', async (tz, offsets) => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', runner], {
      cwd: root,
      env: { ...process.env, TZ: tz },
      timeout: 60_000,
    });
    const out = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as RunnerOutput;
    expect(out.tz).toBe(tz);
    expect(out.offsets).toEqual(offsets);
    expect(out.results.map((r) => r.name)).toEqual(openingCases.map((c) => c.name));
    expect(out.results.filter((r) => !r.ok)).toEqual([]);
  });
});
