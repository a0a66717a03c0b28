import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, meetsThresholds, parseCorpus, THRESHOLDS, type Metrics, type Miss } from './triage-metrics';

// npm run eval:triage [corpus.tsv …]
// Scores the classifier on each corpus and exits non-zero when one misses the
// thresholds (crisis recall 100%, category accuracy ≥ 90%, false crisis ≤ 2%).

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CORPORA = [
  'test/corpus/triage-ja.tsv',
  'test/corpus/triage-dev.tsv',
  // Shared examples live beside the project and are read in place, never copied.
  '../shared/corpus/triage.tsv',
];

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const describe = (m: Miss): string =>
  `  行${m.example.line}: ${m.example.text}  [${m.example.category}/${m.example.urgency} → ${m.got.category}/${m.got.urgency}]`;

function report(name: string, m: Metrics): boolean {
  const ok = meetsThresholds(m);
  console.log(`\n■ ${name}  ${ok ? '合格 PASS' : '不合格 FAIL'}`);
  console.log(`  件数 n: ${m.n}（危機 crisis ${m.crises} / それ以外 non-crisis ${m.nonCrises}）`);
  console.log(`  危機の再現率 crisis recall: ${pct(m.crisisRecall)}（目標 ${pct(THRESHOLDS.crisisRecall)}）`);
  for (const miss of m.missedCrises) console.log(`    見逃し missed ${describe(miss)}`);
  console.log(`  カテゴリ正解率 category accuracy: ${pct(m.categoryAccuracy)}（目標 ≥ ${pct(THRESHOLDS.categoryAccuracy)}）`);
  console.log(`  緊急度正解率 urgency accuracy: ${pct(m.urgencyAccuracy)}`);
  console.log(`  誤った危機判定 false crisis: ${pct(m.falseCrisisRate)}（目標 ≤ ${pct(THRESHOLDS.falseCrisisRate)}）`);
  for (const miss of m.falseCrises) console.log(`    誤警報 false alarm ${describe(miss)}`);
  const confusions = [...m.confusion].flatMap(([expected, row]) =>
    [...row].map(([got, count]) => ({ expected, got, count })),
  );
  if (confusions.length > 0) {
    console.log('  取り違え confusion (正解 expected → 判定 got):');
    for (const c of confusions.sort((a, b) => b.count - a.count)) {
      console.log(`    ${c.expected} → ${c.got}: ${c.count}`);
    }
  }
  return ok;
}

const corpora = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_CORPORA;
let evaluated = 0;
let failed = 0;
for (const path of corpora) {
  const file = resolve(root, path);
  const name = relative(root, file);
  if (!existsSync(file)) {
    console.log(`\n■ ${name}: not found, skipped（見つからないため省略）`);
    continue;
  }
  evaluated += 1;
  if (!report(name, evaluate(parseCorpus(readFileSync(file, 'utf8'))))) failed += 1;
}
if (evaluated === 0) {
  console.log('\n評価できるコーパスがありません / no corpus to evaluate');
  process.exit(2);
}
process.exit(failed > 0 ? 1 : 0);
