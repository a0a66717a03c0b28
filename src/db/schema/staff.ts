import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const STAFF_ROLES = ['admin', 'counselor', 'staff'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

// People who use the admin app. Emails are stored lower-cased, so the unique key
// is case-insensitive in practice (every writer goes through normalizeEmail).
export const staffUsers = sqliteTable('staff_users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: STAFF_ROLES }).notNull(),
  /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` (src/auth/password.ts). */
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

export type StaffUser = typeof staffUsers.$inferSelect;

// Server-side sessions. The id is the SHA-256 (hex) of the cookie token, so a copy of
// this table cannot be replayed as cookies.
export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** Sliding idle timeout; written at most once a minute. */
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    /** Absolute end of the session, whatever the activity. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    csrfToken: text('csrf_token').notNull(),
  },
  (t) => [
    index('staff_sessions_user_idx').on(t.userId),
    index('staff_sessions_expires_idx').on(t.expiresAt),
    index('staff_sessions_last_seen_idx').on(t.lastSeenAt),
  ],
);

// One row per login attempt that has not succeeded (reserved before the password is
// checked, so parallel guesses cannot slip past the limit). Rows older than the window
// are pruned; a success removes the email's rows.
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: text('id').primaryKey(),
    /** `email:<lower-cased email>` or `ip:<client address>`. */
    key: text('key').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('login_attempts_key_idx').on(t.key, t.at), index('login_attempts_at_idx').on(t.at)],
);
