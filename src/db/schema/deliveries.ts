import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { residents } from './residents';

// Every send to LINE is recorded before its first attempt, so a retry reuses the
// same X-Line-Retry-Key and LINE (409) guarantees it is not delivered twice.
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: text('id').primaryKey(),
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id),
    method: text('method', { enum: ['reply', 'push'] }).notNull(),
    /** The webhook event this answers: a retried event finds its answer instead of making another. */
    sourceEventId: text('source_event_id').unique(),
    retryKey: text('retry_key').notNull().unique(),
    messages: text('messages').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'monthly_limit'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lineRequestId: text('line_request_id'),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('deliveries_status_idx').on(t.status, t.createdAt)],
);

export type DeliveryRow = typeof deliveries.$inferSelect;
