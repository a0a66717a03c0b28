import { and, eq, type SQL } from 'drizzle-orm';
import { cases } from '../../db/schema';

export interface ActOptions {
  /**
   * Act on a case another counselor has (e.g. an admin releasing the case of someone who
   * went home). Who may do this is the admin pages' decision; the default is the assignee only.
   */
  override?: boolean;
}

/** The precondition of every action on a claimed case: it is claimed, by this counselor (unless overridden). */
export function claimedBy(caseId: string, staffId: string, options: ActOptions = {}): SQL {
  return options.override
    ? and(eq(cases.id, caseId), eq(cases.status, 'claimed'))!
    : and(eq(cases.id, caseId), eq(cases.status, 'claimed'), eq(cases.assigneeId, staffId))!;
}
