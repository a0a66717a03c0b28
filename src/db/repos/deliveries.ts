import { and, eq, lt } from 'drizzle-orm';
import { deliveries, type DeliveryRow } from '../schema';
import type { Db } from '../types';

export async function createDelivery(
  db: Db,
  row: Pick<DeliveryRow, 'residentId' | 'method' | 'messages'>,
  now: Date,
): Promise<DeliveryRow> {
  const [created] = await db
    .insert(deliveries)
    .values({ ...row, id: crypto.randomUUID(), retryKey: crypto.randomUUID(), status: 'pending', createdAt: now })
    .returning();
  return created!;
}

export async function updateDelivery(db: Db, id: string, patch: Partial<Omit<DeliveryRow, 'id' | 'retryKey'>>) {
  await db.update(deliveries).set(patch).where(eq(deliveries.id, id));
}

export function pendingDeliveries(db: Db, olderThan: Date, limit = 100) {
  return db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.status, 'pending'), lt(deliveries.createdAt, olderThan)))
    .orderBy(deliveries.createdAt)
    .limit(limit);
}
