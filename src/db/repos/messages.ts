import { messages } from '../schema';
import type { Db } from '../types';

export type NewMessage = typeof messages.$inferInsert;

/** Appends to the transcript; an inbound row already logged for its webhook event is kept as is. */
export async function appendMessages(db: Db, rows: NewMessage[]) {
  if (rows.length) await db.insert(messages).values(rows).onConflictDoNothing();
}
