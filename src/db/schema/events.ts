import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { residents } from './residents';

/** draft → published ⇄ unpublished (back to draft) · published → cancelled (participants are told). */
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** A salon, course or other gathering that staff publish and residents can join. */
export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    /** An eventKinds id from the council profile. */
    kind: text('kind').notNull(),
    /** An areas id from the council profile. */
    areaId: text('area_id').notNull(),
    placeName: text('place_name').notNull(),
    address: text('address'),
    mapUrl: text('map_url'),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    /** Null: no limit (no RSVP needed beyond a head count). */
    capacity: integer('capacity'),
    /** Free text shown as is, e.g. 無料 or 100円（お茶代）. */
    fee: text('fee'),
    /** Who it is for, e.g. 65歳以上の方, どなたでも. */
    audience: text('audience'),
    description: text('description'),
    imageUrl: text('image_url'),
    status: text('status', { enum: EVENT_STATUSES }).notNull().default('draft'),
    /** Bumped on every staff edit: a form posted over a newer edit is refused, not merged. */
    version: integer('version').notNull().default(1),
    createdBy: text('created_by'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('events_listing_idx').on(t.status, t.startsAt),
    check('events_time_order', sql`${t.startsAt} < ${t.endsAt}`),
    check('events_capacity_positive', sql`${t.capacity} is null or ${t.capacity} >= 1`),
  ],
);

export type EventRow = typeof events.$inferSelect;

/** going (holds seat n) · waitlisted (in position order) · cancelled (by the resident, or the event was cancelled). */
export const RSVP_STATUSES = ['going', 'waitlisted', 'cancelled'] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];

export const eventRsvps = sqliteTable(
  'event_rsvps',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id),
    status: text('status', { enum: RSVP_STATUSES }).notNull(),
    /** 1..capacity while going: the unique index on (event, seat) is what caps the seats. Null otherwise. */
    seat: integer('seat'),
    /** Waitlist order: the next free number for the event, taken when the RSVP is made. */
    position: integer('position').notNull(),
    /** Idempotency: a double tap on 参加する sends the same key. */
    requestKey: text('request_key').notNull().unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    promotedAt: integer('promoted_at', { mode: 'timestamp_ms' }),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('event_rsvps_one_per_seat').on(t.eventId, t.seat).where(sql`status = 'going'`),
    uniqueIndex('event_rsvps_one_per_resident').on(t.eventId, t.residentId).where(sql`status <> 'cancelled'`),
    uniqueIndex('event_rsvps_position').on(t.eventId, t.position),
    index('event_rsvps_resident_idx').on(t.residentId, t.status),
    check('event_rsvps_seat_when_going', sql`(${t.status} = 'going') = (${t.seat} is not null)`),
  ],
);

export type EventRsvpRow = typeof eventRsvps.$inferSelect;

/** claimed → sent / failed / monthly_limit · skipped. One row per RSVP: the primary key is the claim. */
export const EVENT_REMINDER_STATUSES = ['claimed', 'sent', 'failed', 'monthly_limit', 'skipped'] as const;

export const eventReminders = sqliteTable(
  'event_reminders',
  {
    rsvpId: text('rsvp_id')
      .primaryKey()
      .references(() => eventRsvps.id),
    status: text('status', { enum: EVENT_REMINDER_STATUSES }).notNull(),
    deliveryId: text('delivery_id'),
    skipReason: text('skip_reason'),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }).notNull(),
    settledAt: integer('settled_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('event_reminders_status_idx').on(t.status, t.claimedAt),
    check('event_reminders_claim_has_delivery', sql`${t.status} <> 'claimed' or ${t.deliveryId} is not null`),
  ],
);
