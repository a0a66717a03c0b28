import type { StaffRole } from '../../src/db/schema';
import { addStaff, CookieJar, csrfFromHtml, logIn } from '../auth/helpers';
import type { TestServer } from '../helpers/test-server';

/** A logged-in staff member's browser-like client for the admin app. */
export interface StaffClient {
  userId: string;
  csrf: string;
  get(path: string, accept?: string): Promise<Response>;
  post(path: string, form: Record<string, string>, options?: { csrf?: string | null; origin?: string; json?: boolean }): Promise<Response>;
}

let counter = 0;

export async function staffClient(server: TestServer, role: StaffRole): Promise<StaffClient> {
  const user = await addStaff(server.deps.db, role, `${role}${++counter}@example.jp`, server.deps.clock.now());
  const jar = new CookieJar();
  await logIn(server.url, jar, user.email);
  const get = (path: string, accept = 'text/html') =>
    fetch(`${server.url}${path}`, { headers: { accept, cookie: jar.header() }, redirect: 'manual' });
  // 職員 cannot open 定型文, but can open 予約: any page of theirs carries the token.
  const home = await get(role === 'staff' ? '/admin/bookings' : '/admin/canned');
  const csrf = csrfFromHtml(await home.text()) ?? '';
  return {
    userId: user.id,
    csrf,
    get,
    post(path, form, options = {}) {
      const token = options.csrf === undefined ? csrf : options.csrf;
      const headers: Record<string, string> = { cookie: jar.header(), origin: options.origin ?? server.url, accept: 'text/html' };
      let body: string | URLSearchParams;
      if (options.json) {
        headers['content-type'] = 'application/json';
        headers.accept = 'application/json';
        if (token) headers['x-csrf-token'] = token;
        body = JSON.stringify(form);
      } else {
        body = new URLSearchParams(token === null ? form : { ...form, _csrf: token });
      }
      return fetch(`${server.url}${path}`, { method: 'POST', headers, body, redirect: 'manual' });
    },
  };
}

/** A visitor with no session. */
export const visitor = (server: TestServer) => ({
  get: (path: string, accept = 'text/html') => fetch(`${server.url}${path}`, { headers: { accept }, redirect: 'manual' }),
  post: (path: string, form: Record<string, string>) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { origin: server.url, accept: 'text/html' }, body: new URLSearchParams(form), redirect: 'manual' }),
});
