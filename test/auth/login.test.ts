import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionIdFor } from '../../src/auth/sessions';
import { auditLog, staffSessions } from '../../src/db/schema';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, CookieJar, csrfFromHtml, logIn, openLoginForm, PASSWORD, startProbeServer, submitLogin } from './helpers';

let server: TestServer;
let probe: { url: string; close(): Promise<void> };
beforeAll(async () => {
  server = await startTestServer();
  probe = await startProbeServer(server.deps);
  await addStaff(server.deps.db, 'counselor', 'Sodan@Example.jp');
  await addStaff(server.deps.db, 'admin', 'boss@example.jp');
});
afterAll(async () => {
  await probe.close();
  await server.close();
});

const setCookieLine = (res: Response, name: string) => res.headers.getSetCookie().find((l) => l.startsWith(`${name}=`));

describe('login page', () => {
  it('is Japanese, accessible, and carries the admin security headers', async () => {
    const res = await fetch(`${server.url}/admin/login`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toMatch(/<label for="email">メールアドレス<\/label>/);
    expect(html).toMatch(/<label for="password">パスワード<\/label>/);
    expect(html).toMatch(/id="email"[^>]*autocomplete="username"/);
    expect(html).toMatch(/id="password"[^>]*autocomplete="current-password"/);
    expect(html).not.toMatch(/<script|style=/); // nothing the CSP would have to allow
    const csp = res.headers.get('content-security-policy')!;
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('sets the pre-session CSRF cookie: HttpOnly, SameSite=Strict, no Secure and no __Host- on http', async () => {
    const res = await fetch(`${server.url}/admin/login`);
    const line = setCookieLine(res, 'tsunagu_login_csrf')!;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Strict/);
    expect(line).toMatch(/Path=\//);
    expect(line).not.toMatch(/Secure/);
    expect(csrfFromHtml(await res.text())).toBe(line.split(';')[0]!.split('=')[1]);
  });

  it('the stylesheet, a missing admin page and /admin itself get the same headers', async () => {
    for (const path of ['/admin/assets/admin.css', '/admin/no-such-page', '/admin']) {
      const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'self'");
    }
    const home = await fetch(`${server.url}/admin`, { redirect: 'manual' });
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe('/admin/queue');
  });
});

describe('logging in', () => {
  it('succeeds case-insensitively, sets an HttpOnly SameSite session cookie and redirects to the queue', async () => {
    const jar = new CookieJar();
    await openLoginForm(server.url, jar);
    const res = await submitLogin(server.url, jar, '  SODAN@example.JP ', PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/queue');
    const line = setCookieLine(res, 'tsunagu_session')!;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(line).toMatch(/Path=\//);
    expect(line).not.toMatch(/Secure|Domain/);
    // The pre-session token is spent.
    expect(jar.get('tsunagu_login_csrf')).toBeUndefined();
    // The cookie is a random token; the database holds only its SHA-256.
    const token = jar.get('tsunagu_session')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await server.deps.db.select().from(staffSessions);
    expect(rows.some((r) => r.id === token)).toBe(false);
    expect(rows.some((r) => r.id.length === 64)).toBe(true);
    const me = await fetch(`${probe.url}/admin/probe`, { headers: { cookie: jar.header() } });
    expect(me.status).toBe(200);
    expect((await me.json()).role).toBe('counselor');
  });

  it('follows a safe `next` and ignores one that leaves the admin app', async () => {
    const jar = new CookieJar();
    await openLoginForm(server.url, jar);
    let res = await submitLogin(server.url, jar, 'boss@example.jp', PASSWORD, { next: '/admin/cases/abc?tab=1' });
    expect(res.headers.get('location')).toBe('/admin/cases/abc?tab=1');
    for (const next of ['https://evil.example/', '//evil.example/admin', '/admin\\@evil', '/simulator/']) {
      const other = new CookieJar();
      await openLoginForm(server.url, other);
      res = await submitLogin(server.url, other, 'boss@example.jp', PASSWORD, { next });
      expect(res.status, next).toBe(303);
      expect(res.headers.get('location'), next).toBe('/admin/queue');
    }
  });

  it('a wrong password: 401, the message next to the password field, the email kept, the password never echoed', async () => {
    const jar = new CookieJar();
    await openLoginForm(server.url, jar);
    const res = await submitLogin(server.url, jar, 'sodan@example.jp', 'wrong-but-"quoted"<pass>');
    expect(res.status).toBe(401);
    expect(jar.get('tsunagu_session')).toBeUndefined();
    const html = await res.text();
    expect(html).toMatch(/id="password"[^>]*aria-invalid="true"[^>]*aria-describedby="password-error"/);
    expect(html).toMatch(/<p class="field-error" id="password-error">メールアドレスまたはパスワードが違います。<\/p>/);
    expect(html).toMatch(/id="email"[^>]*value="sodan@example.jp"/);
    expect(html).toMatch(/id="password"[^>]*autofocus/);
    expect(html).not.toContain('wrong-but');
    expect(html).not.toContain('&lt;pass&gt;');
    // A new form token comes with the page, so the visitor can try again.
    expect(csrfFromHtml(html)).toBe(jar.get('tsunagu_login_csrf'));
  });

  it('empty fields: 400 with an error next to each, focus on the first', async () => {
    const jar = new CookieJar();
    await openLoginForm(server.url, jar);
    const res = await submitLogin(server.url, jar, '', '');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<p class="field-error" id="email-error">メールアドレスを入力してください。</p>');
    expect(html).toContain('<p class="field-error" id="password-error">パスワードを入力してください。</p>');
    expect(html).toMatch(/id="email"[^>]*autofocus/);
  });

  it('escapes what was typed into the email field', async () => {
    const jar = new CookieJar();
    await openLoginForm(server.url, jar);
    const res = await submitLogin(server.url, jar, '"><script>alert(1)</script>@x.jp', 'whatever-password');
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('gives a new session id at login and deletes the one the browser came with', async () => {
    const jar = new CookieJar();
    await logIn(server.url, jar, 'boss@example.jp');
    const first = jar.get('tsunagu_session')!;
    const firstId = await sessionIdFor(first);
    expect(await server.deps.db.select().from(staffSessions).where(eq(staffSessions.id, firstId))).toHaveLength(1);
    // Logged in already: the form redirects; a second login from the same browser rotates the session.
    const again = await fetch(`${server.url}/admin/login`, { headers: { cookie: jar.header() }, redirect: 'manual' });
    expect(again.status).toBe(303);
    jar.set('tsunagu_login_csrf', 'A'.repeat(43));
    const res = await submitLogin(server.url, jar, 'boss@example.jp', PASSWORD, { token: 'A'.repeat(43) });
    expect(res.status).toBe(303);
    const second = jar.get('tsunagu_session')!;
    expect(second).not.toBe(first);
    expect(await server.deps.db.select().from(staffSessions).where(eq(staffSessions.id, firstId))).toHaveLength(0);
    const stale = await fetch(`${probe.url}/admin/probe`, { headers: { cookie: `tsunagu_session=${first}` } });
    expect(stale.status).toBe(401);
  });

  it('a session fixed by an attacker before login is not adopted', async () => {
    const jar = new CookieJar();
    const planted = 'B'.repeat(43);
    jar.set('tsunagu_session', planted);
    await logIn(server.url, jar, 'boss@example.jp');
    expect(jar.get('tsunagu_session')).not.toBe(planted);
  });
});

describe('logged-out visitors', () => {
  it('a browser is sent to the login page with `next`; fetch gets 401 JSON', async () => {
    const page = await fetch(`${probe.url}/admin/probe?x=1`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(`/admin/login?next=${encodeURIComponent('/admin/probe?x=1')}`);
    const api = await fetch(`${probe.url}/admin/probe`, { headers: { accept: 'application/json' } });
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error: 'unauthenticated', login: '/admin/login' });
    const post = await fetch(`${probe.url}/admin/probe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(post.status).toBe(401);
  });

  it('an unknown or malformed cookie is treated as logged out (and cleared)', async () => {
    for (const value of ['C'.repeat(43), 'short', '../../etc']) {
      const res = await fetch(`${probe.url}/admin/probe`, { headers: { cookie: `tsunagu_session=${value}` } });
      expect(res.status).toBe(401);
      expect(setCookieLine(res, 'tsunagu_session')).toMatch(/Max-Age=0/);
    }
  });

  it('the login form from the redirect carries `next` through', async () => {
    const res = await fetch(`${server.url}/admin/login?next=${encodeURIComponent('/admin/cases/1')}`);
    expect(await res.text()).toContain('<input type="hidden" name="next" value="/admin/cases/1"/>');
  });
});

describe('roles', () => {
  it('a wrong role gets 403 (JSON for fetch, a Japanese page for a browser); the right role passes', async () => {
    const counselor = new CookieJar();
    await logIn(server.url, counselor, 'sodan@example.jp');
    const api = await fetch(`${probe.url}/admin/probe/admin-only`, { headers: { cookie: counselor.header() } });
    expect(api.status).toBe(403);
    expect((await api.json()).error).toBe('role');
    const page = await fetch(`${probe.url}/admin/probe/admin-only`, { headers: { cookie: counselor.header(), accept: 'text/html' } });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('権限がありません');
    const admin = new CookieJar();
    await logIn(server.url, admin, 'boss@example.jp');
    expect((await fetch(`${probe.url}/admin/probe/admin-only`, { headers: { cookie: admin.header() } })).status).toBe(200);
  });
});

describe('logout', () => {
  it('with the session token: deletes the session, clears the cookie, says so on the login page', async () => {
    const jar = new CookieJar();
    await logIn(server.url, jar, 'sodan@example.jp');
    const token = jar.get('tsunagu_session')!;
    const me = await (await fetch(`${probe.url}/admin/probe`, { headers: { cookie: jar.header() } })).json();
    const res = await fetch(`${server.url}/admin/logout`, {
      method: 'POST',
      headers: { cookie: jar.header(), origin: server.url, accept: 'text/html' },
      body: new URLSearchParams({ _csrf: me.csrf }),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/login?loggedOut=1');
    expect(setCookieLine(res, 'tsunagu_session')).toMatch(/Max-Age=0/);
    expect(await server.deps.db.select().from(staffSessions).where(eq(staffSessions.id, await sessionIdFor(token)))).toHaveLength(0);
    const after = await fetch(`${probe.url}/admin/probe`, { headers: { cookie: `tsunagu_session=${token}` } });
    expect(after.status).toBe(401);
    const page = await fetch(`${server.url}/admin/login?loggedOut=1`);
    expect(await page.text()).toContain('ログアウトしました。');
  });

  it('from fetch with the header token → 204', async () => {
    const jar = new CookieJar();
    await logIn(server.url, jar, 'sodan@example.jp');
    const me = await (await fetch(`${probe.url}/admin/probe`, { headers: { cookie: jar.header() } })).json();
    const res = await fetch(`${server.url}/admin/logout`, { method: 'POST', headers: { cookie: jar.header(), 'x-csrf-token': me.csrf } });
    expect(res.status).toBe(204);
  });
});

describe('audit', () => {
  it('records login success, failure and logout, with no email or password in the detail', async () => {
    const before = (await server.deps.db.select().from(auditLog)).length;
    const jar = new CookieJar();
    await openLoginForm(server.url, jar);
    await submitLogin(server.url, jar, 'boss@example.jp', 'not-the-password-1');
    await submitLogin(server.url, jar, 'nobody@example.jp', 'not-the-password-2');
    await openLoginForm(server.url, jar);
    await submitLogin(server.url, jar, 'boss@example.jp', PASSWORD);
    const me = await (await fetch(`${probe.url}/admin/probe`, { headers: { cookie: jar.header() } })).json();
    await fetch(`${server.url}/admin/logout`, { method: 'POST', headers: { cookie: jar.header(), 'x-csrf-token': me.csrf } });
    const rows = (await server.deps.db.select().from(auditLog)).slice(before);
    expect(rows.map((r) => [r.action, r.actorUserId === me.userId, r.detail])).toEqual([
      ['auth.login.failure', true, { reason: 'wrong_password' }],
      ['auth.login.failure', false, { reason: 'unknown_email' }],
      ['auth.login.success', true, null],
      ['auth.logout', true, null],
    ]);
    const text = JSON.stringify(rows) + server.logs.join('\n');
    expect(text).not.toContain('nobody@example.jp');
    expect(text).not.toContain('not-the-password');
    expect(text).not.toContain(PASSWORD);
  });
});
