import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scheduleCases } from './schedule-cases';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const runner = fileURLToPath(new URL('./tz-runner.ts', import.meta.url));

describe('the Nerima schedules, November 2026 to January 2027 (this process)', () => {
  it.each(scheduleCases.map((c) => [c.name, c] as const))('%s', (_name, c) => c.run());
});

// UTC as on Workers and Tokyo, plus a DST zone and one east of Tokyo where local and Tokyo dates differ most.
const zones: [string, [number, number]][] = [
  ['UTC', [0, 0]],
  ['Asia/Tokyo', [-540, -540]],
  ['America/Los_Angeles', [480, 420]],
  ['Pacific/Kiritimati', [-840, -840]],
];

describe('the same slots whatever the process time zone', () => {
  it.each(zones)('TZ=%s', async (tz, offsets) => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', runner], { cwd: root, env: { ...process.env, TZ: tz }, timeout: 60_000 });
    const out = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as { tz: string; offsets: number[]; results: { name: string; ok: boolean }[] };
    expect(out.tz).toBe(tz);
    expect(out.offsets).toEqual(offsets);
    expect(out.results.map((r) => r.name)).toEqual(scheduleCases.map((c) => c.name));
    expect(out.results.filter((r) => !r.ok)).toEqual([]);
  });
});
