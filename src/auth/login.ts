import type { StaffUser } from '../db/schema';
import { recordAudit } from './audit';
import { verifyDummyPassword, verifyPassword } from './password';
import { createSession, type NewSession } from './sessions';
import { clearAfterSuccess, reserveLoginAttempt } from './throttle';
import type { AuthDeps } from './types';
import { findStaffByEmail } from './users';

export type LoginResult =
  | { ok: true; user: StaffUser; session: NewSession }
  /** Unknown email, wrong password or inactive account: the visitor is never told which. */
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAt: Date };

export interface LoginAttempt {
  email: string;
  password: string;
  /** Client address for the per-address limit. */
  address: string;
  /** The session cookie the form came with, if any: it is replaced, never reused. */
  previousToken?: string;
}

/**
 * Checks a login and, on success, opens a fresh session. Every path that reaches the
 * password check does one PBKDF2 run, whether or not the email exists.
 */
export async function attemptLogin(deps: AuthDeps, attempt: LoginAttempt): Promise<LoginResult> {
  const { db, clock, log } = deps;
  const reservation = await reserveLoginAttempt(db, attempt, clock.now());
  const user = await findStaffByEmail(db, attempt.email);
  if (!reservation.allowed) {
    await recordAudit(db, {
      at: clock.now(),
      actorUserId: user?.id ?? null,
      action: 'auth.login.throttled',
      detail: { limitedBy: reservation.limitedBy },
    });
    log.warn('auth.login.throttled', { limitedBy: reservation.limitedBy, userId: user?.id });
    return { ok: false, reason: 'throttled', retryAt: reservation.retryAt };
  }

  const usable = user?.active ? user : undefined;
  const passwordOk = usable ? await verifyPassword(attempt.password, usable.passwordHash) : await verifyDummyPassword(attempt.password);
  if (!usable || !passwordOk) {
    const reason = !user ? 'unknown_email' : !user.active ? 'inactive' : 'wrong_password';
    await recordAudit(db, { at: clock.now(), actorUserId: user?.id ?? null, action: 'auth.login.failure', detail: { reason } });
    log.info('auth.login.failure', { reason, userId: user?.id });
    return { ok: false, reason: 'invalid' };
  }

  await clearAfterSuccess(db, attempt.email, reservation.attemptIds);
  const now = clock.now();
  const session = await createSession(db, usable.id, now, attempt.previousToken);
  await recordAudit(db, { at: now, actorUserId: usable.id, action: 'auth.login.success' });
  log.info('auth.login.success', { userId: usable.id });
  return { ok: true, user: usable, session };
}
