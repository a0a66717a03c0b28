// Staff booking pages over the real server: day and week views, phone bookings,
// blocking slots and days, attendance, and cancelling with a LINE message.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookSlot, findBooking, loadAvailableSlots } from '../../src/booking/bookings';
import { getBookableService } from '../../src/booking/service';
import { auditLog, bookings } from '../../src/db/schema';
import { markFollowing, residentForContact } from '../../src/db/repos/residents';
import { manualClock } from '../../src/time/clock';
import { tokyoDate } from '../../src/time/tokyo';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { staffClient, visitor, type StaffClient } from './session';

let server: TestServer;
let admin: StaffClient;
let staff: StaffClient;
const SERVICE = 'kirara-interview'; // 月・木 9:00–19:00, 火 9:00–12:00; 60 min, 1 seat, 24 h notice
const THU = '2026-11-26';
const at = (hhmm: string, date = THU) => tokyoDate(date, hhmm);
const dayUrl = (date = THU) => `/admin/bookings?service=${SERVICE}&date=${date}&view=day`;
const ctx = (date = THU) => ({ service: SERVICE, date, view: 'day' });

beforeAll(async () => {
  server = await startTestServer({ clock: manualClock('2026-11-24T10:00:00+09:00') });
  admin = await staffClient(server, 'admin');
  staff = await staffClient(server, 'staff');
});
afterAll(() => server.close());

const kirara = () => getBookableService(server.deps.profile, SERVICE);
const now = () => server.deps.clock.now();

/** A following LINE resident with a display name, known to the emulator. */
async function lineResident(displayName: string) {
  const lineUserId = server.newResident(displayName);
  const resident = await residentForContact(server.deps.db, lineUserId, now());
  await markFollowing(server.deps.db, resident.id, true, now(), displayName);
  return { ...resident, lineUserId };
}

async function bookFor(residentId: string, start: Date) {
  const result = await bookSlot(server.deps.db, kirara(), { slotStart: start, requestKey: crypto.randomUUID(), now: now(), contact: 'line', residentId });
  if (!result.ok) throw new Error(result.message);
  return result.booking;
}

const openOn = async (date: string) =>
  loadAvailableSlots(server.deps.db, kirara(), { from: tokyoDate(date), to: tokyoDate(date, '24:00'), now: now() });

const auditFor = async (action: string) => server.deps.db.select().from(auditLog).where(eq(auditLog.action, action));

describe('staff booking pages', () => {
  it('the day view lists a LINE booking with the resident’s name and status; the week view counts it', async () => {
    const r = await lineResident('練馬 はるこ');
    await bookFor(r.id, at('09:00'));
    const html = await (await admin.get(dayUrl())).text();
    expect(html).toContain('練馬 はるこ');
    expect(html).toContain('予約中');
    expect(html).toContain('9:00〜10:00');
    expect(html).toContain('1／1');
    const week = await admin.get(`/admin/bookings?service=${SERVICE}&date=2026-11-23&view=week`);
    expect(week.status).toBe(200);
    const weekHtml = await week.text();
    expect(weekHtml).toContain('9:00 1／1');
    expect(weekHtml).toContain('11月29日(日)');
  });

  it('a phone booking made from the form appears in the day view (no names in the audit row)', async () => {
    const res = await staff.post('/admin/bookings/phone', {
      ...ctx(),
      slot: at('10:00').toISOString(),
      contactName: '電話 花子',
      contactPhone: '03-1234-5678',
      requestKey: 'phone-form-1',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('done=booked');
    const html = await (await staff.get(dayUrl())).text();
    expect(html).toContain('電話 花子（電話予約）');
    expect(html).toContain('03-1234-5678');
    const [row] = await server.deps.db.select().from(bookings).where(eq(bookings.contactName, '電話 花子'));
    expect(row).toMatchObject({ contact: 'phone', residentId: null, createdBy: staff.userId, status: 'booked' });
    const audit = (await auditFor('booking.create')).find((a) => a.detail?.bookingId === row!.id);
    expect(audit?.actorUserId).toBe(staff.userId);
    expect(JSON.stringify(audit?.detail)).not.toMatch(/花子|1234/);
    // The same form sent twice (a double click) is one booking.
    await staff.post('/admin/bookings/phone', { ...ctx(), slot: at('10:00').toISOString(), contactName: '電話 花子', contactPhone: '03-1234-5678', requestKey: 'phone-form-1' });
    expect(await server.deps.db.select().from(bookings).where(eq(bookings.contactName, '電話 花子'))).toHaveLength(1);
  });

  it('a bad phone form answers 400, says what is wrong next to the field and keeps what was typed', async () => {
    const res = await admin.post('/admin/bookings/phone', { ...ctx(), slot: at('11:00').toISOString(), contactName: '電話 太郎', contactPhone: 'わからない', requestKey: 'k2' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="電話 太郎"');
    expect(html).toContain('電話番号を市外局番から入力してください');
    expect(html).toMatch(/id="phone-phone"[^>]*aria-invalid="true"/);
    // A full slot: the booking rule's message, next to the time.
    const full = await admin.post('/admin/bookings/phone', { ...ctx(), slot: at('09:00').toISOString(), contactName: '電話 次郎', contactPhone: '03-1111-2222', requestKey: 'k3' });
    expect(full.status).toBe(400);
    const fullHtml = await full.text();
    expect(fullHtml).toContain('満席');
    expect(fullHtml).toContain('value="電話 次郎"');
  });

  it('blocking a whole day removes its slots from availability; unblocking brings them back', async () => {
    const MON = '2026-11-30';
    expect((await openOn(MON)).length).toBeGreaterThan(0);
    const empty = await admin.post('/admin/bookings/closures', { ...ctx(MON), scope: 'day', reason: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('理由を入力してください');
    expect((await admin.post('/admin/bookings/closures', { ...ctx(MON), scope: 'day', reason: '研修のため' })).status).toBe(303);
    expect(await openOn(MON)).toEqual([]);
    const html = await (await admin.get(dayUrl(MON))).text();
    expect(html).toContain('研修のため');
    const [audit] = await auditFor('booking.closure.add');
    expect(audit?.detail).toMatchObject({ serviceId: SERVICE, allDay: true });
    const closureId = String(audit!.detail!.closureId);
    expect((await admin.post(`/admin/bookings/closures/${closureId}/delete`, ctx(MON))).status).toBe(303);
    expect((await openOn(MON)).length).toBeGreaterThan(0);
    expect(await auditFor('booking.closure.remove')).toHaveLength(1);
  });

  it('blocking one slot removes just that slot', async () => {
    const MON = '2026-12-07';
    expect((await staff.post('/admin/bookings/closures', { ...ctx(MON), scope: 'slot', slot: at('13:00', MON).toISOString(), reason: '会議' })).status).toBe(303);
    const open = (await openOn(MON)).map((s) => s.start.getTime());
    expect(open).not.toContain(at('13:00', MON).getTime());
    expect(open).toContain(at('14:00', MON).getTime());
  });

  it('attended and no-show are recorded', async () => {
    const a = await lineResident('来所 さん');
    const b = await lineResident('欠席 さん');
    const first = await bookFor(a.id, at('15:00'));
    const second = await bookFor(b.id, at('16:00'));
    expect((await staff.post(`/admin/bookings/${first.id}/attendance`, { ...ctx(), status: 'attended' })).status).toBe(303);
    expect((await staff.post(`/admin/bookings/${second.id}/attendance`, { ...ctx(), status: 'no_show' })).status).toBe(303);
    expect((await findBooking(server.deps.db, first.id))?.status).toBe('attended');
    expect((await findBooking(server.deps.db, second.id))?.status).toBe('no_show');
    const html = await (await staff.get(dayUrl())).text();
    expect(html).toContain('来所');
    expect(html).toContain('欠席');
    expect((await auditFor('booking.attendance')).map((r) => r.detail?.status).sort()).toEqual(['attended', 'no_show']);
  });

  it('cancel with a message: the resident gets it on LINE and the seat is free again', async () => {
    const r = await lineResident('取消 さん');
    const booking = await bookFor(r.id, at('17:00'));
    const slotOpen = async () => (await openOn(THU)).some((s) => s.start.getTime() === at('17:00').getTime());
    expect(await slotOpen()).toBe(false);
    const res = await admin.post(`/admin/bookings/${booking.id}/cancel`, { ...ctx(), message: '担当者の急病のため' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('done=cancelled_notified');
    const inbox = JSON.stringify(server.emulator.inbox(r.lineUserId));
    expect(inbox).toContain('担当者の急病のため');
    expect(inbox).toContain('キャンセルとさせていただきました');
    expect((await findBooking(server.deps.db, booking.id))?.status).toBe('cancelled');
    expect(await slotOpen()).toBe(true);
    const audit = (await auditFor('booking.cancel')).find((a) => a.detail?.bookingId === booking.id);
    expect(audit?.detail).toMatchObject({ notified: 'sent' });
    expect(JSON.stringify(audit?.detail)).not.toContain('急病');
  });

  it('cancelling a phone booking just cancels it (nothing is sent)', async () => {
    const [phone] = await server.deps.db.select().from(bookings).where(and(eq(bookings.contactName, '電話 花子'), eq(bookings.status, 'booked')));
    const res = await staff.post(`/admin/bookings/${phone!.id}/cancel`, { ...ctx(), message: '' });
    expect(res.headers.get('location')).toMatch(/done=cancelled$/);
    expect((await findBooking(server.deps.db, phone!.id))?.status).toBe('cancelled');
  });

  it('a cancel message that is too long keeps what was typed', async () => {
    const r = await lineResident('長文 さん');
    const booking = await bookFor(r.id, at('18:00'));
    const long = 'あ'.repeat(201);
    const res = await admin.post(`/admin/bookings/${booking.id}/cancel`, { ...ctx(), message: long });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(long);
    expect((await findBooking(server.deps.db, booking.id))?.status).toBe('booked');
  });

  it('roles: every staff role may use the pages; a visitor is sent to the login page', async () => {
    const counselor = await staffClient(server, 'counselor');
    for (const c of [admin, counselor, staff]) expect((await c.get(dayUrl())).status).toBe(200);
    expect(await (await staff.get(dayUrl())).text()).toContain('href="/admin/bookings"');
    const v = visitor(server);
    const res = await v.get(dayUrl());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/admin/login');
    expect((await v.post('/admin/bookings/closures', { ...ctx(), scope: 'day', reason: 'x' })).status).toBe(303);
    // Without the CSRF token a change is refused.
    expect((await staff.post('/admin/bookings/closures', { ...ctx(), scope: 'day', reason: 'x' }, { csrf: null })).status).toBe(403);
  });
});
