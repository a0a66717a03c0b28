import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { serializeWebhookBody, textMessageEvent } from '../src/dev/simulator/events';
import { parseEnv } from '../src/env';
import { verifySignature, signBody } from '../src/line/signature';
import type { LinePort } from '../src/line/port';
import type { Logger } from '../src/log';
import { startLocalServer, type LocalServer } from '../src/node/server';
import { EMULATOR_CHANNEL_SECRET } from '../src/node/local-tools';

// Webhook throughput and latency on localhost: the real app (file libSQL, emulator mode)
// against a floor that only verifies the signature. The load generator runs in a child
// process so the server process's event loop and RSS are its own, as they are behind LINE.
//
//   npm run bench:webhook -- --n 2000 --concurrency 32

const DESTINATION = 'U7e5a09c1d2b3a4f5e6d7c8b9a0f1e2d3';
const CORPUS = fileURLToPath(new URL('../test/corpus/triage-ja.tsv', import.meta.url));
const FALLBACK_TEXTS = ['こんにちは', '家賃が払えなくて困っています', '母の介護のことで相談したい', 'ボランティアをしてみたい'];

/** One webhook the client sends: built in the server process, which owns the emulator's reply tokens. */
interface Job {
  i: number;
  userId: string;
  replyToken: string;
  text: string;
}

interface Sent {
  i: number;
  /** Epoch milliseconds (fractional) when the request started. */
  startedAt: number;
  ms: number;
  status: number;
}

type ToClient =
  | { type: 'run'; url: string; total: number; concurrency: number; deadline: number }
  | { type: 'jobs'; jobs: Job[] };
type ToServer = { type: 'ready' } | { type: 'more'; count: number } | { type: 'done'; sent: Sent[] };

// ---------------------------------------------------------------- server process

async function main() {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '32' },
      warmup: { type: 'string' },
      users: { type: 'string', default: '200' },
      'timeout-s': { type: 'string', default: '300' },
    },
  });
  const n = positive('n', values.n);
  const concurrency = positive('concurrency', values.concurrency);
  const warmup = values.warmup === undefined ? Math.min(500, Math.max(50, Math.floor(n / 10))) : positive('warmup', values.warmup, true);
  const userCount = positive('users', values.users);
  const timeoutMs = positive('timeout-s', values['timeout-s']) * 1000;
  const deadline = Date.now() + timeoutMs;
  // Whatever hangs (a socket, a drain), the bench stops by itself.
  setTimeout(() => {
    console.error(`webhook bench: gave up after ${timeoutMs / 1000} s`);
    process.exit(2);
  }, timeoutMs + 30_000).unref();
  const texts = loadTexts();
  const baselineRssBytes = process.memoryUsage.rss();

  const load = new LoadClient(deadline);
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-bench-'));
  try {
    // Floor first and alone, so its RSS is not the app's.
    const floor = await startFloor();
    const fakeJobs = (i: number): Job => ({ i, userId: `U${i.toString(16).padStart(32, '0')}`, replyToken: 'f'.repeat(32), text: texts[i % texts.length]! });
    await load.run(floor.url, warmup, concurrency, fakeJobs);
    const floorRun = await measure(() => load.run(floor.url, n, concurrency, fakeJobs));
    await floor.close();

    const replies = new Map<string, string>(); // LINE request id → reply token
    const logCounts = new Map<string, number>();
    const app = await startLocalServer({
      env: parseEnv({ PORT: '0', DATABASE_URL: `file:${join(dir, 'bench.db')}` }),
      log: countingLogger(logCounts),
      recoveryIntervalMs: 0,
      seedDemo: false,
      wrapLine: (line) => recordReplies(line, replies),
    });
    try {
      const emulator = app.tools!.emulator;
      const users = Array.from({ length: userCount }, (_, k) => emulator.addUser({ displayName: `住民 ${k}` }).userId);
      const tokenToJob = new Map<string, number>();
      const appJobs = (i: number): Job => {
        const userId = users[i % users.length]!;
        const replyToken = emulator.issueReplyToken(userId);
        tokenToJob.set(replyToken, i);
        return { i, userId, replyToken, text: texts[(i * 7919) % texts.length]! };
      };
      await load.run(app.url, warmup, concurrency, appJobs);
      await drainBy(app, deadline);
      tokenToJob.clear();
      replies.clear();

      const appRun = await measure(async () => {
        const sent = await load.run(app.url, n, concurrency, (i) => appJobs(warmup + i));
        await drainBy(app, deadline);
        return sent;
      });
      const reachedAt = replyArrivals(app, users, replies, tokenToJob);
      report({ n, concurrency, warmup, users: userCount, floor: floorRun, app: appRun, reachedAt, logCounts, baselineRssBytes });
    } finally {
      load.close();
      await app.close();
    }
  } finally {
    load.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function positive(name: string, raw: string | undefined, allowZero = false): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) throw new Error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${raw}`);
  return value;
}

function loadTexts(): string[] {
  try {
    const texts = readFileSync(CORPUS, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.split('\t')[0]!.trim())
      .filter(Boolean);
    return texts.length ? texts : FALLBACK_TEXTS;
  } catch {
    return FALLBACK_TEXTS;
  }
}

async function startFloor(): Promise<{ url: string; close(): Promise<void> }> {
  const app = new Hono().post('/webhook', async (c) => {
    const raw = await c.req.arrayBuffer();
    if (!(await verifySignature(raw, c.req.header('x-line-signature'), EMULATOR_CHANNEL_SECRET))) {
      return c.json({ message: 'invalid signature' }, 401);
    }
    return c.json({});
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function countingLogger(counts: Map<string, number>): Logger {
  const count = (level: string) => (event: string) => void counts.set(`${level} ${event}`, (counts.get(`${level} ${event}`) ?? 0) + 1);
  return { info: count('info'), warn: count('warn'), error: count('error') };
}

/** Maps each reply's LINE request id to its token, to find the emulator delivery of each webhook. */
function recordReplies(line: LinePort, replies: Map<string, string>): LinePort {
  return {
    ...line,
    async reply(replyToken, messages) {
      const result = await line.reply(replyToken, messages);
      if (result.ok && result.requestId) replies.set(result.requestId, replyToken);
      return result;
    },
  };
}

/** When each job's reply reached the emulator (its delivery's `at`), by job index. */
function replyArrivals(app: LocalServer, users: string[], replies: Map<string, string>, tokenToJob: Map<string, number>): Map<number, number> {
  const reached = new Map<number, number>();
  for (const userId of users) {
    for (const delivery of app.tools!.emulator.inbox(userId)) {
      if (delivery.via !== 'reply') continue;
      const token = replies.get(delivery.requestId);
      const job = token === undefined ? undefined : tokenToJob.get(token);
      if (job !== undefined) reached.set(job, delivery.at);
    }
  }
  return reached;
}

async function drainBy(app: LocalServer, deadline: number) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('bench timed out waiting for background work')), Math.max(0, deadline - Date.now()));
  });
  try {
    await Promise.race([app.drain(), late]);
  } finally {
    clearTimeout(timer);
  }
}

interface Measured {
  sent: Sent[];
  peakRssBytes: number;
}

async function measure(run: () => Promise<Sent[]>): Promise<Measured> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    const sent = await run();
    return { sent, peakRssBytes: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(sampler);
  }
}

/** The child process that sends the webhooks; jobs are handed over in batches so reply tokens stay fresh. */
class LoadClient {
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;
  private markReady = () => {};
  private pending: { total: number; make: (i: number) => Job; next: number; resolve(sent: Sent[]): void; reject(e: Error): void } | undefined;

  constructor(private readonly deadline: number) {
    this.child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--client'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.child.on('message', (raw) => this.onMessage(raw as ToServer));
    this.child.on('exit', (code) => this.pending?.reject(new Error(`load client exited with ${code}`)));
  }

  async run(url: string, total: number, concurrency: number, make: (i: number) => Job): Promise<Sent[]> {
    if (total === 0) return [];
    await this.ready;
    return new Promise<Sent[]>((resolve, reject) => {
      this.pending = { total, make, next: 0, resolve, reject };
      this.send({ type: 'run', url, total, concurrency, deadline: this.deadline });
    });
  }

  close() {
    if (this.child.exitCode === null) this.child.kill();
  }

  private onMessage(message: ToServer) {
    if (message.type === 'ready') return this.markReady();
    const run = this.pending;
    if (!run) return;
    if (message.type === 'more') {
      const jobs: Job[] = [];
      while (jobs.length < message.count && run.next < run.total) jobs.push(run.make(run.next++));
      this.send({ type: 'jobs', jobs });
    } else {
      this.pending = undefined;
      const failed = message.sent.filter((s) => s.status !== 200);
      const first = failed[0]?.status === 0 ? 'no answer before the deadline (--timeout-s) or a connection error' : failed[0]?.status;
      if (failed.length) run.reject(new Error(`${failed.length} webhooks did not get 200 (first: ${first})`));
      else run.resolve(message.sent);
    }
  }

  private send(message: ToClient) {
    this.child.send(message);
  }
}

// ---------------------------------------------------------------- report

interface ReportInput {
  n: number;
  concurrency: number;
  warmup: number;
  users: number;
  floor: Measured;
  app: Measured;
  reachedAt: Map<number, number>;
  baselineRssBytes: number;
  logCounts: Map<string, number>;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function httpFigures(run: Measured) {
  const ms = run.sent.map((s) => s.ms).sort((a, b) => a - b);
  const first = Math.min(...run.sent.map((s) => s.startedAt));
  const last = Math.max(...run.sent.map((s) => s.startedAt + s.ms));
  return {
    eventsPerSec: run.sent.length / ((last - first) / 1000),
    p50Ms: percentile(ms, 50),
    p99Ms: percentile(ms, 99),
    maxMs: ms[ms.length - 1]!,
    peakRssMB: run.peakRssBytes / 2 ** 20,
  };
}

function report(input: ReportInput) {
  const floor = httpFigures(input.floor);
  const app = httpFigures(input.app);
  const replyMs = input.app.sent
    .map((s) => {
      const at = input.reachedAt.get(s.i);
      return at === undefined ? undefined : at - s.startedAt;
    })
    .filter((v): v is number => v !== undefined)
    .sort((a, b) => a - b);
  const firstSend = Math.min(...input.app.sent.map((s) => s.startedAt));
  const lastReply = Math.max(...input.reachedAt.values());
  const figures = {
    n: input.n,
    concurrency: input.concurrency,
    warmup: input.warmup,
    users: input.users,
    cpus: availableParallelism(),
    node: process.version,
    floor: round(floor),
    app: round({
      ...app,
      replied: replyMs.length,
      replyP50Ms: percentile(replyMs, 50),
      replyP99Ms: percentile(replyMs, 99),
      replyMaxMs: replyMs[replyMs.length - 1] ?? Number.NaN,
      repliesPerSec: replyMs.length / ((lastReply - firstSend) / 1000),
    }),
    ratio: round({
      eventsPerSec: app.eventsPerSec / floor.eventsPerSec,
      p50: app.p50Ms / floor.p50Ms,
      p99: app.p99Ms / floor.p99Ms,
    }),
    baselineRssMB: round({ v: input.baselineRssBytes / 2 ** 20 }).v,
    maxRssMB: round({ v: process.resourceUsage().maxRSS / 1024 }).v,
    appLogs: Object.fromEntries([...input.logCounts].filter(([k]) => !k.startsWith('info '))),
  };

  const f = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '-');
  const row = (cells: string[]) => cells.map((c, k) => (k === 0 ? c.padEnd(22) : c.padStart(11))).join('');
  console.log(`\nwebhook bench: ${input.n} signed text events, ${input.concurrency} in flight, ${input.warmup} warm-up, ${input.users} residents; ${process.version}, ${availableParallelism()} CPUs`);
  console.log(row(['', 'events/s', 'p50 → 200', 'p99 → 200', 'p50 reply', 'p99 reply', 'peak RSS']));
  console.log(row(['floor (verify only)', f(floor.eventsPerSec, 0), `${f(floor.p50Ms)} ms`, `${f(floor.p99Ms)} ms`, '-', '-', `${f(floor.peakRssMB, 0)} MB`]));
  console.log(
    row([
      'app',
      f(app.eventsPerSec, 0),
      `${f(app.p50Ms)} ms`,
      `${f(app.p99Ms)} ms`,
      `${f(figures.app.replyP50Ms)} ms`,
      `${f(figures.app.replyP99Ms)} ms`,
      `${f(app.peakRssMB, 0)} MB`,
    ]),
  );
  console.log(row(['app / floor', `${f(figures.ratio.eventsPerSec, 2)}×`, `${f(figures.ratio.p50, 2)}×`, `${f(figures.ratio.p99, 2)}×`, '', '', '']));
  console.log(`server process RSS before the runs (modules loaded): ${f(figures.baselineRssMB, 0)} MB; lifetime max RSS ${f(figures.maxRssMB, 0)} MB`);
  console.log(`replies reached the emulator for ${replyMs.length}/${input.n} events (${f(figures.app.repliesPerSec, 0)}/s end to end)`);
  if (Object.keys(figures.appLogs).length) console.log(`app warnings/errors: ${JSON.stringify(figures.appLogs)}`);
  console.log(JSON.stringify(figures));
}

function round<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v * 100) / 100])) as T;
}

// ---------------------------------------------------------------- client process

async function client() {
  const fromServer = (message: ToClient) => void inbox(message);
  let inbox: (message: ToClient) => void = () => {};
  process.on('message', (raw) => fromServer(raw as ToClient));
  const send = (message: ToServer) => process.send!(message);
  const nextMessage = () => new Promise<ToClient>((resolve) => (inbox = resolve));

  // The parent exiting (e.g. on an error) must not leave the client behind.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
  for (;;) {
    const run = await nextMessage();
    if (run.type !== 'run') continue;
    const queue: Job[] = [];
    let requested = 0;
    let refill: Promise<void> | undefined;
    const batch = run.concurrency * 4;
    const more = () =>
      (refill ??= (async () => {
        const count = Math.min(batch, run.total - requested);
        requested += count;
        send({ type: 'more', count });
        const reply = await nextMessage();
        if (reply.type === 'jobs') queue.push(...reply.jobs);
        refill = undefined;
      })());
    const take = async (): Promise<Job | undefined> => {
      while (!queue.length && (requested < run.total || refill)) await (refill ?? more());
      if (queue.length < run.concurrency && requested < run.total) void more();
      return queue.shift();
    };
    const sent: Sent[] = [];
    const worker = async () => {
      for (let job = await take(); job; job = await take()) sent.push(await post(run.url, job, run.deadline));
    };
    await Promise.all(Array.from({ length: run.concurrency }, worker));
    send({ type: 'done', sent });
  }
}

async function post(url: string, job: Job, deadline: number): Promise<Sent> {
  const body = serializeWebhookBody(DESTINATION, [textMessageEvent(job.userId, job.replyToken, job.text)]);
  const headers = { 'content-type': 'application/json', 'x-line-signature': await signBody(body, EMULATOR_CHANNEL_SECRET) };
  const startedAt = performance.timeOrigin + performance.now();
  const t0 = performance.now();
  try {
    const res = await fetch(`${url}/webhook`, { method: 'POST', headers, body, signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())) });
    await res.arrayBuffer();
    return { i: job.i, startedAt, ms: performance.now() - t0, status: res.status };
  } catch {
    return { i: job.i, startedAt, ms: performance.now() - t0, status: 0 };
  }
}

// Last, so every class above is initialised before either side starts.
if (process.argv.includes('--client')) await client();
else await main();
