import { eq } from 'drizzle-orm';
import type { StaffPrincipal } from '../../auth/sessions';
import { cases } from '../../db/schema';
import type { Db } from '../../db/types';

/**
 * Who may open a case: admins any; counselors the cases people are handling (waiting or
 * claimed) and closed ones they handled themselves. A bot-only case or someone else's
 * closed case is "not found", so ids cannot be probed.
 */
export async function mayOpenCase(db: Db, staff: StaffPrincipal, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ status: cases.status, assigneeId: cases.assigneeId, closedBy: cases.closedBy })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) return false;
  if (staff.role === 'admin') return true;
  if (staff.role !== 'counselor') return false;
  if (row.status === 'waiting' || row.status === 'claimed') return true;
  return row.status === 'closed' && (row.assigneeId === staff.userId || row.closedBy === staff.userId);
}
