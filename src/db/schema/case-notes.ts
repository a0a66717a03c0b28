import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { cases } from './cases';

export const CASE_NOTE_KINDS = ['note', 'transfer', 'release', 'close'] as const;
export type CaseNoteKind = (typeof CASE_NOTE_KINDS)[number];

// Staff-only notes on a case (never sent to the resident), append-only: internal notes,
// and the note that goes with a transfer, a release or a close. Staff ids are
// staff_users.id, referenced by value only.
export const caseNotes = sqliteTable(
  'case_notes',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    staffId: text('staff_id').notNull(),
    kind: text('kind', { enum: CASE_NOTE_KINDS }).notNull(),
    body: text('body').notNull(),
    /** Transfers: where the case went. */
    toDepartmentId: text('to_department_id'),
    toStaffId: text('to_staff_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.createdAt)],
);

export type CaseNoteRow = typeof caseNotes.$inferSelect;

// Which outbound deliveries a counselor wrote (the rest are the bot's), so the
// transcript can say who spoke.
export const staffReplies = sqliteTable(
  'staff_replies',
  {
    deliveryId: text('delivery_id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    staffId: text('staff_id').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('staff_replies_case_idx').on(t.caseId, t.createdAt)],
);
