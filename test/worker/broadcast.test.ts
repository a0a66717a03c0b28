import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { conversation } from '../../flows/conversation';
import { loadProfile } from '../../flows/profiles';
import { WORKERS_CHUNKS_PER_RUN } from '../../src/broadcasts/fan-out';
import { createBroadcast } from '../../src/broadcasts/create';
import { getBroadcastProgress } from '../../src/broadcasts/progress';
import { connectWebDatabase } from '../../src/db/connect-web';
import { broadcasts } from '../../src/db/schema';
import { defaultRetry, sleep, type Deps } from '../../src/deps';
import { createLineClient } from '../../src/line/line-client';
import { silentLogger } from '../../src/log';
import { systemClock } from '../../src/time/clock';
import worker from '../../src/worker';
import { addNoticeResidents } from '../broadcasts/notice-residents';
import { emulatorCaller } from './emulator';

const emulatorCall = emulatorCaller(env.LINE_API_BASE_URL);
const db = connectWebDatabase(env.DATABASE_URL);
const deps: Deps = {
  db,
  line: createLineClient({ channelAccessToken: env.LINE_CHANNEL_ACCESS_TOKEN, baseURL: env.LINE_API_BASE_URL }),
  profile: loadProfile('nerima'),
  conversation,
  clock: systemClock,
  log: silentLogger,
  channelSecret: env.LINE_CHANNEL_SECRET,
  retry: defaultRetry,
  sleep,
};

type RequestEntry = { path: string; status: number; recipients: number };
const multicastsSince = async (after: number) =>
  (await emulatorCall<{ requests: (RequestEntry & { seq: number })[] }>(`/requests?after=${after}`)).requests.filter((r) => r.path === '/v2/bot/message/multicast');
const lastSeq = async () => (await emulatorCall<{ requests: { seq: number }[] }>('/requests')).requests.at(-1)?.seq ?? 0;

/** One cron invocation of the Worker, awaited to the end of its waitUntil work. */
async function cron(): Promise<void> {
  const ctx = createExecutionContext();
  worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

describe('broadcast fan-out in workerd (cron-driven chunks)', () => {
  it('sends at most the per-invocation budget of chunks per cron run, and finishes over the next runs with one copy each', async () => {
    const count = WORKERS_CHUNKS_PER_RUN * 500 + 1; // one chunk more than a run may send
    const { lineUserIds } = await addNoticeResidents(db, null, { tag: 'e0', count, now: new Date() });
    await emulatorCall('/users', { users: lineUserIds.map((userId) => ({ userId, displayName: '住民' })) });
    const { id } = await createBroadcast(deps, {
      kind: 'notice',
      text: 'ワーカーからのお知らせ',
      eventId: null,
      audience: { type: 'all' },
      scheduledAt: new Date(),
      requestKey: crypto.randomUUID(),
      createdBy: 'staff-1',
    });
    const before = await lastSeq();

    await cron();
    expect((await multicastsSince(before)).map((r) => r.status)).toEqual(Array(WORKERS_CHUNKS_PER_RUN).fill(200));
    expect(await getBroadcastProgress(deps, id)).toMatchObject({ status: 'sending', sent: WORKERS_CHUNKS_PER_RUN * 500, remaining: 1 });

    await cron();
    const all = await multicastsSince(before);
    expect(all).toHaveLength(WORKERS_CHUNKS_PER_RUN + 1);
    expect(all.reduce((n, r) => n + r.recipients, 0)).toBe(count);
    const [job] = await db.select({ status: broadcasts.status }).from(broadcasts).where(eq(broadcasts.id, id));
    expect(job!.status).toBe('done');

    const stats = await emulatorCall<{ deliveriesByUser: Record<string, number> }>('/stats');
    expect(lineUserIds.filter((u) => stats.deliveriesByUser[u] !== 1)).toEqual([]);
  });
});
