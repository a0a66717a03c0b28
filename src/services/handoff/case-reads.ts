import { and, eq, ne, sql } from 'drizzle-orm';
import { cases, residents } from '../../db/schema';
import type { Db } from '../../db/types';

export async function findCase(db: Db, caseId: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  return row;
}

/** The case with what it takes to write to its resident on LINE. */
export async function caseWithContact(db: Db, caseId: string) {
  const [row] = await db
    .select({
      id: cases.id,
      residentId: cases.residentId,
      lineUserId: residents.lineUserId,
      status: cases.status,
      assigneeId: cases.assigneeId,
      category: cases.category,
      replyToken: cases.replyToken,
      replyTokenAt: cases.replyTokenAt,
    })
    .from(cases)
    .innerJoin(residents, eq(residents.id, cases.residentId))
    .where(eq(cases.id, caseId));
  return row;
}

export interface ActiveCase {
  id: string;
  status: 'open' | 'waiting' | 'claimed';
  urgency: 'normal' | 'urgent' | 'crisis';
  waitingSince: Date | null;
  /** Insertion order: the queue's last tie-break (after urgency and waiting_since). */
  rowid: number;
}

/** The resident's one case that is not closed, if any (a query, to batch with other reads). */
export const activeCaseQuery = (db: Db, residentId: string) =>
  db
    .select({ id: cases.id, status: cases.status, urgency: cases.urgency, waitingSince: cases.waitingSince, rowid: sql<number>`${cases}.rowid` })
    .from(cases)
    .where(and(eq(cases.residentId, residentId), ne(cases.status, 'closed')));

export const toActive = (row: Awaited<ReturnType<typeof activeCaseQuery>>[number] | undefined): ActiveCase | undefined =>
  row && row.status !== 'closed' ? { ...row, status: row.status } : undefined;
