import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/triage-corpora';

const runCli = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/triage.ts', ...args], {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
  });

const jsonLines = (stdout: string): Record<string, unknown>[] =>
  stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('triage CLI', () => {
  it('prints exactly one JSON line for one argument, category and urgency first', () => {
    const run = runCli(['もう死にたい']);
    expect(run.status).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(Object.keys(out).slice(0, 2)).toEqual(['category', 'urgency']);
    expect(out).toMatchObject({ category: 'isolation', urgency: 'crisis', crisisKinds: ['suicide'] });
  });

  it('reads one message per stdin line and answers each, in order', () => {
    const run = runCli([], '家賃が払えない\n隣のおじいさんを最近見かけない\nボランティアをしてみたい\n');
    expect(run.status).toBe(0);
    expect(jsonLines(run.stdout).map((o) => o.category)).toEqual(['money', 'neighbor', 'volunteer']);
  });

  it('skips blank stdin lines and accepts a last line without a newline', () => {
    const run = runCli([], '\nさみしい\n   \r\n寄付をしたい');
    expect(jsonLines(run.stdout).map((o) => o.category)).toEqual(['isolation', 'other']);
  });

  it('explains itself in Japanese and English', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('使い方');
    expect(run.stdout).toContain('Usage');
    expect(run.stdout).toContain('blank lines are skipped');
  });
});
