import type { MiddlewareHandler } from 'hono';
import type { StaffRole } from '../db/schema';
import { clearSessionCookie, readSessionCookie } from './cookies';
import { csrfTokenMatches, isCrossSiteRequest, isStateChanging, submittedCsrfToken } from './csrf';
import { forbidden, unauthenticated } from './respond';
import { loadSession } from './sessions';
import type { AdminEnv, AuthDeps } from './types';

/**
 * Loads the session and its user into `c.var.staff`, or answers: logged out → redirect to
 * the login page (HTML) or 401 (JSON); state change without the session's CSRF token or
 * from another site → 403; role not in `roles` → 403. CSRF is checked here, not in a
 * separate middleware, so no route that needs a login can forget it.
 */
export function requireStaff(deps: AuthDeps, roles?: readonly StaffRole[]): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const changing = isStateChanging(c.req.method);
    if (changing && isCrossSiteRequest(c)) return forbidden(c, 'cross_site');
    const lookup = await loadSession(deps.db, readSessionCookie(c), deps.clock.now());
    if (lookup.status !== 'valid') {
      if (lookup.status === 'expired') clearSessionCookie(c);
      return unauthenticated(c, lookup.status === 'expired');
    }
    const { staff } = lookup;
    if (changing && !csrfTokenMatches(await submittedCsrfToken(c), staff.csrfToken)) return forbidden(c, 'csrf');
    if (roles && !roles.includes(staff.role)) return forbidden(c, 'role');
    c.set('staff', staff);
    await next();
  };
}
