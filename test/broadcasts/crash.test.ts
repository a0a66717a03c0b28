// Kill -9 in the middle of a broadcast. The app runs as a real separate process (the Node
// door, LINE mode, a file database) against a LINE emulator served from this process. The
// emulator kills the app the moment it accepts the first chunk, before the answer is
// written, so LINE has the chunk and the app never learns it. After a restart every one
// of the 1,234 recipients has exactly one copy.
import { spawn, type ChildProcess } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { conversation } from '../../flows/conversation';
import { loadProfile } from '../../flows/profiles';
import { createBroadcast } from '../../src/broadcasts/create';
import { connectNodeDatabase } from '../../src/db/connect-node';
import { migrateDatabase } from '../../src/db/migrate';
import { broadcastChunks, broadcasts } from '../../src/db/schema';
import type { Deps } from '../../src/deps';
import { defaultRetry, sleep } from '../../src/deps';
import type { RandomFaultSpec } from '../../src/dev/line-emulator';
import { startLineEmulator, type RunningLineEmulator } from '../../src/dev/line-emulator/serve';
import { createLineClient } from '../../src/line/line-client';
import { silentLogger } from '../../src/log';
import { systemClock } from '../../src/time/clock';
import { tempFileDatabaseUrl } from '../helpers/sqld';
import { addNoticeResidents, copiesHistogram, multicastRequests } from './notice-residents';

const TOKEN = 'crash-test-channel-access-token';
const TEXT = '【お知らせ】避難所の開設について';
const RECIPIENTS = 1234;

let emulator: RunningLineEmulator | undefined;
let app: ChildProcess | undefined;
let temp: ReturnType<typeof tempFileDatabaseUrl> | undefined;
/** Set while the first chunk should kill the app. */
let killOnAccept = false;
let appOutput = '';

afterEach(async () => {
  if (app && app.exitCode === null && app.signalCode === null) await stop(app, 'SIGTERM');
  await emulator?.close();
  temp?.cleanup();
  app = emulator = temp = undefined;
});

function startApp(databaseUrl: string, lineApiUrl: string): ChildProcess {
  // `node --import tsx` rather than the tsx CLI, which runs the app in a grandchild that a SIGKILL would orphan.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      DATABASE_URL: databaseUrl,
      LINE_CHANNEL_SECRET: 'crash-test-channel-secret',
      LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
      LINE_API_BASE_URL: lineApiUrl,
      COUNCIL_PROFILE: 'sample-town',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => void (appOutput += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (appOutput += d.toString()));
  return child;
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.signalCode) : child.once('exit', (_, signal) => resolve(signal))));

/** Reads the broadcast's state with a separate connection, as another process would. */
async function readJob(databaseUrl: string, id: string) {
  const database = connectNodeDatabase(databaseUrl);
  try {
    await database.ready;
    const [job] = await database.db.select({ status: broadcasts.status }).from(broadcasts).where(eq(broadcasts.id, id));
    const chunks = await database.db.select({ status: broadcastChunks.status }).from(broadcastChunks).where(eq(broadcastChunks.broadcastId, id)).orderBy(broadcastChunks.chunkNo);
    return { status: job!.status, chunks: chunks.map((c) => c.status) };
  } finally {
    database.close();
  }
}

async function waitUntilDone(databaseUrl: string, id: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await readJob(databaseUrl, id)).status === 'done') return;
    if (Date.now() > deadline) throw new Error(`broadcast not done after ${timeoutMs} ms; app said:\n${appOutput}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function scenario(faults: RandomFaultSpec | null) {
  appOutput = '';
  emulator = await startLineEmulator({
    channelAccessToken: TOKEN,
    onAccepted: ({ via }) => {
      if (via !== 'multicast' || !killOnAccept) return;
      killOnAccept = false;
      app!.kill('SIGKILL'); // before this request's answer is written
    },
  });
  if (faults) emulator.state.setRandomFaults(faults);
  temp = tempFileDatabaseUrl();

  // The broadcast is created (recipients frozen) before the app starts; the app's start-up sweep sends it.
  const database = connectNodeDatabase(temp.url);
  await database.ready;
  await migrateDatabase(database.db);
  const now = new Date();
  const { lineUserIds } = await addNoticeResidents(database.db, emulator.state, { tag: 'c0', count: RECIPIENTS, now });
  const deps: Deps = {
    db: database.db,
    line: createLineClient({ channelAccessToken: TOKEN, baseURL: emulator.url }),
    profile: loadProfile('sample-town'),
    conversation,
    clock: systemClock,
    log: silentLogger,
    channelSecret: 'unused',
    retry: defaultRetry,
    sleep,
  };
  const { id } = await createBroadcast(deps, { kind: 'notice', text: TEXT, eventId: null, audience: { type: 'all' }, scheduledAt: now, requestKey: crypto.randomUUID(), createdBy: 'staff-1' });

  killOnAccept = true;
  app = startApp(temp.url, emulator.url);
  expect(await exited(app)).toBe('SIGKILL');

  // LINE has the first chunk; the dead app had prepared it (key stored) and never recorded it.
  const multicasts = () => multicastRequests(emulator!.state);
  const firstKey = multicasts().find((r) => r.recipients > 0)!.retryKey;
  expect(copiesHistogram(emulator.state, lineUserIds, TEXT)).toEqual({ 1: 500, 0: RECIPIENTS - 500 });
  expect(await readJob(temp.url, id)).toEqual({ status: 'sending', chunks: ['sending', 'pending', 'pending'] });
  // Its lease would run out a minute later; move it to now rather than wait.
  await database.db.update(broadcastChunks).set({ leaseUntil: new Date(Date.now() - 1) }).where(eq(broadcastChunks.status, 'sending'));
  database.close();

  app = startApp(temp.url, emulator.url);
  await waitUntilDone(temp.url, id, 60_000);
  await stop(app, 'SIGTERM');

  expect(copiesHistogram(emulator.state, lineUserIds, TEXT)).toEqual({ 1: RECIPIENTS });
  // The taken-over chunk went again with its stored key, and LINE said it already had it.
  expect(multicasts().filter((r) => r.retryKey === firstKey).map((r) => r.status)).toContain(409);
  expect(emulator.state.stats().consumption).toBe(RECIPIENTS);
  return multicasts();
}

describe('kill -9 after the first chunk of a 1,234-recipient broadcast', () => {
  it('restarts and delivers exactly one copy to each recipient', { timeout: 120_000 }, async () => {
    const multicasts = await scenario(null);
    expect(multicasts.map((r) => r.status)).toEqual([200, 409, 200, 200]); // chunk 0 (killed), its takeover, chunks 1 and 2
  });

  it('does the same while LINE answers 500 and 429 at random, some 500s after accepting', { timeout: 120_000 }, async () => {
    const multicasts = await scenario({ rate: 0.4, statuses: [429, 500], seed: 18, lostResponseRate: 0.5, pathPrefix: '/v2/bot/message/multicast' });
    // This seed: two 500s, then chunk 0 accepted (app killed); after the restart a 429 and the
    // takeover's 409, then chunk 1 accepted but answered 500 (a lost answer) and its retry's 409, then chunk 2.
    expect(multicasts.map((r) => r.status)).toEqual([500, 500, 200, 429, 409, 500, 409, 200]);
    expect(multicasts.filter((r) => r.status === 500 && r.recipients > 0)).toHaveLength(1);
  });
});
