import { and, eq, lte, or } from 'drizzle-orm';
import { staffSessions, staffUsers, type StaffRole } from '../db/schema';
import type { Db } from '../db/types';
import { randomToken, sha256Hex } from './bytes';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/** last_seen_at is written at most this often (one write per minute of activity, not per request). */
export const TOUCH_INTERVAL_MS = 60_000;

/** The logged-in staff member of a request (c.var.staff). */
export interface StaffPrincipal {
  userId: string;
  email: string;
  displayName: string;
  role: StaffRole;
  /** SHA-256 of the cookie token (the session row id), never the token itself. */
  sessionId: string;
  /** Render into forms as `_csrf`, send from fetch as `x-csrf-token`. */
  csrfToken: string;
}

export interface NewSession {
  /** Goes into the cookie and nowhere else. */
  token: string;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

export const sessionIdFor = (token: string) => sha256Hex(token);

// Tokens we issue are 43 base64url characters; anything else is not looked up.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * A fresh session for the user. The old session (the cookie the login form came with) and
 * every session that can no longer be used go in the same batch (housekeeping at login).
 */
export async function createSession(db: Db, userId: string, now: Date, previousToken?: string): Promise<NewSession> {
  const token = randomToken();
  const sessionId = await sessionIdFor(token);
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS);
  const previousId = previousToken && TOKEN_SHAPE.test(previousToken) ? await sessionIdFor(previousToken) : undefined;
  await db.batch([
    db.delete(staffSessions).where(unusable(now)),
    ...(previousId ? [db.delete(staffSessions).where(eq(staffSessions.id, previousId))] : []),
    db.insert(staffSessions).values({ id: sessionId, userId, createdAt: now, lastSeenAt: now, expiresAt, csrfToken }),
  ]);
  return { token, sessionId, csrfToken, expiresAt };
}

export type SessionLookup =
  | { status: 'valid'; staff: StaffPrincipal }
  /** A cookie was sent but its session is over (timed out, logged out, user deactivated). */
  | { status: 'expired' }
  | { status: 'none' };

/** Loads the session behind a cookie token and slides its idle timeout. */
export async function loadSession(db: Db, token: string | undefined, now: Date): Promise<SessionLookup> {
  if (!token) return { status: 'none' };
  if (!TOKEN_SHAPE.test(token)) return { status: 'expired' };
  const sessionId = await sessionIdFor(token);
  const rows = await db
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(eq(staffSessions.id, sessionId))
    .limit(1);
  const row = rows[0];
  if (!row) return { status: 'expired' };
  const { session, user } = row;
  const t = now.getTime();
  if (!user.active || t >= session.expiresAt.getTime() || t - session.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) {
    await db.delete(staffSessions).where(eq(staffSessions.id, sessionId));
    return { status: 'expired' };
  }
  if (t - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    // Conditional, so parallel requests of the same session write once.
    await db
      .update(staffSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(staffSessions.id, sessionId), lte(staffSessions.lastSeenAt, new Date(t - TOUCH_INTERVAL_MS))));
  }
  return {
    status: 'valid',
    staff: {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      sessionId,
      csrfToken: session.csrfToken,
    },
  };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.id, sessionId));
}

/** Ends every session of a user (deactivation, password or role change). */
export async function revokeUserSessions(db: Db, userId: string): Promise<number> {
  const result = await db.delete(staffSessions).where(eq(staffSessions.userId, userId));
  return result.rowsAffected;
}

const unusable = (now: Date) =>
  or(lte(staffSessions.expiresAt, now), lte(staffSessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS)));

/** Removes sessions that can no longer be used (housekeeping; loadSession never accepts them anyway). */
export async function pruneSessions(db: Db, now: Date): Promise<number> {
  const result = await db.delete(staffSessions).where(unusable(now));
  return result.rowsAffected;
}
