import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { broadcastChunks, broadcasts } from '../db/schema';

/**
 * Staff resume a broadcast paused at the monthly limit (e.g. after raising the plan). The
 * chunk LINE refused keeps its retry key and recipients and is picked up by the next run as
 * if its lease had just run out. Returns false when it was not paused.
 */
export async function resumeBroadcast(deps: Deps, id: string): Promise<boolean> {
  const now = deps.clock.now();
  const [resumed] = await deps.db.batch([
    deps.db
      .update(broadcasts)
      .set({ status: 'sending', pauseReason: null })
      .where(and(eq(broadcasts.id, id), eq(broadcasts.status, 'paused')))
      .returning({ id: broadcasts.id }),
    deps.db
      .update(broadcastChunks)
      .set({ status: 'sending', leaseUntil: new Date(now.getTime() - 1) })
      .where(
        and(
          eq(broadcastChunks.broadcastId, id),
          eq(broadcastChunks.status, 'monthly_limit'),
          sql`exists (select 1 from broadcasts where id = ${id} and status = 'sending')`,
        ),
      ),
  ]);
  if (resumed.length > 0) deps.log.info('broadcast.resumed', { broadcastId: id });
  return resumed.length > 0;
}

/**
 * Stops a broadcast that has not finished. Chunks not yet prepared are never sent; a chunk
 * already handed to LINE at this moment may still arrive. Returns false when it had
 * already finished or been cancelled.
 */
export async function cancelBroadcast(deps: Deps, id: string): Promise<boolean> {
  const now = deps.clock.now();
  const cancelled = await deps.db
    .update(broadcasts)
    .set({ status: 'cancelled', cancelledAt: now, finishedAt: now })
    .where(and(eq(broadcasts.id, id), inArray(broadcasts.status, ['scheduled', 'paused', 'sending'])))
    .returning({ id: broadcasts.id });
  if (cancelled.length > 0) deps.log.info('broadcast.cancelled', { broadcastId: id });
  return cancelled.length > 0;
}
