import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { residents } from './residents';

/** booked → attended / no_show (staff mark them) · booked → cancelled (frees the seat). */
export const BOOKING_STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** How the resident wants to be contacted about the booking. */
export const BOOKING_CONTACTS = ['line', 'phone'] as const;
export type BookingContact = (typeof BOOKING_CONTACTS)[number];

export const bookings = sqliteTable(
  'bookings',
  {
    id: text('id').primaryKey(),
    /** A bookable service id from the council profile. */
    serviceId: text('service_id').notNull(),
    /** Null for a phone booking by someone without LINE (then contact_name is set). */
    residentId: text('resident_id').references(() => residents.id),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    slotStart: integer('slot_start', { mode: 'timestamp_ms' }).notNull(),
    slotEnd: integer('slot_end', { mode: 'timestamp_ms' }).notNull(),
    /** 1..seatsPerSlot: the unique index on (service, slot, seat) is what caps the seats. */
    seat: integer('seat').notNull(),
    status: text('status', { enum: BOOKING_STATUSES }).notNull().default('booked'),
    contact: text('contact', { enum: BOOKING_CONTACTS }).notNull(),
    /** What it is about in the resident's words: only with consent. */
    topic: text('topic'),
    /** Idempotency: a double tap on 確定 sends the same key, so it makes one booking. */
    requestKey: text('request_key').notNull().unique(),
    /** The booking this one replaced (a change: the old one is cancelled in the same batch). */
    replacesId: text('replaces_id'),
    /** Staff user id when staff made it (e.g. a phone booking). */
    createdBy: text('created_by'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
    cancelledBy: text('cancelled_by'),
  },
  (t) => [
    uniqueIndex('bookings_one_per_seat').on(t.serviceId, t.slotStart, t.seat).where(sql`status <> 'cancelled'`),
    // One resident holds at most one seat of a slot.
    uniqueIndex('bookings_one_per_resident_slot').on(t.serviceId, t.slotStart, t.residentId).where(sql`status <> 'cancelled' and resident_id is not null`),
    index('bookings_resident_idx').on(t.residentId, t.slotStart),
    index('bookings_slot_idx').on(t.slotStart),
    check('bookings_seat_positive', sql`${t.seat} >= 1`),
    check('bookings_who', sql`${t.residentId} is not null or ${t.contactName} is not null`),
    check('bookings_slot_order', sql`${t.slotStart} < ${t.slotEnd}`),
  ],
);

export type BookingRow = typeof bookings.$inferSelect;

/**
 * Staff blocks: a slot range or whole days (all_day, then starts/ends at Tokyo midnights),
 * for one service, a whole department, or (both null) every service.
 */
export const bookingClosures = sqliteTable(
  'booking_closures',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id'),
    departmentId: text('department_id'),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    allDay: integer('all_day', { mode: 'boolean' }).notNull().default(false),
    /** Staff-facing, e.g. 研修のため. */
    reason: text('reason'),
    createdBy: text('created_by'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('booking_closures_range_idx').on(t.startsAt, t.endsAt), check('booking_closures_order', sql`${t.startsAt} < ${t.endsAt}`)],
);

export type BookingClosureRow = typeof bookingClosures.$inferSelect;
