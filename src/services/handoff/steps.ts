import { desc, eq, type SQL } from 'drizzle-orm';
import { latestSession, isStepConflict } from '../../db/repos/conversation-steps';
import { conversationSteps } from '../../db/schema';
import type { Db } from '../../db/types';
import type { Conversation } from '../../engine/conversation-types';
import type { SessionVars } from '../../engine/flow-types';
import { initialSession, type Session } from '../../engine/step';
import { activeCaseQuery, toActive, type ActiveCase } from './case-reads';
import { insertIf } from './guarded';

export { isStepConflict };

/** The resident's conversation state (the start, before their first step). */
export async function currentSession(db: Db, conversation: Conversation, residentId: string): Promise<Session> {
  return (await latestSession(db, residentId)) ?? initialSession(conversation);
}

/**
 * The resident's conversation state and their open case, read together (one round trip,
 * one snapshot). Who has the case decides whether the bot may answer at all.
 */
export async function sessionAndCase(
  db: Db,
  conversation: Conversation,
  residentId: string,
): Promise<{ session: Session; active: ActiveCase | undefined }> {
  const [steps, active] = await db.batch([
    db.select().from(conversationSteps).where(eq(conversationSteps.residentId, residentId)).orderBy(desc(conversationSteps.revision)).limit(1),
    activeCaseQuery(db, residentId),
  ]);
  const row = steps[0];
  const session: Session = row
    ? { flowId: row.flowId, flowVersion: row.flowVersion, nodeId: row.nodeId, revision: row.revision, vars: row.vars as SessionVars }
    : initialSession(conversation);
  return { session, active: toActive(active[0]) };
}

/**
 * The next revision of the resident's conversation, written only if `condition` holds.
 * Counselor actions that change who answers (claim, close) write one in their batch: a
 * resident message stepped from the older revision then conflicts and looks again, so
 * the bot never answers on a stale idea of who has the case.
 */
export function nextStepIf(db: Db, residentId: string, next: Session, now: Date, condition: SQL) {
  return insertIf(
    db,
    conversationSteps,
    {
      residentId,
      revision: next.revision,
      flowId: next.flowId,
      flowVersion: next.flowVersion,
      nodeId: next.nodeId,
      vars: next.vars,
      webhookEventId: null,
      createdAt: now,
    },
    condition,
  );
}
