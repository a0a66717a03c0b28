import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const CONSENT_STATES = ['unknown', 'given', 'declined', 'withdrawn'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export const residents = sqliteTable(
  'residents',
  {
    id: text('id').primaryKey(),
    lineUserId: text('line_user_id').notNull().unique(),
    displayName: text('display_name'),
    following: integer('following', { mode: 'boolean' }).notNull().default(true),
    followedAt: integer('followed_at', { mode: 'timestamp_ms' }),
    unfollowedAt: integer('unfollowed_at', { mode: 'timestamp_ms' }),
    /** Consent to keep consultation text (要配慮個人情報): until 'given', no text is kept. */
    consent: text('consent', { enum: CONSENT_STATES }).notNull().default('unknown'),
    consentNoticeVersion: text('consent_notice_version'),
    consentAt: integer('consent_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('residents_following_idx').on(t.following)],
);

export type Resident = typeof residents.$inferSelect;
