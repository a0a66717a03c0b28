import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, csrfFromHtml, PASSWORD } from './helpers';

// Under https the cookies take the __Host- prefix and Secure. The protocol is the request
// URL's, so app.request('https://…') is an https request to the app.
let server: TestServer;
let app: ReturnType<typeof createApp>;
const origin = 'https://tsunagu.example.jp';
beforeAll(async () => {
  server = await startTestServer();
  app = createApp(server.deps);
  await addStaff(server.deps.db, 'admin', 'https-admin@example.jp');
});
afterAll(() => server.close());

const line = (res: Response, name: string) => res.headers.getSetCookie().find((l) => l.startsWith(`${name}=`));

async function loginOverHttps() {
  const form = await app.request(`${origin}/admin/login`);
  const formCookie = line(form, '__Host-tsunagu_login_csrf')!;
  const token = csrfFromHtml(await form.text())!;
  const res = await app.request(`${origin}/admin/login`, {
    method: 'POST',
    headers: { origin, cookie: formCookie.split(';')[0]! },
    body: new URLSearchParams({ email: 'https-admin@example.jp', password: PASSWORD, _csrf: token }),
  });
  return { form, formCookie, res };
}

describe('cookies under https', () => {
  it('the login form cookie is __Host-, Secure, HttpOnly, SameSite=Strict, Path=/, no Domain', async () => {
    const { formCookie } = await loginOverHttps();
    expect(formCookie).toMatch(/; Secure/);
    expect(formCookie).toMatch(/HttpOnly/);
    expect(formCookie).toMatch(/SameSite=Strict/);
    expect(formCookie).toMatch(/Path=\//);
    expect(formCookie).not.toMatch(/Domain/i);
  });

  it('the session cookie is __Host-tsunagu_session, Secure, HttpOnly, SameSite=Lax, Path=/, no Domain', async () => {
    const { res } = await loginOverHttps();
    expect(res.status).toBe(303);
    const session = line(res, '__Host-tsunagu_session')!;
    expect(session).toBeDefined();
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Path=\//);
    expect(session).toMatch(/Max-Age=43200/);
    expect(session).not.toMatch(/Domain/i);
    expect(line(res, 'tsunagu_session')).toBeUndefined();
  });

  it('under https only the __Host- cookie counts: the same token under the plain name is ignored', async () => {
    const { res } = await loginOverHttps();
    const token = line(res, '__Host-tsunagu_session')!.split(';')[0]!.split('=')[1]!;
    const withHost = await app.request(`${origin}/admin/login`, { headers: { cookie: `__Host-tsunagu_session=${token}` } });
    expect(withHost.status).toBe(303); // logged in → sent on
    const plain = await app.request(`${origin}/admin/login`, { headers: { cookie: `tsunagu_session=${token}` } });
    expect(plain.status).toBe(200); // the login form: not logged in
  });

  it('the Origin must be the https origin itself', async () => {
    const form = await app.request(`${origin}/admin/login`);
    const cookie = line(form, '__Host-tsunagu_login_csrf')!.split(';')[0]!;
    const res = await app.request(`${origin}/admin/login`, {
      method: 'POST',
      headers: { origin: 'http://tsunagu.example.jp', cookie },
      body: new URLSearchParams({ email: 'https-admin@example.jp', password: PASSWORD, _csrf: csrfFromHtml(await form.text())! }),
    });
    expect(res.status).toBe(403);
  });
});
