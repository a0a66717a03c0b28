import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { staffUsers } from './staff';

// Append-only: who did what, to which case, when. Nothing updates or deletes rows here.
// `detail` holds ids, kinds and counts, never resident text or LINE display names.
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** Null when nobody is logged in (e.g. a failed login for an unknown email). */
    actorUserId: text('actor_user_id').references(() => staffUsers.id),
    action: text('action').notNull(),
    caseId: text('case_id'),
    detail: text('detail', { mode: 'json' }).$type<AuditDetail>(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorUserId, t.at),
    index('audit_log_case_idx').on(t.caseId, t.at),
  ],
);

export type AuditDetail = Record<string, string | number | boolean | null>;
export type AuditRow = typeof auditLog.$inferSelect;
