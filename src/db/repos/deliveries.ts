import { and, eq, lt } from 'drizzle-orm';
import { deliveries, type DeliveryRow } from '../schema';
import type { Db } from '../types';

type DeliveryPatch = Partial<Omit<DeliveryRow, 'id' | 'retryKey'>>;

/** The update as a query, so it can join a batch with other writes. */
export const updateDeliveryQuery = (db: Db, id: string, patch: DeliveryPatch) =>
  db.update(deliveries).set(patch).where(eq(deliveries.id, id));

export async function updateDelivery(db: Db, id: string, patch: DeliveryPatch) {
  await updateDeliveryQuery(db, id, patch);
}

export function pendingDeliveries(db: Db, olderThan: Date, limit = 100) {
  return db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.status, 'pending'), lt(deliveries.createdAt, olderThan)))
    .orderBy(deliveries.createdAt)
    .limit(limit);
}

export async function deliveryForEvent(db: Db, sourceEventId: string) {
  const [row] = await db.select().from(deliveries).where(eq(deliveries.sourceEventId, sourceEventId));
  return row;
}
