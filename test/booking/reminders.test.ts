// Booking reminders over the real local server (file libSQL, LINE emulator): sent
// once at the profile's time, never twice across overlapping runs or a restart
// mid-run, caught up after downtime only while still useful, never for phone,
// cancelled or past bookings.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookSlot, cancelBooking } from '../../src/booking/bookings';
import { remindersOf, runDueReminders } from '../../src/booking/reminders';
import { getBookableService } from '../../src/booking/service';
import { markFollowing, residentForContact } from '../../src/db/repos/residents';
import { bookingReminders, deliveries, type BookingRow } from '../../src/db/schema';
import { recoverUnfinishedWork } from '../../src/services/recovery';
import { manualClock } from '../../src/time/clock';
import { tokyoDate } from '../../src/time/tokyo';
import { dieAfterLineAccepts } from '../helpers/line-faults';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { expectRestartFinishedOnce } from './reminder-restart';

// sample-town: reminders at 18:00 the day before and 08:00 on the day; 弁護士による法律相談
// (houritsu) overrides that with 12:00 the day before only.
const NOW = tokyoDate('2026-11-24', '10:00'); // Tuesday
const MON = '2026-11-30';
const clock = manualClock(NOW);
let server: TestServer;
const dieAfterNextPush = dieAfterLineAccepts('push');

beforeEach(async () => {
  clock.set(NOW);
  dieAfterNextPush.disarm();
  server = await startTestServer({ clock, profile: 'sample-town', wrapLine: dieAfterNextPush.wrap });
  await server.drain(); // the start-up sweep
});
afterEach(() => server.close());

const at = (date: string, hhmm: string) => clock.set(tokyoDate(date, hhmm));
const run = () => runDueReminders(server.deps, clock.now());

async function book(
  serviceId: string,
  slotStart: Date,
  opts: { contact?: 'line' | 'phone'; bookedAt?: Date } = {},
): Promise<{ userId: string; booking: BookingRow }> {
  const userId = server.newResident();
  const resident = await residentForContact(server.deps.db, userId, NOW);
  const result = await bookSlot(server.deps.db, getBookableService(server.deps.profile, serviceId), {
    slotStart,
    requestKey: crypto.randomUUID(),
    now: opts.bookedAt ?? clock.now(),
    contact: opts.contact ?? 'line',
    residentId: resident.id,
  });
  if (!result.ok) throw new Error(`booking refused: ${result.reason}`);
  return { userId, booking: result.booking };
}

const texts = (userId: string) =>
  server.emulator.inbox(userId).flatMap((d) => d.messages.map((m) => (m as { text?: string }).text ?? ''));

describe('booking reminders', () => {
  it('sends the day-before reminder once at the profile’s time, then the morning one; none for phone bookings', async () => {
    const a = await book('hidamari-mendan', tokyoDate(MON, '10:00'));
    const byPhone = await book('hidamari-mendan', tokyoDate(MON, '10:00'), { contact: 'phone' });
    const staffMade = await bookSlot(server.deps.db, getBookableService(server.deps.profile, 'hidamari-mendan'), {
      slotStart: tokyoDate(MON, '10:30'),
      requestKey: crypto.randomUUID(),
      now: NOW,
      contact: 'phone',
      contactName: '電話 花子',
    });
    expect(staffMade.ok).toBe(true);

    at('2026-11-29', '17:55');
    expect(await run()).toMatchObject({ sent: 0 });
    expect(texts(a.userId)).toEqual([]);

    at('2026-11-29', '18:00');
    expect(await run()).toMatchObject({ sent: 1, failed: 0 });
    const [text] = texts(a.userId);
    expect(text).toContain('明日 11月30日(月) 10:00〜10:30');
    expect(text).toContain('「ひだまり 面談」');
    expect(text).toContain('場所：');
    expect(text).toContain('地図：https://example.jp/map/hidamari');
    expect(text).toContain('持ち物：受給者証（お持ちの方）');
    expect(text).toContain('「予約の確認・変更・キャンセル」と送ってください');
    expect(server.emulator.inbox(a.userId).map((d) => d.via)).toEqual(['push']);

    at('2026-11-29', '18:05');
    expect(await run()).toMatchObject({ sent: 0 });
    at('2026-11-29', '23:00');
    await run();
    expect(texts(a.userId)).toHaveLength(1);

    at(MON, '08:00');
    expect(await run()).toMatchObject({ sent: 1 });
    expect(texts(a.userId)).toHaveLength(2);
    expect(texts(a.userId)[1]).toContain('本日 11月30日(月) 10:00〜10:30');
    at(MON, '08:05');
    await run();
    expect(texts(a.userId)).toHaveLength(2);

    expect(texts(byPhone.userId)).toEqual([]);
    expect((await remindersOf(server.deps.db, a.booking.id)).map((r) => [r.kind, r.status])).toEqual([
      ['day_before', 'sent'],
      ['morning_of', 'sent'],
    ]);
    // Logs carry ids and outcomes, never the text or the LINE user id.
    const logs = server.logs.join('\n');
    expect(logs).toContain('booking.reminder');
    expect(logs).not.toContain(a.userId);
    expect(logs).not.toContain('受給者証');
  });

  it('two overlapping runs → each resident reminded once', async () => {
    const people = [];
    for (const hhmm of ['10:00', '10:00', '10:30', '10:30', '11:00', '11:00']) people.push(await book('hidamari-mendan', tokyoDate(MON, hhmm)));
    at('2026-11-29', '18:00');
    const summaries = await Promise.all([run(), run()]);
    expect(summaries.reduce((n, s) => n + s.sent, 0)).toBe(6);
    for (const p of people) expect(texts(p.userId)).toHaveLength(1);
    expect(await server.count('booking_reminders')).toBe(6);
    expect(await server.count('deliveries')).toBe(6);
  });

  it('two runs straddling the morning time (one sees the day-before, one the morning reminder) → one reminder', async () => {
    const a = await book('hidamari-mendan', tokyoDate(MON, '13:00'));
    const b = await book('hidamari-mendan', tokyoDate(MON, '13:30'));
    // The scheduler was down all evening; two runs overlap around 08:00.
    await Promise.all([
      runDueReminders(server.deps, tokyoDate(MON, '07:59')),
      runDueReminders(server.deps, tokyoDate(MON, '08:00')),
      runDueReminders(server.deps, tokyoDate(MON, '08:00')),
    ]);
    at(MON, '08:05');
    await run();
    at(MON, '11:30');
    await run();
    expect(texts(a.userId)).toHaveLength(1);
    expect(texts(b.userId)).toHaveLength(1);
  });

  it('a restart mid-run (LINE accepted the push, the process died before settling) → finished with the same retry key, delivered once', async () => {
    const a = await book('hidamari-mendan', tokyoDate(MON, '10:00'));
    await expectRestartFinishedOnce({
      server,
      userId: a.userId,
      received: () => texts(a.userId).length,
      dieAfterNextPush: () => dieAfterNextPush.arm(),
      at: (hhmm) => at('2026-11-29', hhmm),
      run,
      claims: () => remindersOf(server.deps.db, a.booking.id),
      claimed: { kind: 'day_before', status: 'claimed' },
    });
  });

  it('a restart mid-run finished by the recovery sweep → delivered once, the reminder marked sent', async () => {
    const a = await book('hidamari-mendan', tokyoDate(MON, '10:00'));
    at('2026-11-29', '18:00');
    dieAfterNextPush.arm();
    await run();
    at('2026-11-29', '18:05');
    expect((await recoverUnfinishedWork(server.deps)).deliveries).toBe(1);
    await run();
    expect(texts(a.userId)).toHaveLength(1);
    expect((await remindersOf(server.deps.db, a.booking.id))[0]).toMatchObject({ status: 'sent' });
  });

  it('a run that died after claiming but before recording the delivery → the claim is finished once', async () => {
    const a = await book('hidamari-mendan', tokyoDate(MON, '10:00'));
    const deliveryId = crypto.randomUUID();
    await server.deps.db.insert(bookingReminders).values({
      bookingId: a.booking.id,
      kind: 'day_before',
      status: 'claimed',
      deliveryId,
      dueAt: tokyoDate('2026-11-29', '18:00'),
      claimedAt: tokyoDate('2026-11-29', '18:00'),
    });
    at('2026-11-29', '18:01');
    await run();
    expect(texts(a.userId)).toEqual([]);
    at('2026-11-29', '18:05');
    await Promise.all([run(), run()]);
    expect(texts(a.userId)).toHaveLength(1);
    const [row] = await server.deps.db.select().from(deliveries).where(eq(deliveries.id, deliveryId));
    expect(row?.status).toBe('sent');
  });

  it('catch-up after downtime sends only reminders still useful, and never for past or cancelled bookings', async () => {
    const lunch = await book('hidamari-mendan', tokyoDate(MON, '13:00')); // both due: only the morning one goes
    const early = await book('hidamari-mendan', tokyoDate(MON, '10:00')); // too close now for either
    const past = await book('hidamari-mendan', tokyoDate('2026-11-28', '10:00')); // Saturday, over
    const cancelled = await book('hidamari-mendan', tokyoDate(MON, '11:00'));
    await cancelBooking(server.deps.db, { bookingId: cancelled.booking.id, now: NOW });
    const wednesday = await book('hidamari-mendan', tokyoDate('2026-12-02', '10:00')); // not due yet
    // Booked after the day-before time: the confirmation said it all, the morning one still goes.
    const late = await book('hidamari-mendan', tokyoDate(MON, '13:30'), { bookedAt: tokyoDate('2026-11-29', '20:00') });

    // The scheduler was down from Sunday 17:00 until Monday 09:40.
    at(MON, '09:40');
    expect(await run()).toMatchObject({ sent: 2 });
    expect(texts(lunch.userId)).toHaveLength(1);
    expect(texts(lunch.userId)[0]).toContain('本日 11月30日(月) 13:00');
    expect(texts(late.userId)).toHaveLength(1);
    for (const p of [early, past, cancelled, wednesday]) expect(texts(p.userId)).toEqual([]);
    expect((await remindersOf(server.deps.db, lunch.booking.id)).map((r) => [r.kind, r.status, r.skipReason])).toEqual([
      ['day_before', 'skipped', 'superseded'],
      ['morning_of', 'sent', null],
    ]);
    at(MON, '09:45');
    expect(await run()).toMatchObject({ sent: 0 });

    at('2026-12-01', '18:00');
    await run();
    expect(texts(wednesday.userId)).toHaveLength(1);
    expect(texts(wednesday.userId)[0]).toContain('明日 12月2日(水) 10:00');
    for (const p of [early, past, cancelled]) expect(texts(p.userId)).toEqual([]);
  });

  it('a service’s own time replaces the profile’s; a day-before reminder is not sent within an hour of the start', async () => {
    // 弁護士による法律相談, the third Friday (2026-12-18) 10:00–12:00: reminder at 12:00 the day before only.
    const ten = await book('houritsu', tokyoDate('2026-12-18', '10:00'));
    const half = await book('houritsu', tokyoDate('2026-12-18', '10:30'));
    at('2026-12-17', '11:55');
    await run();
    expect(texts(ten.userId)).toEqual([]);
    // Down from just before noon on the 17th until 09:05 on the day (no morning reminder for this service).
    at('2026-12-18', '09:05');
    await run();
    expect(texts(ten.userId)).toEqual([]);
    expect(texts(half.userId)).toHaveLength(1);
    expect(texts(half.userId)[0]).toContain('本日 12月18日(金) 10:30');
  });

  it('a booking cancelled after its day-before reminder gets no morning one; a resident who blocked the account gets none', async () => {
    const a = await book('hidamari-mendan', tokyoDate(MON, '10:00'));
    const blocked = await book('hidamari-mendan', tokyoDate(MON, '10:00'));
    await markFollowing(server.deps.db, blocked.booking.residentId!, false, NOW);
    at('2026-11-29', '18:00');
    await run();
    expect(texts(a.userId)).toHaveLength(1);
    expect(texts(blocked.userId)).toEqual([]);
    await cancelBooking(server.deps.db, { bookingId: a.booking.id, now: clock.now(), residentId: a.booking.residentId! });
    at(MON, '08:00');
    await run();
    expect(texts(a.userId)).toHaveLength(1);
    expect(texts(blocked.userId)).toEqual([]);
    expect((await remindersOf(server.deps.db, blocked.booking.id))[0]).toMatchObject({ status: 'skipped', skipReason: 'not_following' });
  });
});

describe('the Node entry’s interval sweep', () => {
  it('sends a due reminder on its own, once', async () => {
    const swept = await startTestServer({ clock, profile: 'sample-town', recoveryIntervalMs: 20 });
    try {
      const userId = swept.newResident();
      const resident = await residentForContact(swept.deps.db, userId, NOW);
      const booked = await bookSlot(swept.deps.db, getBookableService(swept.deps.profile, 'hidamari-mendan'), {
        slotStart: tokyoDate(MON, '10:00'),
        requestKey: crypto.randomUUID(),
        now: NOW,
        contact: 'line',
        residentId: resident.id,
      });
      expect(booked.ok).toBe(true);
      at('2026-11-29', '18:00');
      await expect.poll(() => swept.emulator.inbox(userId).length, { timeout: 5_000 }).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 200)); // several more sweeps
      expect(swept.emulator.inbox(userId)).toHaveLength(1);
    } finally {
      await swept.close();
    }
  });
});
