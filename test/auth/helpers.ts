import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app';
import { requireStaff } from '../../src/auth/require-staff';
import type { AdminEnv } from '../../src/auth/types';
import { createStaffUser } from '../../src/auth/users';
import type { StaffRole } from '../../src/db/schema';
import type { Db } from '../../src/db/types';
import type { Deps } from '../../src/deps';

/** Just enough of a browser's cookie store for one origin. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(res: Response): this {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /;\s*max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return this;
  }

  get(name: string) {
    return this.cookies.get(name);
  }

  set(name: string, value: string) {
    this.cookies.set(name, value);
  }

  delete(name: string) {
    this.cookies.delete(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export const PASSWORD = 'correct-horse-battery-staple';

export async function addStaff(db: Db, role: StaffRole, email: string, now = new Date(), password = PASSWORD) {
  const user = await createStaffUser(db, { email, displayName: `${role} テスト`, role, password }, now);
  if (!user) throw new Error(`user ${email} exists`);
  return user;
}

export const csrfFromHtml = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

/** Opens the login form like a browser: returns its token; the jar gets the form cookie. */
export async function openLoginForm(base: string, jar: CookieJar): Promise<string> {
  const res = await fetch(`${base}/admin/login`, { headers: { accept: 'text/html', cookie: jar.header() }, redirect: 'manual' });
  jar.take(res);
  const token = csrfFromHtml(await res.text());
  if (!token) throw new Error(`no login form (status ${res.status})`);
  return token;
}

export interface LoginOptions {
  token?: string;
  next?: string;
  headers?: Record<string, string>;
}

/** Submits the login form (same-origin, as a browser would); the jar takes the cookies. */
export async function submitLogin(base: string, jar: CookieJar, email: string, password: string, options: LoginOptions = {}) {
  const form = new URLSearchParams({ email, password, _csrf: options.token ?? jar.get('tsunagu_login_csrf') ?? '' });
  if (options.next) form.set('next', options.next);
  const res = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { accept: 'text/html', origin: base, cookie: jar.header(), ...options.headers },
    body: form,
    redirect: 'manual',
  });
  jar.take(res);
  return res;
}

/** Form + submit; throws unless the login succeeded. */
export async function logIn(base: string, jar: CookieJar, email: string, password = PASSWORD) {
  await openLoginForm(base, jar);
  const res = await submitLogin(base, jar, email, password);
  if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
  await res.arrayBuffer();
  return res;
}

/**
 * The real app plus probe routes behind requireStaff (the staff pages come later), served
 * over HTTP on its own port, on the test server's deps (same database and clock).
 */
export async function startProbeServer(deps: Deps): Promise<{ url: string; close(): Promise<void> }> {
  const app = createApp(deps, (root) => {
    const probe = new Hono<AdminEnv>();
    probe.get('/', requireStaff(deps), (c) => c.json({ userId: c.var.staff.userId, role: c.var.staff.role, csrf: c.var.staff.csrfToken }));
    probe.post('/', requireStaff(deps), async (c) => c.json({ ok: true, body: await c.req.parseBody().catch(() => null) }));
    probe.delete('/', requireStaff(deps), (c) => c.json({ ok: true }));
    probe.get('/admin-only', requireStaff(deps, ['admin']), (c) => c.json({ ok: true }));
    probe.post('/counselors', requireStaff(deps, ['admin', 'counselor']), (c) => c.json({ ok: true }));
    root.route('/admin/probe', probe);
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
