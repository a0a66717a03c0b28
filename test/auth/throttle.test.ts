import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL, THROTTLE_WINDOW_MS } from '../../src/auth/throttle';
import { manualClock } from '../../src/time/clock';
import { tempFileDatabaseUrl } from '../helpers/sqld';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, CookieJar, openLoginForm, PASSWORD, submitLogin } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function serverWith(options: { clock?: ReturnType<typeof manualClock>; databaseUrl?: string } = {}) {
  const server = await startTestServer(options);
  cleanups.push(() => server.close());
  return server;
}

async function attempt(server: TestServer, email: string, password: string) {
  const jar = new CookieJar();
  await openLoginForm(server.url, jar);
  const res = await submitLogin(server.url, jar, email, password);
  return { status: res.status, html: await res.text(), retryAfter: res.headers.get('retry-after') };
}

describe('login throttling (kept in the database)', () => {
  it('5 failures for an email within 15 minutes → 429 with a Japanese retry time, even for the right password', async () => {
    const clock = manualClock('2026-06-01T01:00:00Z'); // 10:00 in Tokyo
    const server = await serverWith({ clock });
    await addStaff(server.deps.db, 'counselor', 'target@example.jp', clock.now());
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      expect((await attempt(server, 'target@example.jp', `wrong-${i}-password`)).status).toBe(401);
      clock.advance(60_000);
    }
    const blocked = await attempt(server, 'TARGET@example.jp', PASSWORD);
    expect(blocked.status).toBe(429);
    // The first failure was at 10:00 Tokyo time: the block lifts at 10:15 (10 minutes from 10:05).
    expect(blocked.html).toContain('ログインの失敗が続いたため、しばらくログインできません。10:15ごろ（約10分後）');
    expect(blocked.html).toMatch(/role="alert"/);
    expect(blocked.retryAfter).toBe(String(10 * 60));
    // Other emails are unaffected.
    await addStaff(server.deps.db, 'counselor', 'other@example.jp', clock.now());
    expect((await attempt(server, 'other@example.jp', PASSWORD)).status).toBe(303);
    // Sliding window: once the oldest failure is 15 minutes old, one more try is allowed.
    clock.set(new Date(Date.parse('2026-06-01T01:00:00Z') + THROTTLE_WINDOW_MS));
    expect((await attempt(server, 'target@example.jp', PASSWORD)).status).toBe(303);
  });

  it('a success resets the email’s counter', async () => {
    const server = await serverWith();
    await addStaff(server.deps.db, 'counselor', 'reset@example.jp');
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) expect((await attempt(server, 'reset@example.jp', 'nope-nope-nope')).status).toBe(401);
    expect((await attempt(server, 'reset@example.jp', PASSWORD)).status).toBe(303);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) expect((await attempt(server, 'reset@example.jp', 'nope-nope-nope')).status).toBe(401);
    expect((await attempt(server, 'reset@example.jp', 'nope-nope-nope')).status).toBe(429);
  });

  it('unknown emails are throttled the same way (nothing tells them apart)', async () => {
    const server = await serverWith();
    const statuses = [];
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL + 1; i++) statuses.push((await attempt(server, 'ghost@example.jp', 'nope-nope-nope')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('is kept across a restart on the same database', async () => {
    const db = tempFileDatabaseUrl();
    cleanups.push(() => db.cleanup());
    const first = await startTestServer({ databaseUrl: db.url });
    await addStaff(first.deps.db, 'admin', 'restart@example.jp');
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) expect((await attempt(first, 'restart@example.jp', 'nope-nope-nope')).status).toBe(401);
    await first.close();
    const second = await startTestServer({ databaseUrl: db.url });
    cleanups.push(() => second.close());
    expect((await attempt(second, 'restart@example.jp', PASSWORD)).status).toBe(429);
  });

  it('parallel guesses cannot slip past the limit: 20 at once → exactly 5 checked', async () => {
    const server = await serverWith();
    await addStaff(server.deps.db, 'admin', 'burst@example.jp');
    const jar = new CookieJar();
    await openLoginForm(server.url, jar);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const res = await submitLogin(server.url, jar, 'burst@example.jp', `guess-${i}-password`);
        await res.arrayBuffer();
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES_PER_EMAIL);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - MAX_FAILURES_PER_EMAIL);
  });

  it('20 failures from one client address (any emails) → 429 for the next email too', async () => {
    const server = await serverWith();
    await addStaff(server.deps.db, 'admin', 'fresh@example.jp');
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      expect((await attempt(server, `spray-${i}@example.jp`, 'nope-nope-nope')).status).toBe(401);
    }
    expect((await attempt(server, 'fresh@example.jp', PASSWORD)).status).toBe(429);
  });

  it('an unknown email costs a password hash too (no fast path reveals which emails exist)', async () => {
    const server = await serverWith();
    await addStaff(server.deps.db, 'admin', 'known@example.jp');
    await attempt(server, 'warm-up@example.jp', 'nope-nope-nope');
    const time = async (email: string) => {
      const start = performance.now();
      await attempt(server, email, 'nope-nope-nope');
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time('known@example.jp'));
      unknown.push(await time(`unknown-${i}@example.jp`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });
});
