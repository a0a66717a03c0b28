import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { residents } from './residents';

/**
 * お知らせ設定. No row, or opted_in = false: the resident gets no notices at all
 * (only the replies they ask for). Topics say which areas and event kinds they want;
 * the value '*' stands for "all areas" / "all kinds".
 */
export const noticeSettings = sqliteTable('notice_settings', {
  residentId: text('resident_id')
    .primaryKey()
    .references(() => residents.id),
  optedIn: integer('opted_in', { mode: 'boolean' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const NOTICE_TOPIC_DIMENSIONS = ['area', 'kind'] as const;
export type NoticeTopicDimension = (typeof NOTICE_TOPIC_DIMENSIONS)[number];
export const ALL_TOPICS = '*';

export const noticeTopics = sqliteTable(
  'notice_topics',
  {
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id),
    dimension: text('dimension', { enum: NOTICE_TOPIC_DIMENSIONS }).notNull(),
    /** An areas / eventKinds id from the council profile, or '*'. */
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.residentId, t.dimension, t.value] }), index('notice_topics_value_idx').on(t.dimension, t.value)],
);
