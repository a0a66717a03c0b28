import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, CookieJar, logIn, openLoginForm, PASSWORD, startProbeServer, submitLogin } from './helpers';

let server: TestServer;
let probe: { url: string; close(): Promise<void> };
let jar: CookieJar;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  probe = await startProbeServer(server.deps);
  await addStaff(server.deps.db, 'counselor', 'csrf@example.jp');
  jar = new CookieJar();
  await logIn(server.url, jar, 'csrf@example.jp');
  token = (await (await fetch(`${probe.url}/admin/probe`, { headers: { cookie: jar.header() } })).json()).csrf;
});
afterAll(async () => {
  await probe.close();
  await server.close();
});

const form = (fields: Record<string, string>, headers: Record<string, string> = {}, method = 'POST') =>
  fetch(`${probe.url}/admin/probe`, { method, headers: { cookie: jar.header(), ...headers }, body: new URLSearchParams(fields) });
const json = (headers: Record<string, string>, method = 'POST') =>
  fetch(`${probe.url}/admin/probe`, {
    method,
    headers: { cookie: jar.header(), 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ note: 'x' }),
  });

describe('CSRF on state changes', () => {
  it('a cross-site form post is refused even with the right token (Origin, or Sec-Fetch-Site)', async () => {
    expect((await form({ _csrf: token }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await form({ _csrf: token }, { origin: 'null', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await form({ _csrf: token }, { origin: server.url, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await form({ _csrf: token }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await form({ _csrf: token }, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    // The same request from our own origin passes.
    expect((await form({ _csrf: token }, { origin: probe.url, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('Origin: null (what Chromium sends under Referrer-Policy: no-referrer) is left to the token', async () => {
    expect((await form({ _csrf: token }, { origin: 'null' })).status).toBe(200);
    expect((await form({}, { origin: 'null' })).status).toBe(403);
    // Sec-Fetch-Site decides when present: a same-origin post with Origin null passes.
    expect((await form({ _csrf: token }, { origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('a cross-site post gets a Japanese page for a browser', async () => {
    const res = await form({ _csrf: token }, { origin: 'https://evil.example', accept: 'text/html' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('別のサイトから送られた操作');
  });

  it('a form post without or with a wrong _csrf → 403; with the session token → 200', async () => {
    expect((await form({ note: 'x' })).status).toBe(403);
    expect((await form({ _csrf: 'wrong' })).status).toBe(403);
    expect((await form({ _csrf: token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A') })).status).toBe(403);
    const ok = await form({ _csrf: token, note: 'こんにちは' });
    expect(ok.status).toBe(200);
    // The handler still reads the body the middleware parsed.
    expect((await ok.json()).body).toMatchObject({ note: 'こんにちは' });
  });

  it('a JSON post without the header or with a wrong one → 403; with it → 200', async () => {
    const missing = await json({});
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ error: 'csrf' });
    expect((await json({ 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect((await json({ 'x-csrf-token': token })).status).toBe(200);
    expect((await json({ 'x-csrf-token': token, origin: 'https://evil.example' })).status).toBe(403);
  });

  it('covers DELETE too, and GET needs no token', async () => {
    expect((await json({}, 'DELETE')).status).toBe(403);
    expect((await json({ 'x-csrf-token': token }, 'DELETE')).status).toBe(200);
    expect((await fetch(`${probe.url}/admin/probe`, { headers: { cookie: jar.header() } })).status).toBe(200);
  });

  it("another session's token does not work", async () => {
    const other = new CookieJar();
    await logIn(server.url, other, 'csrf@example.jp');
    const otherToken = (await (await fetch(`${probe.url}/admin/probe`, { headers: { cookie: other.header() } })).json()).csrf;
    expect(otherToken).not.toBe(token);
    expect((await json({ 'x-csrf-token': otherToken })).status).toBe(403);
  });

  it('logout is a state change: without the token it is refused and the session lives on', async () => {
    const res = await fetch(`${server.url}/admin/logout`, { method: 'POST', headers: { cookie: jar.header() } });
    expect(res.status).toBe(403);
    expect((await fetch(`${probe.url}/admin/probe`, { headers: { cookie: jar.header() } })).status).toBe(200);
  });
});

describe('CSRF on the login form (no session yet)', () => {
  it('cross-site login posts are refused (login CSRF would log a victim into the attacker’s account)', async () => {
    const visitor = new CookieJar();
    await openLoginForm(server.url, visitor);
    for (const headers of [{ origin: 'https://evil.example' }, { origin: server.url, 'sec-fetch-site': 'cross-site' }] as Record<string, string>[]) {
      const res = await submitLogin(server.url, visitor, 'csrf@example.jp', PASSWORD, { headers });
      expect(res.status).toBe(403);
      expect(visitor.get('tsunagu_session')).toBeUndefined();
    }
  });

  it('without the form cookie, or with a token that does not match it → 403 and a fresh form', async () => {
    const noCookie = await fetch(`${server.url}/admin/login`, {
      method: 'POST',
      headers: { accept: 'text/html' },
      body: new URLSearchParams({ email: 'csrf@example.jp', password: PASSWORD, _csrf: 'A'.repeat(43) }),
      redirect: 'manual',
    });
    expect(noCookie.status).toBe(403);
    const html = await noCookie.text();
    expect(html).toContain('画面の有効期限が切れました');
    expect(html).toMatch(/id="email"[^>]*value="csrf@example.jp"/);
    expect(noCookie.headers.getSetCookie().some((l) => l.startsWith('tsunagu_login_csrf='))).toBe(true);

    const visitor = new CookieJar();
    await openLoginForm(server.url, visitor);
    const res = await submitLogin(server.url, visitor, 'csrf@example.jp', PASSWORD, { token: 'A'.repeat(43) });
    expect(res.status).toBe(403);
    expect(visitor.get('tsunagu_session')).toBeUndefined();
  });

  it('two open login tabs share one form token, so both work', async () => {
    const visitor = new CookieJar();
    const first = await openLoginForm(server.url, visitor);
    const second = await openLoginForm(server.url, visitor);
    expect(second).toBe(first);
  });
});
