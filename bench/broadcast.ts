// One broadcast to 100,000 opted-in residents through the real local server (file libSQL,
// emulator mode: the LINE emulator answers over HTTP on the same port). Residents are
// bulk-inserted straight into the database. Figures are printed, never asserted.
//
//   npm run bench:broadcast -- [--residents 100000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { countAudience } from '../src/broadcasts/audience';
import { createBroadcast } from '../src/broadcasts/create';
import { getBroadcastProgress } from '../src/broadcasts/progress';
import { runDueBroadcasts } from '../src/broadcasts/runner';
import { parseEnv } from '../src/env';
import { silentLogger } from '../src/log';
import { startLocalServer } from '../src/node/server';
import { addNoticeResidents } from '../test/broadcasts/notice-residents';

const { values } = parseArgs({ options: { residents: { type: 'string', default: '100000' } } });
const RESIDENTS = Number(values.residents);
const TEXT = '【お知らせ】災害ボランティアセンターを開設しました。';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-bench-broadcast-'));
  const server = await startLocalServer({
    env: parseEnv({ PORT: '0', DATABASE_URL: `file:${join(dir, 'bench.db')}`, COUNCIL_PROFILE: 'sample-town' }),
    log: silentLogger,
    seedDemo: false,
    recoveryIntervalMs: 0,
  });
  try {
    await server.drain();
    const { deps } = server;
    const emulator = server.tools!.emulator;
    const startRss = process.memoryUsage.rss();

    let t = performance.now();
    const { lineUserIds } = await addNoticeResidents(deps.db, emulator, { tag: 'be', count: RESIDENTS, now: deps.clock.now() });
    const seedMs = performance.now() - t;

    t = performance.now();
    await countAudience(deps, { type: 'all' });
    const countMs = performance.now() - t;

    t = performance.now();
    const { id, recipientCount } = await createBroadcast(deps, {
      kind: 'disaster',
      text: TEXT,
      eventId: null,
      audience: { type: 'all' },
      scheduledAt: deps.clock.now(),
      requestKey: crypto.randomUUID(),
      createdBy: 'bench',
    });
    const createMs = performance.now() - t;

    t = performance.now();
    await runDueBroadcasts(deps);
    const sendMs = performance.now() - t;

    t = performance.now();
    const progress = await getBroadcastProgress(deps, id);
    const progressMs = performance.now() - t;

    const multicasts = emulator.requests().filter((r) => r.path === '/v2/bot/message/multicast');
    const counts = emulator.stats().deliveriesByUser;
    const notOnce = lineUserIds.filter((u) => counts[u] !== 1).length;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    console.log(
      [
        `broadcast bench: ${RESIDENTS.toLocaleString('en')} opted-in residents, one broadcast to all (file libSQL, emulator over HTTP)`,
        `  bulk insert of residents + settings:  ${seconds(seedMs)}`,
        `  countAudience (the count staff see):  ${countMs.toFixed(0)} ms`,
        `  createBroadcast (freeze ${recipientCount.toLocaleString('en')} recipients): ${seconds(createMs)}`,
        `  time to complete (runDueBroadcasts):  ${seconds(sendMs)}  (${progress?.status}; sent ${progress?.sent.toLocaleString('en')}, failed ${progress?.failed}, remaining ${progress?.remaining})`,
        `  multicast requests:                  ${multicasts.length} (statuses: ${[...new Set(multicasts.map((r) => r.status))].join(', ')})`,
        `  residents without exactly one copy:  ${notOnce}`,
        `  progress query (staff's live view):  ${progressMs.toFixed(0)} ms`,
        `  RSS: ${mb(startRss)} after start, peak ${mb(peakRss)} (sampled every 10 ms; includes the in-process emulator's 100k users and inboxes)`,
      ].join('\n'),
    );
  } finally {
    clearInterval(sampler);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
