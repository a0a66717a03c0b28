import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';
import { residents } from './residents';

// One row per step of a resident's conversation; the latest revision is the session.
// The primary key (resident, revision) is the optimistic lock: two workers that step
// from the same revision cannot both insert the next one, and the loser's whole batch
// (its reply and effects) rolls back with it.
export const conversationSteps = sqliteTable(
  'conversation_steps',
  {
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id),
    revision: integer('revision').notNull(),
    flowId: text('flow_id').notNull(),
    flowVersion: integer('flow_version').notNull(),
    nodeId: text('node_id').notNull(),
    vars: text('vars', { mode: 'json' }).notNull(),
    webhookEventId: text('webhook_event_id').unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.residentId, t.revision] })],
);
