import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { conversation } from '../../flows/conversation';
import { loadProfile } from '../../flows/profiles';
import { createApp } from '../app';
import { connectNodeDatabase } from '../db/connect-node';
import { migrateDatabase } from '../db/migrate';
import { defaultRetry, sleep, type Deps, type RetryPolicy } from '../deps';
import { isEmulatorMode, type Env } from '../env';
import { createLineClient } from '../line/line-client';
import type { LinePort } from '../line/port';
import { createLogger, type Logger } from '../log';
import { runScheduledWork } from '../services/scheduled-work';
import { systemClock, type Clock } from '../time/clock';
import { createBackground } from './background';
import { seedDemoData } from '../db/seed-demo';
import { bootstrapAdmin } from '../auth/bootstrap';
import { mountLocalTools, EMULATOR_ACCESS_TOKEN, EMULATOR_CHANNEL_SECRET, type LocalTools } from './local-tools';

export interface LocalServerOptions {
  env: Env;
  log?: Logger;
  clock?: Clock;
  retry?: RetryPolicy;
  /** How often to sweep for work a crash left behind; 0 turns the sweep off. */
  recoveryIntervalMs?: number;
  /** Local demo data (emulator mode only); on by default. */
  seedDemo?: boolean;
  /** Wraps the LINE port (benchmarks use it to time deliveries). */
  wrapLine?: (line: LinePort) => LinePort;
}

export interface LocalServer {
  url: string;
  deps: Deps;
  tools: LocalTools | undefined;
  /** Waits until background work started so far (and work it starts) is done. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** The Node door: listens first (the emulator's URL needs the port), then builds deps and the app. */
export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const { env } = options;
  const log = options.log ?? createLogger();
  const background = createBackground(log);
  const database = connectNodeDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  await database.ready;
  await migrateDatabase(database.db);

  let app: Hono | undefined;
  const server = serve({
    fetch: (request) => (app ? app.fetch(request, {}, background.ctx) : new Response('starting', { status: 503 })),
    port: env.PORT,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', () => resolve());
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${env.PORT} is already in use: stop the other process or set PORT`) : error),
    );
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const emulated = isEmulatorMode(env);
  const line = createLineClient({
    channelAccessToken: env.LINE_CHANNEL_ACCESS_TOKEN ?? EMULATOR_ACCESS_TOKEN,
    baseURL: emulated ? url : env.LINE_API_BASE_URL,
  });
  const deps: Deps = {
    db: database.db,
    line: options.wrapLine ? options.wrapLine(line) : line,
    profile: loadProfile(env.COUNCIL_PROFILE),
    conversation,
    clock: options.clock ?? systemClock,
    log,
    channelSecret: env.LINE_CHANNEL_SECRET ?? EMULATOR_CHANNEL_SECRET,
    retry: options.retry ?? defaultRetry,
    sleep,
  };
  let tools: LocalTools | undefined;
  app = createApp(
    deps,
    emulated ? (root) => void (tools = mountLocalTools(root, { baseUrl: url, deps, accountName: deps.profile.council.name })) : undefined,
  );
  if (tools) {
    if (options.seedDemo ?? true) await seedDemoData(deps.db, deps.profile, deps.clock.now());
    await tools.restoreResidents();
  }
  await bootstrapAdmin(deps.db, env, { emulated: Boolean(tools) && (options.seedDemo ?? true), log, clock: deps.clock });

  const sweep = () => background.ctx.waitUntil(runScheduledWork(deps));
  sweep();
  const interval = options.recoveryIntervalMs ?? 60_000;
  const timer = interval > 0 ? setInterval(sweep, interval) : undefined;
  timer?.unref();

  return {
    url,
    deps,
    tools,
    drain: background.drain,
    async close() {
      if (timer) clearInterval(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await background.drain();
      database.close();
    },
  };
}
