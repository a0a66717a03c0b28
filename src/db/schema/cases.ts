import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CATEGORIES, URGENCIES } from '../../engine/taxonomy';
import { residents } from './residents';

export const CASE_STATUSES = ['open', 'waiting', 'closed'] as const;

// One shared record per consultation, across departments: at most one case per
// resident is not closed, so the next department sees what was already said.
export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id),
    category: text('category', { enum: CATEGORIES }).notNull(),
    urgency: text('urgency', { enum: URGENCIES }).notNull(),
    /** Crisis kinds raised (comma-separated), so counselors see which hotlines were given. */
    crisisKinds: text('crisis_kinds'),
    departmentId: text('department_id').notNull(),
    areaId: text('area_id'),
    status: text('status', { enum: CASE_STATUSES }).notNull(),
    /** The resident's own words; only with consent, or on the crisis path. */
    summary: text('summary'),
    note: text('note'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    /** When the resident asked for a person (queue order within an urgency). */
    waitingSince: integer('waiting_since', { mode: 'timestamp_ms' }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('cases_one_open_per_resident').on(t.residentId).where(sql`status <> 'closed'`),
    index('cases_queue_idx').on(t.status, t.urgency, t.waitingSince),
    index('cases_created_idx').on(t.createdAt),
  ],
);

export type CaseRow = typeof cases.$inferSelect;
