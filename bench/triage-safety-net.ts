import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { classify } from '../src/engine/classifier';
import { parseCorpus, type Example } from './triage-metrics';

// npm run -s eval:safety-net -- <corpus.tsv> …
// The second safety net on labelled corpora: how many crises the classifier catches, how many
// of the ones it misses still get the distress message (numbers to call), which ones get
// neither, and how many non-crisis messages would get the distress message (the noise).

const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((a / b) * 100).toFixed(1)}%`);

function report(name: string, examples: readonly Example[]): void {
  const crises = examples.filter((e) => e.urgency === 'crisis');
  const others = examples.filter((e) => e.urgency !== 'crisis');
  const judged = crises.map((e) => ({ e, t: classify(e.text) }));
  const missed = judged.filter(({ t }) => t.urgency !== 'crisis');
  // Where the classifier catches every crisis, this says how the net would do on its own.
  const marked = judged.filter(({ t }) => t.distress).length;
  const covered = missed.filter(({ t }) => t.distress);
  const bare = missed.filter(({ t }) => !t.distress);
  // The net shows only where the classifier saw no crisis: a false crisis already gets the numbers.
  const noisy = others.map((e) => ({ e, t: classify(e.text) })).filter(({ t }) => t.urgency !== 'crisis' && t.distress);
  const caught = crises.length - missed.length;
  console.log(`\n■ ${name}  (${examples.length} lines: ${crises.length} crisis, ${others.length} not)`);
  console.log(`  caught by the classifier: ${caught}/${crises.length} (${pct(caught, crises.length)})`);
  console.log(`  missed, covered by the safety net: ${covered.length}/${missed.length}`);
  console.log(`  crises that get numbers to call: ${caught + covered.length}/${crises.length} (${pct(caught + covered.length, crises.length)})`);
  console.log(`  missed by both: ${bare.length}`);
  console.log(`  (crisis lines with distress markers, whatever the classifier says: ${marked}/${crises.length}, ${pct(marked, crises.length)})`);
  for (const { e, t } of bare) console.log(`    line ${e.line}: ${e.text}  [${e.category}/${e.urgency} → ${t.category}/${t.urgency}]`);
  for (const urgency of ['normal', 'urgent'] as const) {
    const all = others.filter((e) => e.urgency === urgency).length;
    const hit = noisy.filter(({ e }) => e.urgency === urgency).length;
    console.log(`  noise, ${urgency} lines with the safety net: ${hit}/${all} (${pct(hit, all)})`);
  }
  console.log(`  noise, all non-crisis lines: ${noisy.length}/${others.length} (${pct(noisy.length, others.length)})`);
  if (process.env.SHOW_NOISE) for (const { e, t } of noisy) console.log(`    line ${e.line}: ${e.text}  [${t.distressPhrases.join('|')}]`);
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: npm run -s eval:safety-net -- <corpus.tsv> …');
  process.exit(2);
}
for (const path of paths) {
  const file = resolve(process.cwd(), path);
  if (!existsSync(file)) {
    console.log(`\n■ ${path}: not found, skipped`);
    continue;
  }
  report(relative(process.cwd(), file), parseCorpus(readFileSync(file, 'utf8')));
}
