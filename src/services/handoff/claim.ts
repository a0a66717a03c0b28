import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { cases, type CaseRow } from '../../db/schema';
import { findCase } from './case-reads';
import { actionWon, newActionId } from './guarded';
import { failure, type HandoffResult } from './result';
import { currentSession, isStepConflict, nextStepIf } from './steps';

const MAX_TRIES = 5;

export type ClaimResult = HandoffResult<{ case: CaseRow }>;

/**
 * A counselor takes a waiting case. The database decides who wins (a conditional UPDATE
 * on status = 'waiting'), so two counselors clicking at once get one owner; the loser is
 * told who has it. From here the bot stays silent for this resident.
 */
export async function claimCase(deps: Deps, caseId: string, staffId: string): Promise<ClaimResult> {
  const { db } = deps;
  const found = await findCase(db, caseId);
  if (!found) return failure('not_found');
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const now = deps.clock.now();
    const actionId = newActionId();
    const session = await currentSession(db, deps.conversation, found.residentId);
    try {
      const [claimed] = await db.batch([
        db
          .update(cases)
          .set({ status: 'claimed', assigneeId: staffId, claimedAt: now, replyToken: null, replyTokenAt: null, lastActionId: actionId, updatedAt: now })
          .where(and(eq(cases.id, caseId), eq(cases.status, 'waiting')))
          .returning(),
        // Same place in the conversation, next revision: see nextStepIf.
        nextStepIf(db, found.residentId, { ...session, revision: session.revision + 1 }, now, actionWon(caseId, actionId)),
      ]);
      if (claimed[0]) return { ok: true, case: claimed[0] };
      const current = await findCase(db, caseId);
      if (!current) return failure('not_found');
      const state = { status: current.status, assigneeId: current.assigneeId };
      if (current.status === 'claimed') return failure('already_claimed', state);
      if (current.status === 'closed') return failure('closed', state);
      if (current.status === 'waiting') continue; // released again in the meantime: try once more
      return failure('not_waiting', state);
    } catch (error) {
      if (isStepConflict(error)) continue; // the resident's message stepped at the same moment: claim again
      throw error;
    }
  }
  return failure('busy');
}
