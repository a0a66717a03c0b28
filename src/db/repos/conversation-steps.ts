import { desc, eq } from 'drizzle-orm';
import type { Session } from '../../engine/step';
import type { SessionVars } from '../../engine/flow-types';
import { conversationSteps } from '../schema';
import type { Db } from '../types';

export async function latestSession(db: Db, residentId: string): Promise<Session | undefined> {
  const [row] = await db
    .select()
    .from(conversationSteps)
    .where(eq(conversationSteps.residentId, residentId))
    .orderBy(desc(conversationSteps.revision))
    .limit(1);
  if (!row) return undefined;
  return { flowId: row.flowId, flowVersion: row.flowVersion, nodeId: row.nodeId, revision: row.revision, vars: row.vars as SessionVars };
}

/** Stores the next revision; fails with a UNIQUE error when another worker stored it first. */
export const insertStepQuery = (db: Db, residentId: string, session: Session, webhookEventId: string | null, now: Date) =>
  db.insert(conversationSteps).values({
    residentId,
    revision: session.revision,
    flowId: session.flowId,
    flowVersion: session.flowVersion,
    nodeId: session.nodeId,
    vars: session.vars,
    webhookEventId,
    createdAt: now,
  });

export const isStepConflict = (error: unknown): boolean => {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (/UNIQUE constraint failed: conversation_steps\.resident_id/.test(e.message)) return true;
  }
  return false;
};
