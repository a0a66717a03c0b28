import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { webhookEvents } from '../schema';
import type { Db } from '../types';

export interface IncomingEvent {
  webhookEventId: string;
  type: string;
  payload: string;
}

const CHUNK = 100;
const MAX_ATTEMPTS = 5;

/** Inserts events under their unique id and returns the ids that were new. */
export async function recordNewEvents(db: Db, events: IncomingEvent[], now: Date): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (let i = 0; i < events.length; i += CHUNK) {
    const rows = await db
      .insert(webhookEvents)
      .values(events.slice(i, i + CHUNK).map((e) => ({ ...e, status: 'received' as const, receivedAt: now })))
      .onConflictDoNothing()
      .returning({ id: webhookEvents.webhookEventId });
    for (const row of rows) fresh.add(row.id);
  }
  return fresh;
}

export async function finishEvent(db: Db, id: string, status: 'processed' | 'ignored' | 'failed', now: Date) {
  await db
    .update(webhookEvents)
    .set({ status, processedAt: now, payload: status === 'failed' ? undefined : null })
    .where(eq(webhookEvents.webhookEventId, id));
}

/** Claims an event for processing; false when another worker already took it this round. */
export async function claimEvent(db: Db, id: string, expectedAttempts: number): Promise<boolean> {
  const rows = await db
    .update(webhookEvents)
    .set({ attempts: sql`${webhookEvents.attempts} + 1` })
    .where(and(eq(webhookEvents.webhookEventId, id), eq(webhookEvents.attempts, expectedAttempts)))
    .returning({ id: webhookEvents.webhookEventId });
  return rows.length === 1;
}

/** Events never finished, or failed fewer than MAX_ATTEMPTS times (the payload is kept for them). */
export function unfinishedEvents(db: Db, olderThan: Date, limit = 100) {
  return db
    .select()
    .from(webhookEvents)
    .where(
      and(
        inArray(webhookEvents.status, ['received', 'failed']),
        lt(webhookEvents.receivedAt, olderThan),
        lt(webhookEvents.attempts, MAX_ATTEMPTS),
      ),
    )
    .orderBy(webhookEvents.receivedAt)
    .limit(limit);
}
