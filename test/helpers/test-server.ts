import { sql } from 'drizzle-orm';
import { parseEnv } from '../../src/env';
import type { Logger, LogFields } from '../../src/log';
import { startLocalServer, type LocalServer, type LocalServerOptions } from '../../src/node/server';
import { EMULATOR_CHANNEL_SECRET } from '../../src/node/local-tools';
import type { EmulatorState } from '../../src/dev/line-emulator';
import { serializeWebhookBody, textMessageEvent, type WebhookEvent } from '../../src/dev/simulator/events';
import { signBody } from '../../src/line/signature';
import { tempFileDatabaseUrl } from './sqld';

export const BOT_DESTINATION = 'U7e5a09c1d2b3a4f5e6d7c8b9a0f1e2d3';

export interface TestServer extends LocalServer {
  databaseUrl: string;
  emulator: EmulatorState;
  logs: string[];
  /** POSTs a signed webhook with these events; returns the HTTP status. */
  post(events: WebhookEvent[] | unknown[]): Promise<number>;
  /** A resident writes a text message (with a fresh reply token), and the bot's work finishes. */
  say(userId: string, text: string): Promise<number>;
  count(table: string): Promise<number>;
  /** A new simulated LINE user who follows the account; returns the LINE user id. */
  newResident(displayName?: string): string;
}

/** The real local server (file libSQL or sqld, emulator mode) on a free port, logs captured. */
export async function startTestServer(
  options: { databaseUrl?: string; profile?: string } & Omit<LocalServerOptions, 'env' | 'log'> = {},
): Promise<TestServer> {
  const temp = options.databaseUrl ? undefined : tempFileDatabaseUrl();
  const logs: string[] = [];
  const capture = (level: string) => (event: string, fields: LogFields = {}) =>
    void logs.push(JSON.stringify({ level, event, ...fields }));
  const log: Logger = { info: capture('info'), warn: capture('warn'), error: capture('error') };
  const server = await startLocalServer({
    recoveryIntervalMs: 0,
    retry: { delaysMs: [5, 10, 20] },
    seedDemo: false,
    ...options,
    env: parseEnv({ PORT: '0', DATABASE_URL: options.databaseUrl ?? temp!.url, COUNCIL_PROFILE: options.profile ?? 'nerima' }),
    log,
  });
  const post = async (events: unknown[]) => {
    const body = serializeWebhookBody(BOT_DESTINATION, events as WebhookEvent[]);
    const res = await fetch(`${server.url}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': await signBody(body, EMULATOR_CHANNEL_SECRET) },
      body,
    });
    await res.arrayBuffer();
    return res.status;
  };
  return {
    ...server,
    databaseUrl: options.databaseUrl ?? temp!.url,
    emulator: server.tools!.emulator,
    logs,
    post,
    async say(userId, text) {
      const status = await post([textMessageEvent(userId, server.tools!.emulator.issueReplyToken(userId), text, server.deps.clock.now().getTime())]);
      await server.drain();
      return status;
    },
    newResident(displayName = 'テスト 利用者') {
      return server.tools!.emulator.addUser({ displayName }).userId;
    },
    async count(table) {
      const rows = await server.deps.db.all<{ n: number }>(sql.raw(`select count(*) as n from ${table}`));
      return Number(rows[0]!.n);
    },
    async close() {
      await server.close();
      temp?.cleanup();
    },
  };
}
