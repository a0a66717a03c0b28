import { messages } from '../schema';
import type { Db } from '../types';

export type NewMessage = typeof messages.$inferInsert;

export async function appendMessages(db: Db, rows: NewMessage[]) {
  if (rows.length) await db.insert(messages).values(rows);
}
