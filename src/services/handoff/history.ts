import { desc, eq } from 'drizzle-orm';
import { cases, residents, type CaseNoteRow, type CaseRow, type ConsentState } from '../../db/schema';
import type { Db } from '../../db/types';
import { listNotes } from './notes';
import { positionOfCase } from './position';

export interface CaseView {
  case: Omit<CaseRow, 'replyToken' | 'replyTokenAt' | 'lastActionId'>;
  resident: {
    id: string;
    displayName: string | null;
    consent: ConsentState;
    consentAt: Date | null;
    following: boolean;
  };
  notes: CaseNoteRow[];
  /** Place in the queue while waiting (1 = next), else null. */
  position: number | null;
}

/** Everything the case view shows except the transcript (see transcript()) and history (caseHistory()). */
export async function getCase(db: Db, caseId: string): Promise<CaseView | undefined> {
  const [row] = await db
    .select({ case: cases, resident: residents })
    .from(cases)
    .innerJoin(residents, eq(residents.id, cases.residentId))
    .where(eq(cases.id, caseId));
  if (!row) return undefined;
  const { replyToken: _token, replyTokenAt: _tokenAt, lastActionId: _action, ...kase } = row.case;
  const [notes, position] = await Promise.all([listNotes(db, caseId), positionOfCase(db, caseId)]);
  const r = row.resident;
  return {
    case: kase,
    resident: { id: r.id, displayName: r.displayName, consent: r.consent, consentAt: r.consentAt, following: r.following },
    notes,
    position,
  };
}

export interface CaseHistoryItem {
  id: string;
  status: CaseRow['status'];
  category: CaseRow['category'];
  urgency: CaseRow['urgency'];
  departmentId: string;
  areaId: string | null;
  outcome: CaseRow['outcome'];
  assigneeId: string | null;
  createdAt: Date;
  closedAt: Date | null;
}

/**
 * The resident's cases across all departments, newest first (the current one included;
 * the page can leave it out). Bookings join this view when the booking issue adds them.
 */
export async function caseHistory(db: Db, residentId: string, options: { limit?: number } = {}): Promise<CaseHistoryItem[]> {
  return db
    .select({
      id: cases.id,
      status: cases.status,
      category: cases.category,
      urgency: cases.urgency,
      departmentId: cases.departmentId,
      areaId: cases.areaId,
      outcome: cases.outcome,
      assigneeId: cases.assigneeId,
      createdAt: cases.createdAt,
      closedAt: cases.closedAt,
    })
    .from(cases)
    .where(eq(cases.residentId, residentId))
    .orderBy(desc(cases.createdAt))
    .limit(Math.min(options.limit ?? 50, 200));
}
