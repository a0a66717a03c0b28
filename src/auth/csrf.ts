import type { Context, MiddlewareHandler } from 'hono';
import { timingSafeEqualText } from './bytes';
import { forbidden } from './respond';

// CSRF defence, two layers on every state change (POST/PUT/PATCH/DELETE):
// 1. Fetch metadata and Origin: a browser request that says it comes from another site is
//    refused before anything else runs. Sec-Fetch-Site, when present, decides (browsers set
//    it and pages cannot forge it): only same-origin or none (typed/bookmarked) pass.
//    Without it, an Origin that is not this request's origin is refused. "Origin: null" is
//    left to the token: with our Referrer-Policy: no-referrer, Chromium sends "null" on
//    same-origin form posts, so refusing it would refuse our own login form.
// 2. A token: per session (staff_sessions.csrf_token) for logged-in requests, sent as the
//    form field `_csrf` or the header `x-csrf-token`; for the login form, which has no
//    session yet, a double-submit token in a short-lived HttpOnly cookie (`__Host-` under
//    https, so no subdomain can plant it) that the form repeats.
// Either layer alone stops the classic attack; together they also cover old browsers that
// send neither header, and a same-site sibling that could plant cookies on plain http.

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const isStateChanging = (method: string) => !SAFE_METHODS.has(method.toUpperCase());

export function isCrossSiteRequest(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = c.req.header('origin');
  return origin !== undefined && origin !== 'null' && origin !== new URL(c.req.url).origin;
}

/** Refuses cross-site state changes (layer 1) for everything under the router it is used on. */
export function rejectCrossSite(): MiddlewareHandler {
  return async (c, next) => {
    if (isStateChanging(c.req.method) && isCrossSiteRequest(c)) return forbidden(c, 'cross_site');
    await next();
  };
}

const isFormBody = (c: Context) => /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(c.req.header('content-type') ?? '');

/** The token a request carries: header first, else the form field (the parsed body is cached for the handler). */
export async function submittedCsrfToken(c: Context): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  if (!isFormBody(c)) return undefined;
  try {
    const field = (await c.req.parseBody())[CSRF_FIELD];
    return typeof field === 'string' ? field : undefined;
  } catch {
    return undefined; // a malformed body carries no token
  }
}

export function csrfTokenMatches(submitted: string | undefined, expected: string | undefined): boolean {
  if (!submitted || !expected) return false;
  return timingSafeEqualText(submitted, expected);
}
