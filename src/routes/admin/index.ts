import { Hono } from 'hono';
import { rejectCrossSite } from '../../auth/csrf';
import { adminSecurityHeaders } from '../../auth/security-headers';
import type { AdminEnv } from '../../auth/types';
import type { Deps } from '../../deps';
import { ADMIN_CSS } from './assets';
import { adminAuthRoutes } from './auth-routes';
import { auditRoutes } from './audit-routes';
import { bookingRoutes } from './booking-routes';
import { broadcastRoutes } from './broadcast-routes';
import { BROADCAST_JS } from './broadcast-script';
import { cannedRoutes } from './canned-routes';
import { caseRoutes } from './case-routes';
import { CASE_JS } from './case-script';
import { eventRoutes } from './event-routes';
import { queueRoutes } from './queue-routes';
import { usersRoutes } from './users-routes';

/**
 * Everything under /admin. Secure headers (CSP, no-store) and the cross-site refusal run
 * first for every path here, 404s included; each page route adds requireStaff(deps, roles),
 * which also checks the CSRF token on state changes.
 */
export function adminRoutes(deps: Deps) {
  const admin = new Hono<AdminEnv>();
  admin.use('*', adminSecurityHeaders());
  admin.use('*', rejectCrossSite());
  admin.get('/assets/admin.css', (c) => c.body(ADMIN_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }));
  admin.get('/assets/case.js', (c) => c.body(CASE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  admin.get('/assets/broadcast.js', (c) => c.body(BROADCAST_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  admin.route('/', adminAuthRoutes(deps));
  admin.route('/queue', queueRoutes(deps));
  admin.route('/cases', caseRoutes(deps));
  admin.route('/canned', cannedRoutes(deps));
  admin.route('/bookings', bookingRoutes(deps));
  admin.route('/events', eventRoutes(deps));
  admin.route('/broadcasts', broadcastRoutes(deps));
  admin.route('/users', usersRoutes(deps));
  admin.route('/audit', auditRoutes(deps));
  return admin;
}
