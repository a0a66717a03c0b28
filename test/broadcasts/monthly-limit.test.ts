// The monthly message quota over the real local server and the LINE emulator's quota:
// what staff see before sending, and a job that hits the limit midway pauses with nobody
// half-sent, then finishes with one copy each once staff resume it.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resumeBroadcast } from '../../src/broadcasts/control';
import { createBroadcast } from '../../src/broadcasts/create';
import { getBroadcastProgress } from '../../src/broadcasts/progress';
import { readQuota } from '../../src/broadcasts/quota';
import { runDueBroadcasts } from '../../src/broadcasts/runner';
import { broadcastChunks } from '../../src/db/schema';
import { manualClock } from '../../src/time/clock';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addNoticeResidents, copiesHistogram, multicastRequests } from './notice-residents';

const NOW = new Date('2026-11-24T10:00:00+09:00');
const TEXT = '【災害ボランティアセンター開設のお知らせ】';
let server: TestServer;

beforeEach(async () => {
  server = await startTestServer({ clock: manualClock(NOW), profile: 'sample-town' });
  await server.drain();
});
afterEach(() => server.close());

describe('quota', () => {
  it('reads the limit and this month’s use from LINE, or none', async () => {
    server.emulator.setMonthlyLimit(5000);
    server.emulator.setConsumption(1234);
    expect(await readQuota(server.deps)).toEqual({ limit: 5000, used: 1234 });
    server.emulator.setMonthlyLimit(null);
    expect(await readQuota(server.deps)).toEqual({ limit: null, used: 1234 });
  });

  it('is null when LINE cannot be asked, and says so in the log', async () => {
    server.emulator.addFault({ status: 503, pathPrefix: '/v2/bot/message/quota' });
    expect(await readQuota(server.deps)).toBeNull();
    expect(server.logs.some((l) => l.includes('broadcast.quota_unavailable'))).toBe(true);
  });
});

describe('the monthly limit', () => {
  it('pauses the job mid-way with nobody half-sent; resumed after the limit is raised, it finishes with one copy each', async () => {
    const { lineUserIds } = await addNoticeResidents(server.deps.db, server.emulator, { tag: 'b0', count: 1234, now: NOW });
    server.emulator.setMonthlyLimit(700);
    const { id } = await createBroadcast(server.deps, {
      kind: 'disaster',
      text: TEXT,
      eventId: null,
      audience: { type: 'all' },
      scheduledAt: NOW,
      requestKey: crypto.randomUUID(),
      createdBy: 'staff-1',
    });

    await runDueBroadcasts(server.deps);

    expect(await getBroadcastProgress(server.deps, id)).toMatchObject({ status: 'paused', pauseReason: 'monthly_limit', sent: 500, remaining: 734, chunksSent: 1 });
    // The second chunk was refused whole; the third was never tried; 429 "monthly limit" is not retried.
    expect(copiesHistogram(server.emulator, lineUserIds, TEXT)).toEqual({ 1: 500, 0: 734 });
    const multicasts = () => multicastRequests(server.emulator);
    expect(multicasts().map((r) => r.status)).toEqual([200, 429]);
    const chunks = await server.deps.db.select().from(broadcastChunks).where(eq(broadcastChunks.broadcastId, id)).orderBy(broadcastChunks.chunkNo);
    expect(chunks.map((c) => c.status)).toEqual(['sent', 'monthly_limit', 'pending']);
    expect(server.logs.some((l) => l.includes('broadcast.paused') && l.includes('monthly_limit'))).toBe(true);

    await runDueBroadcasts(server.deps); // paused: nothing goes until staff resume
    expect(multicasts()).toHaveLength(2);

    server.emulator.setMonthlyLimit(10_000);
    expect(await resumeBroadcast(server.deps, id)).toBe(true);
    expect(await resumeBroadcast(server.deps, id)).toBe(false);
    await runDueBroadcasts(server.deps);

    expect(multicasts().map((r) => [r.status, r.retryKey])).toEqual([
      [200, chunks[0]!.retryKey],
      [429, chunks[1]!.retryKey],
      [200, chunks[1]!.retryKey], // the same key: LINE never accepted it
      [200, expect.any(String)],
    ]);
    expect(copiesHistogram(server.emulator, lineUserIds, TEXT)).toEqual({ 1: 1234 });
    expect(await getBroadcastProgress(server.deps, id)).toMatchObject({ status: 'done', pauseReason: null, sent: 1234, remaining: 0 });
    expect(await readQuota(server.deps)).toEqual({ limit: 10_000, used: 1234 });
  });
});
