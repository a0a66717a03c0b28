import { classify, type Triage } from '../src/engine/classifier';
import { isCategory, isUrgency, type Category, type Urgency } from '../src/engine/taxonomy';

// Reads a triage corpus (utterance<TAB>category<TAB>urgency, # comments) and
// scores the classifier on it. Shared by the accuracy bench and the tests.

export interface Example {
  readonly line: number;
  readonly text: string;
  readonly category: Category;
  readonly urgency: Urgency;
}

export interface Miss {
  readonly example: Example;
  readonly got: Triage;
}

export interface Metrics {
  readonly n: number;
  readonly crises: number;
  readonly crisisRecall: number;
  readonly missedCrises: Miss[];
  readonly categoryAccuracy: number;
  readonly urgencyAccuracy: number;
  readonly nonCrises: number;
  readonly falseCrisisRate: number;
  readonly falseCrises: Miss[];
  readonly wrongCategory: Miss[];
  readonly wrongUrgency: Miss[];
  /** expected → got → count, wrong categories only. */
  readonly confusion: Map<Category, Map<Category, number>>;
}

export const THRESHOLDS = { crisisRecall: 1, categoryAccuracy: 0.9, falseCrisisRate: 0.02 } as const;

export function parseCorpus(tsv: string): Example[] {
  const examples: Example[] = [];
  tsv.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const [text = '', category = '', urgency = ''] = raw.split('\t').map((f) => f.trim());
    if (!isCategory(category) || !isUrgency(urgency)) {
      throw new Error(`line ${i + 1}: expected "utterance<TAB>category<TAB>urgency", got "${raw}"`);
    }
    examples.push({ line: i + 1, text, category, urgency });
  });
  return examples;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export function evaluate(examples: readonly Example[]): Metrics {
  const misses = { crisis: [] as Miss[], falseCrisis: [] as Miss[], category: [] as Miss[], urgency: [] as Miss[] };
  const confusion = new Map<Category, Map<Category, number>>();
  let crises = 0;
  for (const example of examples) {
    const got = classify(example.text);
    const isCrisis = example.urgency === 'crisis';
    if (isCrisis) crises += 1;
    if (isCrisis && got.urgency !== 'crisis') misses.crisis.push({ example, got });
    if (!isCrisis && got.urgency === 'crisis') misses.falseCrisis.push({ example, got });
    if (got.urgency !== example.urgency) misses.urgency.push({ example, got });
    if (got.category !== example.category) {
      misses.category.push({ example, got });
      const row = confusion.get(example.category) ?? new Map<Category, number>();
      row.set(got.category, (row.get(got.category) ?? 0) + 1);
      confusion.set(example.category, row);
    }
  }
  const n = examples.length;
  return {
    n,
    crises,
    crisisRecall: ratio(crises - misses.crisis.length, crises),
    missedCrises: misses.crisis,
    categoryAccuracy: ratio(n - misses.category.length, n),
    urgencyAccuracy: ratio(n - misses.urgency.length, n),
    nonCrises: n - crises,
    falseCrisisRate: n - crises === 0 ? 0 : misses.falseCrisis.length / (n - crises),
    falseCrises: misses.falseCrisis,
    wrongCategory: misses.category,
    wrongUrgency: misses.urgency,
    confusion,
  };
}

export function meetsThresholds(m: Metrics): boolean {
  return (
    m.crisisRecall >= THRESHOLDS.crisisRecall &&
    m.categoryAccuracy >= THRESHOLDS.categoryAccuracy &&
    m.falseCrisisRate <= THRESHOLDS.falseCrisisRate
  );
}
