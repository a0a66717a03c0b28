import { and, asc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import { loginAttempts } from '../db/schema';
import type { Db } from '../db/types';
import { normalizeEmail } from './users';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const emailKey = (email: string) => `email:${normalizeEmail(email)}`;
const addressKey = (address: string) => `ip:${address}`;

export type Reservation =
  | { allowed: true; attemptIds: string[] }
  | { allowed: false; retryAt: Date; limitedBy: 'email' | 'address' };

/**
 * Records an attempt *before* the password is checked, in one statement that inserts
 * only while both counts are under their limits, so parallel guesses cannot all slip
 * through between a count and an insert. The rows stay as failures unless
 * `clearAfterSuccess` removes them. Sliding window: an attempt counts for 15 minutes.
 */
export async function reserveLoginAttempt(db: Db, who: { email: string; address: string }, now: Date): Promise<Reservation> {
  const since = now.getTime() - THROTTLE_WINDOW_MS;
  const keys = { email: emailKey(who.email), address: addressKey(who.address) };
  const ids = [crypto.randomUUID(), crypto.randomUUID()];
  const at = now.getTime();
  const inWindow = (key: string) =>
    sql`(select count(*) from ${loginAttempts} where ${loginAttempts.key} = ${key} and ${loginAttempts.at} > ${since})`;
  const [, inserted] = await db.batch([
    db.delete(loginAttempts).where(lte(loginAttempts.at, new Date(since))),
    db.run(sql`insert into ${loginAttempts} (id, key, at)
      select column1, column2, column3 from (values (${ids[0]}, ${keys.email}, ${at}), (${ids[1]}, ${keys.address}, ${at}))
      where ${inWindow(keys.email)} < ${MAX_FAILURES_PER_EMAIL} and ${inWindow(keys.address)} < ${MAX_FAILURES_PER_ADDRESS}`),
  ]);
  if (inserted.rowsAffected > 0) return { allowed: true, attemptIds: ids };

  const email = await unblockedAt(db, keys.email, MAX_FAILURES_PER_EMAIL, since);
  const address = await unblockedAt(db, keys.address, MAX_FAILURES_PER_ADDRESS, since);
  if (email && (!address || email >= address)) return { allowed: false, retryAt: email, limitedBy: 'email' };
  // A row may have left the window between the insert and these reads: retrying now is fine.
  return { allowed: false, retryAt: address ?? now, limitedBy: 'address' };
}

/** When the key drops below its limit again (null when it is not over it). */
async function unblockedAt(db: Db, key: string, limit: number, since: number): Promise<Date | null> {
  const rows = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), gt(loginAttempts.at, new Date(since))))
    .orderBy(asc(loginAttempts.at));
  if (rows.length < limit) return null;
  return new Date(rows[rows.length - limit]!.at.getTime() + THROTTLE_WINDOW_MS);
}

/** A success resets the email's counter and takes back this attempt's count for the address. */
export async function clearAfterSuccess(db: Db, email: string, attemptIds: string[]): Promise<void> {
  await db
    .delete(loginAttempts)
    .where(or(eq(loginAttempts.key, emailKey(email)), inArray(loginAttempts.id, attemptIds)));
}
