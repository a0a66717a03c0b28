import { conversation } from '../flows/conversation';
import { loadProfile } from '../flows/profiles';
import { createApp } from './app';
import { workersFanOut } from './broadcasts/fan-out';
import { connectWebDatabase } from './db/connect-web';
import { defaultRetry, sleep, type Deps } from './deps';
import { parseEnv } from './env';
import { createLineClient } from './line/line-client';
import { createLogger } from './log';
import { runScheduledWork } from './services/scheduled-work';
import { systemClock } from './time/clock';
import { lazyBootstrapAdmin } from './auth/bootstrap';

// Minimal shapes of the Workers runtime objects we use (avoids mixing Workers and Node global types).
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
  props: unknown;
}

let cached: { key: string; deps: Deps; app: ReturnType<typeof createApp>; ensureAdmin: () => Promise<void> } | undefined;

function appFor(rawEnv: Record<string, unknown>) {
  const key = JSON.stringify(rawEnv);
  if (cached?.key === key) return cached;
  const env = parseEnv(rawEnv);
  if (!env.LINE_CHANNEL_SECRET || !env.LINE_CHANNEL_ACCESS_TOKEN) {
    throw new Error('LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN are required on Workers (no emulator there)');
  }
  if (env.DATABASE_URL.startsWith('file:')) throw new Error('DATABASE_URL must be a libsql:, https: or wss: URL on Workers');
  const deps: Deps = {
    db: connectWebDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN),
    line: createLineClient({ channelAccessToken: env.LINE_CHANNEL_ACCESS_TOKEN, baseURL: env.LINE_API_BASE_URL }),
    profile: loadProfile(env.COUNCIL_PROFILE),
    conversation,
    clock: systemClock,
    log: createLogger(),
    channelSecret: env.LINE_CHANNEL_SECRET,
    retry: defaultRetry,
    sleep,
    fanOut: workersFanOut(env.BROADCAST_CHUNKS_PER_RUN),
  };
  cached = { key, deps, app: createApp(deps), ensureAdmin: lazyBootstrapAdmin(deps.db, env, deps.log) };
  return cached;
}

export default {
  async fetch(request: Request, env: Record<string, unknown>, ctx: ExecutionContext) {
    const entry = appFor(env);
    // The first admin (ADMIN_EMAIL/ADMIN_PASSWORD) is created on the first admin request: Workers have no start hook.
    if (new URL(request.url).pathname.startsWith('/admin')) await entry.ensureAdmin();
    return entry.app.fetch(request, env, ctx);
  },
  scheduled(_controller: unknown, env: Record<string, unknown>, ctx: ExecutionContext) {
    const { deps } = appFor(env);
    ctx.waitUntil(runScheduledWork(deps));
  },
};
