import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

// 定型文: texts counselors insert into a reply (admins manage them).
export const cannedReplies = sqliteTable(
  'canned_replies',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdBy: text('created_by').notNull(),
    updatedBy: text('updated_by').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('canned_replies_order_idx').on(t.sortOrder, t.createdAt)],
);

export type CannedReplyRow = typeof cannedReplies.$inferSelect;
