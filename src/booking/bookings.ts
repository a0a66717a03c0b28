// Bookings in the database. The seat count is held by a partial unique index
// on (service_id, slot_start, seat) over bookings that are not cancelled, so no
// interleaving of requests can overbook: each attempt is a single INSERT … ON
// CONFLICT DO NOTHING on one seat number (no interactive transactions, see
// TOOLCHAIN.md). The request key makes a double tap one booking.
import { and, asc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import { bookingClosures, bookings, type BookingClosureRow, type BookingContact, type BookingRow } from '../db/schema';
import type { Db } from '../db/types';
import { formatTokyo } from '../time/tokyo';
import { availableSlots, checkSlot, type Closure, type Slot, type SlotRejection, type TakenSeat } from './availability';
import type { BookableService } from './service';

export type BookingFailureReason =
  | SlotRejection['reason']
  | 'full'
  | 'already_booked'
  | 'not_found'
  | 'not_active'
  | 'same_slot'
  | 'invalid';

export interface BookingFailure {
  ok: false;
  reason: BookingFailureReason;
  /** Japanese, for the resident or staff: what happened and what to do. */
  message: string;
  /** For already_booked: the booking the resident already holds in that slot. */
  existing?: BookingRow;
}

const MESSAGES: Record<BookingFailureReason, string> = {
  past: 'その時間はすでに過ぎています。ほかの日時をお選びください。',
  too_soon: 'その時間は、もうご予約を受け付けていません。もう少し先の日時をお選びください。',
  too_far: 'その日は、まだご予約を受け付けていません。もう少し近い日をお選びください。',
  holiday: 'その日は祝日のためお休みです。ほかの日をお選びください。',
  year_end: 'その日は年末年始のためお休みです。ほかの日をお選びください。',
  closure: 'その日時はお休みをいただいています。ほかの日時をお選びください。',
  closed_weekday: 'その曜日はお休みです。ほかの日をお選びください。',
  not_a_slot: 'その日時は予約の枠ではありません。表示された枠からお選びください。',
  full: '申し訳ありません。その時間は、ちょうど満席になりました。ほかの時間をお選びください。',
  already_booked: 'その時間は、すでにご予約いただいています。',
  not_found: 'ご予約が見つかりません。',
  not_active: 'このご予約は、キャンセル済みか、すでに終わっています。',
  same_slot: '今のご予約と同じ日時です。ほかの日時をお選びください。',
  invalid: '入力内容を確認してください。',
};

function failure(reason: BookingFailureReason, extra: { existing?: BookingRow; holidayName?: string } = {}): BookingFailure {
  const message =
    reason === 'holiday' && extra.holidayName ? `その日は祝日（${extra.holidayName}）のためお休みです。ほかの日をお選びください。` : MESSAGES[reason];
  return { ok: false, reason, message, ...(extra.existing ? { existing: extra.existing } : {}) };
}

const active = ne(bookings.status, 'cancelled');

// ---- Closures (staff blocks) ----

export const closureFromRow = (r: BookingClosureRow): Closure => ({
  serviceId: r.serviceId,
  departmentId: r.departmentId,
  start: r.startsAt,
  end: r.endsAt,
  reason: r.reason,
});

/** Staff closures overlapping [from, to), for availability. */
export async function listClosures(db: Db, range: { from: Date; to: Date }): Promise<BookingClosureRow[]> {
  return db
    .select()
    .from(bookingClosures)
    .where(and(lt(bookingClosures.startsAt, range.to), gt(bookingClosures.endsAt, range.from)))
    .orderBy(asc(bookingClosures.startsAt));
}

export interface NewClosure {
  serviceId?: string | null;
  departmentId?: string | null;
  start: Date;
  end: Date;
  allDay?: boolean;
  reason?: string | null;
  createdBy?: string | null;
}

export async function addClosure(db: Db, c: NewClosure, now: Date): Promise<BookingClosureRow> {
  if (!(c.start.getTime() < c.end.getTime())) throw new RangeError('A closure must end after it starts');
  const [row] = await db
    .insert(bookingClosures)
    .values({
      id: crypto.randomUUID(),
      serviceId: c.serviceId ?? null,
      departmentId: c.departmentId ?? null,
      startsAt: c.start,
      endsAt: c.end,
      allDay: c.allDay ?? false,
      reason: c.reason ?? null,
      createdBy: c.createdBy ?? null,
      createdAt: now,
    })
    .returning();
  return row!;
}

export async function removeClosure(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(bookingClosures).where(eq(bookingClosures.id, id)).returning({ id: bookingClosures.id });
  return rows.length > 0;
}

// ---- Reads ----

/** One row per seat held (not cancelled) in [from, to). */
export async function takenSeats(db: Db, serviceIds: readonly string[], range: { from: Date; to: Date }): Promise<TakenSeat[]> {
  if (serviceIds.length === 0) return [];
  const rows = await db
    .select({ serviceId: bookings.serviceId, slotStart: bookings.slotStart })
    .from(bookings)
    .where(and(inArray(bookings.serviceId, [...serviceIds]), active, sql`${bookings.slotStart} >= ${range.from.getTime()}`, lt(bookings.slotStart, range.to)));
  return rows;
}

/** availableSlots with closures and seats taken read from the database. */
export async function loadAvailableSlots(db: Db, service: BookableService, opts: { from: Date; to: Date; now: Date }): Promise<Slot[]> {
  const [closures, taken] = await Promise.all([listClosures(db, opts), takenSeats(db, [service.id], opts)]);
  return availableSlots(service, { ...opts, closures: closures.map(closureFromRow), taken });
}

export async function findBooking(db: Db, id: string): Promise<BookingRow | undefined> {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id));
  return row;
}

async function byRequestKey(db: Db, requestKey: string): Promise<BookingRow | undefined> {
  const [row] = await db.select().from(bookings).where(eq(bookings.requestKey, requestKey));
  return row;
}

/** A resident's bookings that are still ahead (booked, ending after now), soonest first. */
export async function upcomingBookings(db: Db, residentId: string, now: Date): Promise<BookingRow[]> {
  return db
    .select()
    .from(bookings)
    .where(and(eq(bookings.residentId, residentId), eq(bookings.status, 'booked'), gt(bookings.slotEnd, now)))
    .orderBy(asc(bookings.slotStart));
}

/** Bookings of some services in [from, to) for staff views, cancelled ones included. */
export async function bookingsBetween(db: Db, serviceIds: readonly string[], range: { from: Date; to: Date }): Promise<BookingRow[]> {
  if (serviceIds.length === 0) return [];
  return db
    .select()
    .from(bookings)
    .where(and(inArray(bookings.serviceId, [...serviceIds]), sql`${bookings.slotStart} >= ${range.from.getTime()}`, lt(bookings.slotStart, range.to)))
    .orderBy(asc(bookings.slotStart), asc(bookings.seat));
}

// ---- Writes ----

export interface BookingRequest {
  slotStart: Date;
  /** One per confirmation screen: a double tap (or a retry) carries the same key. */
  requestKey: string;
  now: Date;
  contact: BookingContact;
  residentId?: string | null;
  /** For a phone booking without LINE: contactName is then required. */
  contactName?: string | null;
  contactPhone?: string | null;
  /** The resident's own words: the caller passes it only with consent. */
  topic?: string | null;
  createdBy?: string | null;
}

export type BookResult = { ok: true; booking: BookingRow; duplicate: boolean } | BookingFailure;

function validSubject(req: BookingRequest): boolean {
  return Boolean(req.requestKey) && (Boolean(req.residentId) || Boolean(req.contactName?.trim()));
}

async function closuresAround(db: Db, service: BookableService, start: Date): Promise<Closure[]> {
  const end = new Date(start.getTime() + service.slotMinutes * 60_000);
  return (await listClosures(db, { from: start, to: end })).map(closureFromRow);
}

/** Free seat numbers of a slot right now, lowest first. */
async function freeSeats(db: Db, service: BookableService, slotStart: Date): Promise<number[]> {
  const held = await db
    .select({ seat: bookings.seat })
    .from(bookings)
    .where(and(eq(bookings.serviceId, service.id), eq(bookings.slotStart, slotStart), active));
  const taken = new Set(held.map((h) => h.seat));
  return Array.from({ length: service.seatsPerSlot }, (_, i) => i + 1).filter((s) => !taken.has(s));
}

async function heldByResident(db: Db, serviceId: string, slotStart: Date, residentId: string): Promise<BookingRow | undefined> {
  const [row] = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.serviceId, serviceId), eq(bookings.slotStart, slotStart), eq(bookings.residentId, residentId), active));
  return row;
}

/**
 * Inserts on the lowest free seat. For a change (replacesId), the old booking's
 * cancel runs in the same batch, guarded on the new row, so both commit or neither.
 */
async function insertOnFreeSeat(
  db: Db,
  service: BookableService,
  slot: Slot,
  req: BookingRequest,
  replacesId: string | null,
): Promise<BookResult> {
  for (const seat of await freeSeats(db, service, slot.start)) {
    const insert = db
      .insert(bookings)
      .values({
        id: crypto.randomUUID(),
        serviceId: service.id,
        residentId: req.residentId ?? null,
        contactName: req.contactName?.trim() || null,
        contactPhone: req.contactPhone?.trim() || null,
        slotStart: slot.start,
        slotEnd: slot.end,
        seat,
        status: 'booked',
        contact: req.contact,
        topic: req.topic?.trim() || null,
        requestKey: req.requestKey,
        replacesId,
        createdBy: req.createdBy ?? null,
        createdAt: req.now,
      })
      .onConflictDoNothing()
      .returning();
    const inserted = replacesId
      ? (await db.batch([insert, cancelIfReplaced(db, replacesId, req.requestKey, req.now, req.createdBy ?? null)]))[0]
      : await insert;
    if (inserted[0]) return { ok: true, booking: inserted[0], duplicate: false };
    // Nothing inserted: the seat went to someone else, or this very request (same key) won elsewhere.
    const lost = await whyNotInserted(db, service, slot, req);
    if (lost) return lost;
  }
  // No free seat left, possibly because a twin of this request took the last one.
  return (await whyNotInserted(db, service, slot, req)) ?? failure('full');
}

async function whyNotInserted(db: Db, service: BookableService, slot: Slot, req: BookingRequest): Promise<BookResult | undefined> {
  const same = await byRequestKey(db, req.requestKey);
  if (same) return { ok: true, booking: same, duplicate: true };
  if (req.residentId) {
    const held = await heldByResident(db, service.id, slot.start, req.residentId);
    if (held) return heldResult(held, req);
  }
  return undefined;
}

/** The resident already holds this slot: by this very request (a twin tap that won), or by an earlier one. */
const heldResult = (held: BookingRow, req: BookingRequest): BookResult =>
  held.requestKey === req.requestKey ? { ok: true, booking: held, duplicate: true } : failure('already_booked', { existing: held });

/** Cancels the replaced booking only if the new one (by request key) is in. */
function cancelIfReplaced(db: Db, oldId: string, newRequestKey: string, now: Date, by: string | null) {
  return db
    .update(bookings)
    .set({ status: 'cancelled', cancelledAt: now, cancelledBy: by })
    .where(
      and(
        eq(bookings.id, oldId),
        eq(bookings.status, 'booked'),
        sql`exists (select 1 from ${bookings} as b where b.request_key = ${newRequestKey} and b.status <> 'cancelled')`,
      ),
    )
    .returning({ id: bookings.id });
}

/**
 * Books one seat of `slotStart`. Validates the slot against the schedule, staff
 * closures and bookAhead/minNotice at `now`; the database then caps the seats.
 * The same requestKey again returns the first booking (duplicate: true).
 */
export async function bookSlot(db: Db, service: BookableService, req: BookingRequest): Promise<BookResult> {
  if (!validSubject(req)) return failure('invalid');
  const earlier = await byRequestKey(db, req.requestKey);
  if (earlier) return { ok: true, booking: earlier, duplicate: true };
  const check = checkSlot(service, req.slotStart, { now: req.now, closures: await closuresAround(db, service, req.slotStart) });
  if (!check.ok) return failure(check.reason, 'holidayName' in check && check.holidayName ? { holidayName: check.holidayName } : {});
  if (req.residentId) {
    const held = await heldByResident(db, service.id, check.slot.start, req.residentId);
    if (held) return heldResult(held, req);
  }
  return insertOnFreeSeat(db, service, check.slot, req, null);
}

export type CancelResult = { ok: true; booking: BookingRow; alreadyCancelled: boolean } | BookingFailure;

/**
 * Cancels a booking and so frees its seat. Pass residentId when the resident asks, so
 * nobody cancels another's booking; cancelling twice is not an error.
 */
export async function cancelBooking(
  db: Db,
  req: { bookingId: string; now: Date; residentId?: string; by?: string | null },
): Promise<CancelResult> {
  const owner = req.residentId ? eq(bookings.residentId, req.residentId) : undefined;
  const [row] = await db
    .update(bookings)
    .set({ status: 'cancelled', cancelledAt: req.now, cancelledBy: req.by ?? null })
    .where(and(eq(bookings.id, req.bookingId), eq(bookings.status, 'booked'), owner))
    .returning();
  if (row) return { ok: true, booking: row, alreadyCancelled: false };
  const current = await findBooking(db, req.bookingId);
  if (!current || (req.residentId && current.residentId !== req.residentId)) return failure('not_found');
  if (current.status === 'cancelled') return { ok: true, booking: current, alreadyCancelled: true };
  return failure('not_active');
}

export type ChangeResult = { ok: true; booking: BookingRow; previous: BookingRow; duplicate: boolean } | BookingFailure;

/**
 * Moves a booking to another slot of the same service. The old booking stays until
 * the new one is in: one batch inserts the new booking and cancels the old one only
 * if that insert happened, so they commit together or not at all. If the new slot is
 * full or invalid, nothing changes. If the call fails mid-way (e.g. the connection
 * drops), the batch either committed or not; calling again with the same requestKey
 * finishes the change (or returns it) without booking twice. If staff cancelled the
 * old booking at the same instant, the new booking still stands.
 */
export async function changeBooking(
  db: Db,
  service: BookableService,
  req: { bookingId: string; newSlotStart: Date; requestKey: string; now: Date; residentId?: string; by?: string | null },
): Promise<ChangeResult> {
  const old = await findBooking(db, req.bookingId);
  if (!old || (req.residentId && old.residentId !== req.residentId)) return failure('not_found');
  if (old.serviceId !== service.id) return failure('invalid');

  const earlier = await byRequestKey(db, req.requestKey);
  if (earlier) {
    // A retry: make sure the old one is cancelled too (a no-op if the first call got that far).
    if (earlier.replacesId === old.id) await db.batch([cancelIfReplaced(db, old.id, req.requestKey, req.now, req.by ?? null)]);
    return { ok: true, booking: earlier, previous: (await findBooking(db, old.id)) ?? old, duplicate: true };
  }
  if (old.status !== 'booked') return failure('not_active');
  if (old.slotStart.getTime() === req.newSlotStart.getTime()) return failure('same_slot');

  const check = checkSlot(service, req.newSlotStart, { now: req.now, closures: await closuresAround(db, service, req.newSlotStart) });
  if (!check.ok) return failure(check.reason, 'holidayName' in check && check.holidayName ? { holidayName: check.holidayName } : {});
  const result = await insertOnFreeSeat(
    db,
    service,
    check.slot,
    {
      slotStart: check.slot.start,
      requestKey: req.requestKey,
      now: req.now,
      contact: old.contact,
      residentId: old.residentId,
      contactName: old.contactName,
      contactPhone: old.contactPhone,
      topic: old.topic,
      createdBy: req.by ?? null,
    },
    old.id,
  );
  if (!result.ok) return result;
  return { ok: true, booking: result.booking, previous: (await findBooking(db, old.id)) ?? old, duplicate: result.duplicate };
}

/** Staff mark a booking attended or no-show (only a booking that is booked or already marked). */
export async function markAttendance(db: Db, bookingId: string, status: 'attended' | 'no_show'): Promise<BookingRow | BookingFailure> {
  const [row] = await db
    .update(bookings)
    .set({ status })
    .where(and(eq(bookings.id, bookingId), inArray(bookings.status, ['booked', 'attended', 'no_show'])))
    .returning();
  if (row) return row;
  return (await findBooking(db, bookingId)) ? failure('not_active') : failure('not_found');
}

/** e.g. 「12月2日(水) 13:30〜14:15」 for confirmations and staff lists. */
export const describeSlotTime = (start: Date, end: Date): string => `${formatTokyo(start)}〜${formatTokyo(end, 'H:mm')}`;
