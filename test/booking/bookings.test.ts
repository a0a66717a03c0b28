// Bookings against a real database, the file client and sqld alike: the seat
// count holds under concurrency, a double tap is one booking, bad slots are
// refused, cancel frees the seat, and a change keeps the old booking until the
// new one is in.
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nerimaProfile } from '../../flows/profiles/nerima';
import { sampleTownProfile } from '../../flows/profiles/sample-town';
import { addClosure, bookSlot, cancelBooking, changeBooking, loadAvailableSlots, upcomingBookings, type BookingRequest } from '../../src/booking/bookings';
import { wholeDayClosure } from '../../src/booking/availability';
import { getBookableService } from '../../src/booking/service';
import { bookings } from '../../src/db/schema';
import type { Db } from '../../src/db/types';
import { tokyoDate } from '../../src/time/tokyo';
import { newResidentId, openMigratedDatabase } from '../helpers/database';
import { startSqld, type Sqld } from '../helpers/sqld';

const kirara = getBookableService(nerimaProfile, 'kirara-interview'); // 1 seat, 60 min, 24 h notice, 60 days ahead
const hidamari = getBookableService(sampleTownProfile, 'hidamari-mendan'); // 2 seats, 30 min
const NOW = tokyoDate('2026-11-24', '10:00'); // a Tuesday morning in Tokyo
const THU_9 = tokyoDate('2026-11-26', '09:00');
const THU_10 = tokyoDate('2026-11-26', '10:00');
const THU_11 = tokyoDate('2026-11-26', '11:00');

let sqld: Sqld;
beforeAll(async () => {
  sqld = await startSqld();
});
afterAll(() => sqld.stop());

// A fresh sqld namespace per test is not available, so each test uses fresh ids and slots instead.
const openDb = (kind: 'file' | 'sqld') => openMigratedDatabase(kind, sqld);

let n = 0;
const resident = (db: Db) => newResidentId(db, NOW);
const request = (over: Partial<BookingRequest> & { slotStart: Date }): BookingRequest => ({
  requestKey: `key-${++n}-${crypto.randomUUID()}`,
  now: NOW,
  contact: 'line',
  ...over,
});
const activeIn = async (db: Db, serviceId: string, slotStart: Date) =>
  db
    .select()
    .from(bookings)
    .where(and(eq(bookings.serviceId, serviceId), eq(bookings.slotStart, slotStart), ne(bookings.status, 'cancelled')));

describe.each(['file', 'sqld'] as const)('bookings on the %s database', (kind) => {
  let db: Db;
  let close: () => void;
  beforeAll(async () => {
    ({ db, close } = await openDb(kind));
  });
  afterAll(() => close());

  it('50 concurrent attempts at the last seat → exactly 1 booking (2-seat slot, one seat already taken)', async () => {
    const slot = tokyoDate('2026-11-30', '10:00'); // Monday
    const first = await bookSlot(db, hidamari, request({ slotStart: slot, contactName: '電話 花子', contact: 'phone' }));
    expect(first).toMatchObject({ ok: true, booking: { seat: 1 } });
    const residents = await Promise.all(Array.from({ length: 50 }, () => resident(db)));
    const results = await Promise.all(residents.map((residentId) => bookSlot(db, hidamari, request({ slotStart: slot, residentId }))));
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ booking: { seat: 2 } });
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.reason))).toEqual(Array(49).fill('full'));
    expect(await activeIn(db, hidamari.id, slot)).toHaveLength(2);
  });

  it('50 concurrent attempts at a single-seat slot → exactly 1 booking', async () => {
    const residents = await Promise.all(Array.from({ length: 50 }, () => resident(db)));
    const results = await Promise.all(residents.map((residentId) => bookSlot(db, kirara, request({ slotStart: THU_9, residentId }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await activeIn(db, kirara.id, THU_9)).toHaveLength(1);
    const slots = await loadAvailableSlots(db, kirara, { from: tokyoDate('2026-11-26'), to: tokyoDate('2026-11-27'), now: NOW });
    expect(slots.map((s) => s.start.getTime())).not.toContain(THU_9.getTime());
    expect(slots).toHaveLength(9);
  });

  it('a double tap on 確定 (the same request key, concurrently) → one booking', async () => {
    const residentId = await resident(db);
    const req = request({ slotStart: THU_10, residentId, topic: '福祉サービスの使い方' });
    const results = await Promise.all(Array.from({ length: 10 }, () => bookSlot(db, kirara, { ...req })));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.booking.id : '')));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
    expect(await activeIn(db, kirara.id, THU_10)).toHaveLength(1);
    // And later, the same key again (a retry after a lost response) still answers with it.
    expect(await bookSlot(db, kirara, { ...req, now: new Date(NOW.getTime() + 60_000) })).toMatchObject({ ok: true, duplicate: true });
    // The same resident with a new key cannot take a second seat of the slot.
    expect(await bookSlot(db, hidamari, request({ slotStart: tokyoDate('2026-11-30', '10:30'), residentId }))).toMatchObject({ ok: true });
    expect(await bookSlot(db, hidamari, request({ slotStart: tokyoDate('2026-11-30', '10:30'), residentId }))).toMatchObject({ ok: false, reason: 'already_booked' });
  });

  it('refuses a holiday, a closed weekday, the past, outside the window, too soon, too far and a staff closure — and stores nothing', async () => {
    const residentId = await resident(db);
    const refused = async (slotStart: Date, now = NOW) => {
      const r = await bookSlot(db, kirara, request({ slotStart, residentId, now }));
      expect(r.ok).toBe(false);
      return r.ok ? undefined : r;
    };
    const holiday = await refused(tokyoDate('2026-11-23', '09:00'), tokyoDate('2026-11-20', '10:00'));
    expect(holiday).toMatchObject({ reason: 'holiday' });
    expect(holiday!.message).toContain('勤労感謝の日');
    expect(await refused(tokyoDate('2027-01-01', '09:00'), tokyoDate('2026-12-20', '10:00'))).toMatchObject({ reason: 'year_end' });
    expect(await refused(tokyoDate('2026-11-25', '09:00'))).toMatchObject({ reason: 'closed_weekday' }); // 水
    expect(await refused(tokyoDate('2026-11-24', '09:00'))).toMatchObject({ reason: 'past' });
    expect(await refused(tokyoDate('2026-11-26', '19:00'))).toMatchObject({ reason: 'not_a_slot' }); // window ends 19:00
    expect(await refused(tokyoDate('2026-11-26', '18:30'))).toMatchObject({ reason: 'not_a_slot' }); // would end after 19:00
    expect(await refused(tokyoDate('2026-12-01', '12:00'))).toMatchObject({ reason: 'not_a_slot' }); // 火 is 9:00–12:00
    expect(await refused(tokyoDate('2026-11-24', '11:00'), tokyoDate('2026-11-24', '10:30'))).toMatchObject({ reason: 'too_soon' });
    expect(await refused(tokyoDate('2027-01-25', '09:00'))).toMatchObject({ reason: 'too_far' });
    await addClosure(db, { ...wholeDayClosure('2026-12-03', { departmentId: 'kirara' }), allDay: true, reason: '研修' }, NOW);
    expect(await refused(tokyoDate('2026-12-03', '14:00'))).toMatchObject({ reason: 'closure' });
    const mine = await upcomingBookings(db, residentId, NOW);
    expect(mine).toEqual([]);
  });

  it('cancel frees the seat; cancelling twice is fine; nobody cancels another resident’s booking', async () => {
    const [a, b] = [await resident(db), await resident(db)];
    const booked = await bookSlot(db, kirara, request({ slotStart: THU_11, residentId: a }));
    if (!booked.ok) throw new Error(booked.message);
    expect(await bookSlot(db, kirara, request({ slotStart: THU_11, residentId: b }))).toMatchObject({ ok: false, reason: 'full' });
    expect(await cancelBooking(db, { bookingId: booked.booking.id, now: NOW, residentId: b })).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await cancelBooking(db, { bookingId: booked.booking.id, now: NOW, residentId: a })).toMatchObject({
      ok: true,
      alreadyCancelled: false,
      booking: { status: 'cancelled', cancelledAt: NOW },
    });
    expect(await cancelBooking(db, { bookingId: booked.booking.id, now: NOW, residentId: a })).toMatchObject({ ok: true, alreadyCancelled: true });
    const again = await bookSlot(db, kirara, request({ slotStart: THU_11, residentId: b }));
    expect(again).toMatchObject({ ok: true, booking: { seat: 1, residentId: b } });
  });

  it('change keeps the old booking until the new one is confirmed', async () => {
    const [me, other] = [await resident(db), await resident(db)];
    const from = tokyoDate('2026-11-30', '09:00');
    const full = tokyoDate('2026-11-30', '10:00');
    const free = tokyoDate('2026-11-30', '11:00');
    const old = await bookSlot(db, kirara, request({ slotStart: from, residentId: me }));
    if (!old.ok) throw new Error(old.message);
    await bookSlot(db, kirara, request({ slotStart: full, residentId: other }));

    // The new slot is full (or not a slot): nothing changes.
    expect(await changeBooking(db, kirara, { bookingId: old.booking.id, newSlotStart: full, requestKey: 'chg-1', now: NOW, residentId: me })).toMatchObject({ ok: false, reason: 'full' });
    expect(await changeBooking(db, kirara, { bookingId: old.booking.id, newSlotStart: tokyoDate('2026-11-25', '09:00'), requestKey: 'chg-2', now: NOW, residentId: me })).toMatchObject({ ok: false, reason: 'closed_weekday' });
    expect((await upcomingBookings(db, me, NOW)).map((b) => b.id)).toEqual([old.booking.id]);

    const key = `chg-${crypto.randomUUID()}`;
    const moved = await changeBooking(db, kirara, { bookingId: old.booking.id, newSlotStart: free, requestKey: key, now: NOW, residentId: me });
    expect(moved).toMatchObject({ ok: true, duplicate: false, previous: { id: old.booking.id, status: 'cancelled' }, booking: { slotStart: free, replacesId: old.booking.id } });
    expect((await upcomingBookings(db, me, NOW)).map((b) => b.slotStart)).toEqual([free]);
    // A retry of the same change (e.g. the answer was lost) is the same change, not a second booking.
    expect(await changeBooking(db, kirara, { bookingId: old.booking.id, newSlotStart: free, requestKey: key, now: NOW, residentId: me })).toMatchObject({ ok: true, duplicate: true });
    expect(await upcomingBookings(db, me, NOW)).toHaveLength(1);
    // The freed slot is bookable again.
    expect(await bookSlot(db, kirara, request({ slotStart: from, residentId: other }))).toMatchObject({ ok: true });
  });

  it('two residents change into the same last seat at once: one moves, the other keeps the old booking', async () => {
    const [a, b] = [await resident(db), await resident(db)];
    const day = tokyoDate('2026-12-07', '09:00'); // Monday
    const ta = tokyoDate('2026-12-07', '10:00');
    const tb = tokyoDate('2026-12-07', '11:00');
    const oa = await bookSlot(db, kirara, request({ slotStart: ta, residentId: a }));
    const ob = await bookSlot(db, kirara, request({ slotStart: tb, residentId: b }));
    if (!oa.ok || !ob.ok) throw new Error('setup');
    const [ra, rb] = await Promise.all([
      changeBooking(db, kirara, { bookingId: oa.booking.id, newSlotStart: day, requestKey: `x-${crypto.randomUUID()}`, now: NOW, residentId: a }),
      changeBooking(db, kirara, { bookingId: ob.booking.id, newSlotStart: day, requestKey: `x-${crypto.randomUUID()}`, now: NOW, residentId: b }),
    ]);
    expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1);
    const loser = ra.ok ? b : a;
    const loserSlot = ra.ok ? tb : ta;
    expect((await upcomingBookings(db, loser, NOW)).map((x) => x.slotStart)).toEqual([loserSlot]);
    expect(await activeIn(db, kirara.id, day)).toHaveLength(1);
  });

  it('a phone booking needs a name when there is no LINE resident', async () => {
    expect(await bookSlot(db, hidamari, request({ slotStart: tokyoDate('2026-11-30', '13:00'), contact: 'phone' }))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(
      await bookSlot(db, hidamari, request({ slotStart: tokyoDate('2026-11-30', '13:00'), contact: 'phone', contactName: '練馬 太郎', contactPhone: '090-0000-0000', createdBy: 'staff-1' })),
    ).toMatchObject({ ok: true, booking: { residentId: null, contactName: '練馬 太郎', contact: 'phone', createdBy: 'staff-1' } });
  });
});
