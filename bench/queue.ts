import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { connectNodeDatabase } from '../src/db/connect-node';
import { migrateDatabase } from '../src/db/migrate';
import { cases, residents } from '../src/db/schema';
import type { Db } from '../src/db/types';
import { CATEGORIES } from '../src/engine/taxonomy';
import { listQueue, queueCounts, type QueueView } from '../src/services/handoff';
import { queueQuery } from '../src/services/handoff/queue';
import { parseEnv } from '../src/env';
import { silentLogger } from '../src/log';
import { startLocalServer } from '../src/node/server';
import { addStaff, CookieJar, logIn } from '../test/auth/helpers';

// The counselor queue's database work with 10,000 cases in a temporary file database:
// one page of listQueue plus queueCounts, as the queue page does on every load, and then
// the whole page (GET /admin/queue, logged in, over HTTP) on the same database.
// Figures are printed, never asserted.
//
//   npm run bench:queue -- [--cases 10000] [--runs 300]

const { values } = parseArgs({ options: { cases: { type: 'string', default: '10000' }, runs: { type: 'string', default: '300' } } });
const TOTAL = Number(values.cases);
const RUNS = Number(values.runs);
const STAFF = Array.from({ length: 12 }, (_, i) => `staff-${i}`);

/** A simple deterministic generator, so runs are comparable. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

type Mix = { closed: number; open: number; waiting: number; claimed: number };

async function seed(db: Db, total: number, mix: Mix) {
  const rand = prng(42);
  const now = Date.now();
  const pickStatus = (): keyof Mix => {
    const r = rand();
    if (r < mix.closed) return 'closed';
    if (r < mix.closed + mix.open) return 'open';
    if (r < mix.closed + mix.open + mix.waiting) return 'waiting';
    return 'claimed';
  };
  const CHUNK = 500;
  for (let start = 0; start < total; start += CHUNK) {
    const people = [];
    const rows = [];
    for (let i = start; i < Math.min(total, start + CHUNK); i++) {
      const created = new Date(now - Math.floor(rand() * 365 * 86_400_000));
      const status = pickStatus();
      const u = rand();
      const urgency = u < 0.03 ? 'crisis' : u < 0.15 ? 'urgent' : 'normal';
      const waitingSince = status === 'open' ? null : new Date(created.getTime() + 60_000);
      const claimed = status === 'claimed' || status === 'closed';
      people.push({ id: `r${i}`, lineUserId: `U${i.toString(16).padStart(32, '0')}`, displayName: `住民${i}`, createdAt: created });
      rows.push({
        id: `c${i}`,
        residentId: `r${i}`,
        category: CATEGORIES[i % CATEGORIES.length]!,
        urgency: urgency as 'crisis' | 'urgent' | 'normal',
        departmentId: 'soumu',
        status,
        createdAt: created,
        updatedAt: created,
        waitingSince,
        assigneeId: claimed ? STAFF[i % STAFF.length]! : null,
        claimedAt: claimed && waitingSince ? new Date(waitingSince.getTime() + Math.floor(rand() * 3_600_000)) : null,
        closedAt: status === 'closed' ? new Date(created.getTime() + 86_400_000) : null,
        outcome: status === 'closed' ? ('resolved' as const) : null,
      });
    }
    await db.batch([db.insert(residents).values(people), db.insert(cases).values(rows)]);
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(db: Db, view: QueueView) {
  const once = () => Promise.all([listQueue(db, { view, staffId: STAFF[0], limit: 50 }), queueCounts(db, { staffId: STAFF[0] })]);
  for (let i = 0; i < 20; i++) await once(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await once();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function plan(db: Db, query: { sql: string; params: unknown[] }) {
  const rows = await db.all<{ detail: string }>(sql`explain query plan ${sql.raw(inline(query))}`);
  return rows.map((r) => r.detail).join(' | ');
}

/** The statement with its parameters written in (EXPLAIN cannot take them separately here). */
const inline = ({ sql: text, params }: { sql: string; params: unknown[] }) => {
  let i = 0;
  return text.replace(/\?/g, () => {
    const p = params[i++];
    return typeof p === 'string' ? `'${p.replace(/'/g, "''")}'` : String(p);
  });
};

async function scenario(name: string, mix: Mix) {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-bench-queue-'));
  const database = connectNodeDatabase(`file:${join(dir, 'bench.db')}`);
  try {
    await database.ready;
    await migrateDatabase(database.db);
    const t = performance.now();
    await seed(database.db, TOTAL, mix);
    const seeded = performance.now() - t;
    const counts = await queueCounts(database.db);
    console.log(`\n${name}: ${TOTAL} cases (waiting ${counts.waiting.total}, claimed ${counts.claimed.total}), seeded in ${seeded.toFixed(0)} ms`);
    for (const view of ['waiting', 'mine', 'all'] as const) {
      const { p50, p99 } = await measure(database.db, view);
      console.log(`  listQueue(${view}, 50) + queueCounts: p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (${RUNS} runs)`);
    }
    for (const view of ['waiting', 'mine', 'all'] as const) {
      const query = queueQuery(database.db, { view, staffId: STAFF[0], limit: 50 }).toSQL();
      console.log(`  plan ${view}: ${await plan(database.db, query)}`);
    }
    database.close();
    await measurePage(`file:${join(dir, 'bench.db')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The whole queue page as a counselor's browser gets it: HTTP, session, queries and HTML. */
async function measurePage(databaseUrl: string) {
  const server = await startLocalServer({ env: parseEnv({ PORT: '0', DATABASE_URL: databaseUrl }), seedDemo: false, recoveryIntervalMs: 0, log: silentLogger });
  try {
    await addStaff(server.deps.db, 'counselor', 'bench@example.jp');
    const jar = new CookieJar();
    await logIn(server.url, jar, 'bench@example.jp');
    for (const view of ['waiting', 'all'] as const) {
      const get = async () => {
        const res = await fetch(`${server.url}/admin/queue?view=${view}`, { headers: { accept: 'text/html', cookie: jar.header() } });
        if (res.status !== 200) throw new Error(`queue page answered ${res.status}`);
        return (await res.text()).length;
      };
      for (let i = 0; i < 20; i++) await get();
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        bytes = await get();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(`  GET /admin/queue?view=${view} (whole page over HTTP, ${Math.round(bytes / 1024)} KB): p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms`);
    }
  } finally {
    await server.close();
  }
}

console.log(`bench:queue — Node ${process.version}, file libSQL (WAL), ${new Date().toISOString()}`);
await scenario('typical (90% closed, 5% open, 3% waiting, 2% claimed)', { closed: 0.9, open: 0.05, waiting: 0.03, claimed: 0.02 });
await scenario('worst case (every case waiting or claimed)', { closed: 0, open: 0, waiting: 0.8, claimed: 0.2 });
