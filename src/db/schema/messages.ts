import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { residents } from './residents';

// Append-only transcript per resident (inbound and outbound); never updated.
export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    webhookEventId: text('webhook_event_id'),
    deliveryId: text('delivery_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('messages_resident_idx').on(t.residentId, t.id),
    // One inbound row per LINE event, however often the event is processed.
    uniqueIndex('messages_webhook_event_idx').on(t.webhookEventId),
  ],
);

export type MessageRow = typeof messages.$inferSelect;
