import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../src/engine/classifier';
import { parseCorpus } from './triage-metrics';

// npm run bench:triage
// Times `npm run -s triage` end to end (npm and process start included) on 1,000
// messages piped through stdin — first without the compile cache, then with it — and
// then in-process classify() throughput.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MESSAGES = 1000;
const ROUNDS = 5;

const pool = parseCorpus(readFileSync(resolve(root, 'test/corpus/triage-dev.tsv'), 'utf8')).map((e) => e.text);
const messages = Array.from({ length: MESSAGES }, (_, i) => pool[i % pool.length] ?? '');
const input = `${messages.join('\n')}\n`;

function timeCli(label: string, command: string, args: string[]): void {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  const lines = run.stdout.split('\n').filter(Boolean).length;
  if (run.status !== 0 || lines !== MESSAGES) {
    console.error(`${label}: 失敗 failed (exit ${run.status}, ${lines} lines)\n${run.stderr}`);
    process.exitCode = 1;
    return;
  }
  console.log(`CLI ${label}: ${MESSAGES}件 messages ${ms.toFixed(0)} ms（起動を含む / including process start）`);
}

rmSync(resolve(root, 'node_modules/.cache/tsunagu'), { recursive: true, force: true });
timeCli('npm run -s triage (no compile cache yet: compiles and writes it)', 'npm', ['run', '-s', 'triage']);
for (let round = 1; round <= 3; round++) timeCli(`npm run -s triage (compile cache, run ${round})`, 'npm', ['run', '-s', 'triage']);

const first = performance.now();
classify('辞書の準備');
console.log(`classify() 初回（辞書のコンパイル込み）first call, dictionary compile included: ${(performance.now() - first).toFixed(1)} ms`);
let best = Infinity;
for (let round = 0; round < ROUNDS; round++) {
  const started = performance.now();
  for (const m of messages) classify(m);
  best = Math.min(best, performance.now() - started);
}
console.log(
  `classify() ${MESSAGES}件 messages: ${best.toFixed(1)} ms（${ROUNDS}回中最速 best of ${ROUNDS}, ${Math.round((MESSAGES / best) * 1000)} 件/秒 per s）`,
);
