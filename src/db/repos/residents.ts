import { eq, sql } from 'drizzle-orm';
import { residents, type Resident } from '../schema';
import type { Db } from '../types';

/** The resident behind a LINE user id, created on first contact. */
export async function residentForContact(
  db: Db,
  lineUserId: string,
  now: Date,
  newId: () => string = () => crypto.randomUUID(),
): Promise<Resident> {
  const [row] = await db
    .insert(residents)
    .values({ id: newId(), lineUserId, following: true, followedAt: now, createdAt: now })
    .onConflictDoUpdate({ target: residents.lineUserId, set: { lineUserId: sql`excluded.line_user_id` } })
    .returning();
  return row!;
}

export async function markFollowing(db: Db, residentId: string, following: boolean, now: Date, displayName?: string | null) {
  await db
    .update(residents)
    .set(
      following
        ? { following: true, followedAt: now, ...(displayName ? { displayName } : {}) }
        : { following: false, unfollowedAt: now },
    )
    .where(eq(residents.id, residentId));
}

export async function findResident(db: Db, residentId: string) {
  const [row] = await db.select().from(residents).where(eq(residents.id, residentId));
  return row;
}
