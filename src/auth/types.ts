import type { Deps } from '../deps';
import type { StaffPrincipal } from './sessions';

/** What the auth code needs from Deps. */
export type AuthDeps = Pick<Deps, 'db' | 'clock' | 'log'>;

/** Hono env of admin routes: `new Hono<AdminEnv>()`, then `c.var.staff` after requireStaff. */
export type AdminEnv = { Variables: { staff: StaffPrincipal } };

export const ADMIN_LOGIN_PATH = '/admin/login';
/** Where a login lands without a (safe) `next`. */
export const ADMIN_HOME_PATH = '/admin/queue';
