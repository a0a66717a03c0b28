import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Small facts about this database itself (e.g. which demo data it already holds).
export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
