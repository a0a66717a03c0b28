import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import { ABSOLUTE_TIMEOUT_MS } from './sessions';

// Cookie names follow the request's protocol. Under https the `__Host-` prefix makes the
// browser insist on Secure, Path=/ and no Domain, so a sibling subdomain cannot plant or
// overwrite the cookie. Browsers refuse `__Host-` cookies without Secure, and Secure
// cookies are not sent over plain http, so on http://127.0.0.1 (local emulator mode) the
// same cookies go without the prefix and without Secure. Each protocol only ever reads its
// own name, so an http-set cookie can never stand in for the https one.
// The protocol is the request URL's (what the runtime saw), not X-Forwarded-Proto.
export const SESSION_COOKIE = 'tsunagu_session';
export const LOGIN_CSRF_COOKIE = 'tsunagu_login_csrf';
/** How long a login form stays usable. */
export const LOGIN_CSRF_MAX_AGE_S = 60 * 60;

export const isHttps = (c: Context) => new URL(c.req.url).protocol === 'https:';
const nameFor = (c: Context, base: string) => (isHttps(c) ? `__Host-${base}` : base);

// Lax, not Strict, for the session: a link to a case page from a notice or a bookmark
// should open it logged in. Every state change carries a CSRF token regardless.
function baseOptions(c: Context): CookieOptions {
  const secure = isHttps(c);
  return secure
    ? { path: '/', httpOnly: true, secure: true, sameSite: 'Lax', prefix: 'host' }
    : { path: '/', httpOnly: true, secure: false, sameSite: 'Lax' };
}

// hono/cookie adds the prefix itself when given `prefix: 'host'`, so set/delete use the bare name.
export const sessionCookieName = (c: Context) => nameFor(c, SESSION_COOKIE);

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, sessionCookieName(c));
}

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { ...baseOptions(c), maxAge: ABSOLUTE_TIMEOUT_MS / 1000 });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, baseOptions(c));
}

export function readLoginCsrfCookie(c: Context): string | undefined {
  return getCookie(c, nameFor(c, LOGIN_CSRF_COOKIE));
}

export function setLoginCsrfCookie(c: Context, token: string): void {
  // Strict: the form is always loaded from our own pages, never followed from another site.
  setCookie(c, LOGIN_CSRF_COOKIE, token, { ...baseOptions(c), sameSite: 'Strict', maxAge: LOGIN_CSRF_MAX_AGE_S });
}

export function clearLoginCsrfCookie(c: Context): void {
  deleteCookie(c, LOGIN_CSRF_COOKIE, baseOptions(c));
}
