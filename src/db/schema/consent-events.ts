import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { CONSENT_STATES, residents } from './residents';

// Append-only record of every consent decision, with the notice version it answered.
export const consentEvents = sqliteTable(
  'consent_events',
  {
    id: text('id').primaryKey(),
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id),
    decision: text('decision', { enum: CONSENT_STATES }).notNull(),
    noticeVersion: text('notice_version').notNull(),
    webhookEventId: text('webhook_event_id').unique(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('consent_events_resident_idx').on(t.residentId, t.at)],
);
