import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, revokeUserSessions, sessionIdFor } from '../../src/auth/sessions';
import { staffSessions, staffUsers } from '../../src/db/schema';
import { manualClock } from '../../src/time/clock';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, CookieJar, logIn, startProbeServer } from './helpers';

const MIN = 60_000;
const clock = manualClock('2026-06-01T00:00:00Z');
let server: TestServer;
let probe: { url: string; close(): Promise<void> };
beforeAll(async () => {
  server = await startTestServer({ clock });
  probe = await startProbeServer(server.deps);
  await addStaff(server.deps.db, 'staff', 'clock@example.jp', clock.now());
});
afterAll(async () => {
  await probe.close();
  await server.close();
});

const status = async (jar: CookieJar) => (await fetch(`${probe.url}/admin/probe`, { headers: { cookie: jar.header() } })).status;
const row = async (jar: CookieJar) =>
  (await server.deps.db.select().from(staffSessions).where(eq(staffSessions.id, await sessionIdFor(jar.get('tsunagu_session')!))))[0];

describe('session timeouts (manual clock)', () => {
  it('idle: 30 minutes without a request ends the session; the browser is told it expired', async () => {
    const jar = new CookieJar();
    await logIn(server.url, jar, 'clock@example.jp');
    clock.advance(IDLE_TIMEOUT_MS - MIN);
    expect(await status(jar)).toBe(200);
    clock.advance(IDLE_TIMEOUT_MS - MIN); // 29 minutes after the last request
    expect(await status(jar)).toBe(200);
    clock.advance(IDLE_TIMEOUT_MS);
    const res = await fetch(`${probe.url}/admin/probe`, { headers: { cookie: jar.header(), accept: 'text/html' }, redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Fprobe&expired=1');
    expect(await row(jar)).toBeUndefined(); // deleted, not just refused
    const page = await fetch(`${server.url}/admin/login?expired=1`);
    expect(await page.text()).toContain('ログインの有効期限が切れたため');
  });

  it('sliding: last_seen_at is written at most once a minute', async () => {
    const jar = new CookieJar();
    await logIn(server.url, jar, 'clock@example.jp');
    const loggedInAt = clock.now().getTime();
    clock.advance(30_000);
    expect(await status(jar)).toBe(200);
    expect((await row(jar))!.lastSeenAt.getTime()).toBe(loggedInAt);
    clock.advance(30_000);
    expect(await status(jar)).toBe(200);
    expect((await row(jar))!.lastSeenAt.getTime()).toBe(loggedInAt + MIN);
  });

  it('absolute: 12 hours after login the session ends however active it was', async () => {
    const jar = new CookieJar();
    await logIn(server.url, jar, 'clock@example.jp');
    const { expiresAt, createdAt } = (await row(jar))!;
    expect(expiresAt.getTime() - createdAt.getTime()).toBe(ABSOLUTE_TIMEOUT_MS);
    for (let t = 0; t < ABSOLUTE_TIMEOUT_MS - 20 * MIN; t += 20 * MIN) {
      clock.advance(20 * MIN);
      expect(await status(jar)).toBe(200);
    }
    clock.set(new Date(expiresAt.getTime() - 1));
    expect(await status(jar)).toBe(200);
    clock.set(expiresAt);
    expect(await status(jar)).toBe(401);
  });

  it('a deactivated user is logged out at the next request; revokeUserSessions ends all sessions', async () => {
    const user = await addStaff(server.deps.db, 'counselor', 'leaver@example.jp', clock.now());
    const a = new CookieJar();
    const b = new CookieJar();
    await logIn(server.url, a, 'leaver@example.jp');
    await logIn(server.url, b, 'leaver@example.jp');
    expect(await revokeUserSessions(server.deps.db, user.id)).toBe(2);
    expect(await status(a)).toBe(401);
    expect(await status(b)).toBe(401);
    await logIn(server.url, a, 'leaver@example.jp');
    await server.deps.db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, user.id));
    expect(await status(a)).toBe(401);
  });

  it('a role change takes effect on the next request (the role is read with the session)', async () => {
    const user = await addStaff(server.deps.db, 'staff', 'promoted@example.jp', clock.now());
    const jar = new CookieJar();
    await logIn(server.url, jar, 'promoted@example.jp');
    const adminOnly = () => fetch(`${probe.url}/admin/probe/admin-only`, { headers: { cookie: jar.header() } }).then((r) => r.status);
    expect(await adminOnly()).toBe(403);
    await server.deps.db.update(staffUsers).set({ role: 'admin' }).where(eq(staffUsers.id, user.id));
    expect(await adminOnly()).toBe(200);
  });
});
