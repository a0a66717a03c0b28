import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootstrapAdmin, DEMO_ADMIN_EMAIL, lazyBootstrapAdmin } from '../../src/auth/bootstrap';
import { verifyPassword } from '../../src/auth/password';
import { staffUsers } from '../../src/db/schema';
import * as schema from '../../src/db/schema';
import type { Db } from '../../src/db/types';
import { migrateDatabase } from '../../src/db/migrate';
import { parseEnv } from '../../src/env';
import type { Logger } from '../../src/log';
import { startLocalServer } from '../../src/node/server';
import { tempFileDatabaseUrl } from '../helpers/sqld';
import { startTestServer } from '../helpers/test-server';
import { CookieJar, logIn } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length) await cleanups.pop()!();
});

async function freshDb(): Promise<Db> {
  const temp = tempFileDatabaseUrl();
  const client = createClient({ url: temp.url });
  cleanups.push(() => {
    client.close();
    temp.cleanup();
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrateDatabase(db);
  return db;
}

function capture() {
  const lines: string[] = [];
  const log: Logger = {
    info: (e, f) => void lines.push(JSON.stringify({ e, ...f })),
    warn: (e, f) => void lines.push(JSON.stringify({ e, ...f })),
    error: (e, f) => void lines.push(JSON.stringify({ e, ...f })),
  };
  const printed: string[] = [];
  return { log, lines, printed, print: (line: string) => void printed.push(line) };
}

const SECRET = 'first-admin-secret-2026';

describe('bootstrapAdmin', () => {
  it('ADMIN_EMAIL + ADMIN_PASSWORD: creates exactly one admin, once; never prints or logs the password', async () => {
    const db = await freshDb();
    const out = capture();
    const env = parseEnv({ ADMIN_EMAIL: 'Chief@Example.JP', ADMIN_PASSWORD: SECRET });
    const results = await Promise.all([1, 2, 3].map(() => bootstrapAdmin(db, env, { emulated: false, log: out.log, print: out.print })));
    expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
    expect(await bootstrapAdmin(db, env, { emulated: false, log: out.log, print: out.print })).toEqual({ outcome: 'exists', source: 'env' });
    const users = await db.select().from(staffUsers);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: 'chief@example.jp', role: 'admin', active: true });
    expect(await verifyPassword(SECRET, users[0]!.passwordHash)).toBe(true);
    expect(out.printed).toEqual([]);
    expect(out.lines.join('\n')).not.toContain(SECRET);
  });

  it('LINE mode without ADMIN_EMAIL: creates nobody, prints nothing, warns that there is no admin', async () => {
    const db = await freshDb();
    const out = capture();
    const consoleLog = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await bootstrapAdmin(db, parseEnv({}), { emulated: false, log: out.log })).toEqual({ outcome: 'none' });
    expect(await db.select().from(staffUsers)).toHaveLength(0);
    expect(consoleLog).not.toHaveBeenCalled();
    expect(out.lines.join('\n')).toContain('auth.no_admin');
  });

  it('emulator mode without ADMIN_EMAIL: one demo admin, its password printed (only there) and working', async () => {
    const db = await freshDb();
    const out = capture();
    const first = await bootstrapAdmin(db, parseEnv({}), { emulated: true, log: out.log, print: out.print });
    expect(first).toMatchObject({ outcome: 'created', source: 'demo' });
    const password = /password:\s+(\S+)/.exec(out.printed.join('\n'))![1]!;
    expect(password.length).toBeGreaterThanOrEqual(12);
    const [user] = await db.select().from(staffUsers);
    expect(user).toMatchObject({ email: DEMO_ADMIN_EMAIL, role: 'admin' });
    expect(await verifyPassword(password, user!.passwordHash)).toBe(true);
    expect(out.lines.join('\n')).not.toContain(password);
    // A restart: still one demo admin, with a new password printed (the old console is gone).
    const second = await bootstrapAdmin(db, parseEnv({}), { emulated: true, log: out.log, print: out.print });
    expect(second.outcome).toBe('demo_password_reset');
    const again = /password:\s+(\S+)/.exec(out.printed[1]!)![1]!;
    expect(again).not.toBe(password);
    const users = await db.select().from(staffUsers);
    expect(users).toHaveLength(1);
    expect(await verifyPassword(again, users[0]!.passwordHash)).toBe(true);
  });

  it('emulator mode with ADMIN_EMAIL: that admin, and no demo admin', async () => {
    const db = await freshDb();
    const out = capture();
    await bootstrapAdmin(db, parseEnv({ ADMIN_EMAIL: 'chief@example.jp', ADMIN_PASSWORD: SECRET }), { emulated: true, log: out.log, print: out.print });
    expect((await db.select().from(staffUsers)).map((u) => u.email)).toEqual(['chief@example.jp']);
    expect(out.printed).toEqual([]);
  });

  it('lazyBootstrapAdmin (the Worker) runs once however often it is called', async () => {
    const db = await freshDb();
    const out = capture();
    const ensure = lazyBootstrapAdmin(db, parseEnv({ ADMIN_EMAIL: 'lazy@example.jp', ADMIN_PASSWORD: SECRET }), out.log);
    await Promise.all([ensure(), ensure(), ensure()]);
    await ensure();
    expect(await db.select().from(staffUsers)).toHaveLength(1);
    expect(out.lines.filter((l) => l.includes('auth.admin_created'))).toHaveLength(1);
  });
});

describe('at start (Node door)', () => {
  /** The Node server in LINE mode (no emulator) on a fresh file database, its log captured and console.log watched. */
  async function startLineMode(adminEnv: { ADMIN_EMAIL?: string; ADMIN_PASSWORD?: string } = {}) {
    const temp = tempFileDatabaseUrl();
    cleanups.push(() => temp.cleanup());
    const consoleLog = vi.spyOn(console, 'log').mockImplementation(() => {});
    const out = capture();
    const env = parseEnv({
      PORT: '0',
      DATABASE_URL: temp.url,
      LINE_CHANNEL_SECRET: 'line-mode-secret',
      LINE_CHANNEL_ACCESS_TOKEN: 'line-mode-token',
      LINE_API_BASE_URL: 'http://127.0.0.1:9',
      ...adminEnv,
    });
    const server = await startLocalServer({ env, log: out.log, recoveryIntervalMs: 0 });
    cleanups.push(() => server.close());
    return { server, out, consoleLog };
  }

  it('LINE mode with ADMIN_EMAIL/ADMIN_PASSWORD: the admin can log in; nothing is printed', async () => {
    const { server, out, consoleLog } = await startLineMode({ ADMIN_EMAIL: 'prod-admin@example.jp', ADMIN_PASSWORD: SECRET });
    expect(server.tools).toBeUndefined();
    expect(await server.deps.db.select().from(staffUsers)).toHaveLength(1);
    await logIn(server.url, new CookieJar(), 'prod-admin@example.jp', SECRET);
    expect(consoleLog).not.toHaveBeenCalled();
    expect(out.lines.join('\n')).not.toContain(SECRET);
  });

  it('LINE mode without them: no demo admin, no password anywhere', async () => {
    const { server, out, consoleLog } = await startLineMode();
    expect(await server.deps.db.select().from(staffUsers)).toHaveLength(0);
    expect(consoleLog).not.toHaveBeenCalled();
    expect(out.lines.join('\n')).not.toMatch(/password:/);
  });

  it('emulator mode with demo data: the demo admin is created and its printed password logs in', async () => {
    const consoleLog = vi.spyOn(console, 'log').mockImplementation(() => {});
    const server = await startTestServer({ seedDemo: true });
    cleanups.push(() => server.close());
    const printed = consoleLog.mock.calls.map((c) => String(c[0])).join('\n');
    const password = /password:\s+(\S+)/.exec(printed)![1]!;
    await logIn(server.url, new CookieJar(), DEMO_ADMIN_EMAIL, password);
    expect(server.logs.join('\n')).not.toContain(password);
  });

  it('test servers (no demo data) create no demo admin', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    expect(await server.count('staff_users')).toBe(0);
  });
});
