import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bookings } from './bookings';

export const REMINDER_KINDS = ['day_before', 'morning_of'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** claimed → sent / failed / monthly_limit (the delivery's outcome) · skipped (never sent, see skip_reason). */
export const REMINDER_STATUSES = ['claimed', 'sent', 'failed', 'monthly_limit', 'skipped'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/**
 * One row per (booking, kind), inserted before anything is sent: the primary key is the
 * claim, so overlapping scheduler runs and restarts send each reminder at most once.
 */
export const bookingReminders = sqliteTable(
  'booking_reminders',
  {
    bookingId: text('booking_id')
      .notNull()
      .references(() => bookings.id),
    kind: text('kind', { enum: REMINDER_KINDS }).notNull(),
    status: text('status', { enum: REMINDER_STATUSES }).notNull(),
    /** Chosen at claim time, before the delivery row exists, so a run that dies in between can be finished. */
    deliveryId: text('delivery_id'),
    /** superseded (a later reminder went instead), not_following, no_longer_useful. */
    skipReason: text('skip_reason'),
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    /** Renewed when a later run takes over a stale claim (a conditional update on the old value). */
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }).notNull(),
    attempts: integer('attempts').notNull().default(1),
    settledAt: integer('settled_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    primaryKey({ columns: [t.bookingId, t.kind] }),
    index('booking_reminders_status_idx').on(t.status, t.claimedAt),
    check('booking_reminders_claim_has_delivery', sql`${t.status} <> 'claimed' or ${t.deliveryId} is not null`),
  ],
);

export type BookingReminderRow = typeof bookingReminders.$inferSelect;
