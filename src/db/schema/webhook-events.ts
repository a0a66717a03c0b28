import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

// One row per LINE webhookEventId: the unique key is what makes redelivery harmless.
// `payload` holds the event until it is processed, so a crash after answering LINE
// loses nothing; it is cleared once the event is done.
export const webhookEvents = sqliteTable(
  'webhook_events',
  {
    webhookEventId: text('webhook_event_id').primaryKey(),
    type: text('type').notNull(),
    status: text('status', { enum: ['received', 'processed', 'ignored', 'failed'] }).notNull(),
    payload: text('payload'),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
    processedAt: integer('processed_at', { mode: 'timestamp_ms' }),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('webhook_events_status_idx').on(t.status, t.receivedAt)],
);
