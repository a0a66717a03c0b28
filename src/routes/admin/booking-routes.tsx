import { eq, inArray } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { recordAudit } from '../../auth/audit';
import { requireStaff } from '../../auth/require-staff';
import type { AdminEnv } from '../../auth/types';
import { closureApplies, scheduledSlots } from '../../booking/availability';
import {
  addClosure,
  bookSlot,
  bookingsBetween,
  cancelBooking,
  closureFromRow,
  describeSlotTime,
  findBooking,
  listClosures,
  markAttendance,
  removeClosure,
} from '../../booking/bookings';
import { bookableServices, findBookableService, type BookableService } from '../../booking/service';
import { residents, type StaffRole } from '../../db/schema';
import type { Deps } from '../../deps';
import { sendToResident } from '../../services/sender';
import { addIsoDays, tokyoDate, tokyoParts } from '../../time/tokyo';
import { BookingPage, type BookingView, type DayLines, type FormProblem } from './booking-page';
import { formBody } from './form';
import { MessagePage, renderAdminPage } from './layout';

/**
 * 職員 (staff) manage bookings too: answering the phone and keeping the appointment book is
 * front-desk work, and these pages show no consultation text (topics are never rendered).
 */
export const BOOKING_ROLES: readonly StaffRole[] = ['admin', 'counselor', 'staff'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/;
const MAX_REASON = 100;
const MAX_MESSAGE = 200;

function validDate(v: string | undefined): v is string {
  if (!v || !ISO_DATE.test(v)) return false;
  try {
    tokyoDate(v);
    return true;
  } catch {
    return false;
  }
}

interface Where {
  service: BookableService;
  date: string;
  view: BookingView;
}

function where(deps: Deps, q: Record<string, string | undefined>): Where | undefined {
  const all = bookableServices(deps.profile);
  const service = (q.service && findBookableService(deps.profile, q.service)) || all[0];
  if (!service) return undefined;
  const date = validDate(q.date) ? q.date : tokyoParts(deps.clock.now()).isoDate;
  return { service, date, view: q.view === 'week' ? 'week' : 'day' };
}

const back = (w: Where, done: string) =>
  `/admin/bookings?service=${encodeURIComponent(w.service.id)}&date=${w.date}&view=${w.view}&done=${done}`;

const NOTICES: Record<string, string> = {
  booked: '予約を登録しました。',
  blocked: '受付を止めました。',
  unblocked: '受付を再開しました。',
  attendance: '記録しました。',
  cancelled: '予約をキャンセルしました。',
  cancelled_notified: '予約をキャンセルし、相談者にLINEでお知らせしました。',
  cancelled_not_sent: '予約をキャンセルしました。LINEでのお知らせは届けられませんでした（友だち解除など）。お電話でお知らせください。',
  already: 'この予約は、すでにキャンセルされていました。',
};

async function loadDays(deps: Deps, w: Where) {
  const count = w.view === 'week' ? 7 : 1;
  const from = tokyoDate(w.date);
  const to = tokyoDate(addIsoDays(w.date, count));
  const [rows, closures] = await Promise.all([bookingsBetween(deps.db, [w.service.id], { from, to }), listClosures(deps.db, { from, to })]);
  const mine = closures.filter((c) => closureApplies(w.service, closureFromRow(c)));
  // Every slot the profile schedules, staff blocks shown rather than hidden.
  const slots = scheduledSlots(w.service, { from, to });
  const days: DayLines[] = Array.from({ length: count }, (_, i) => ({ date: addIsoDays(w.date, i), slots: [] }));
  for (const s of slots) {
    const start = s.start.getTime();
    const here = rows.filter((b) => b.slotStart.getTime() === start);
    const day = days.find((d) => d.date === tokyoParts(s.start).isoDate);
    day?.slots.push({
      start: s.start,
      end: s.end,
      seats: w.service.seatsPerSlot,
      held: here.filter((b) => b.status !== 'cancelled').length,
      bookings: here,
      closure: mine.find((c) => c.startsAt.getTime() < s.end.getTime() && c.endsAt.getTime() > start),
    });
  }
  const residentIds = [...new Set(rows.map((b) => b.residentId).filter((id): id is string => Boolean(id)))];
  const named = residentIds.length
    ? await deps.db.select({ id: residents.id, displayName: residents.displayName }).from(residents).where(inArray(residents.id, residentIds))
    : [];
  const names = new Map(named.filter((r) => r.displayName).map((r) => [r.id, r.displayName!]));
  return { days, closures: mine, names };
}

async function page(deps: Deps, c: Context<AdminEnv>, w: Where, extra: { notice?: string; problem?: FormProblem } = {}, status: 200 | 400 = 200) {
  const { days, closures, names } = await loadDays(deps, w);
  const step = w.view === 'week' ? 7 : 1;
  return renderAdminPage(
    c,
    <BookingPage
      staff={c.var.staff}
      services={bookableServices(deps.profile)}
      service={w.service}
      view={w.view}
      date={w.date}
      days={days}
      closures={closures}
      names={names}
      requestKey={crypto.randomUUID()}
      prevDate={addIsoDays(w.date, -step)}
      nextDate={addIsoDays(w.date, step)}
      {...extra}
    />,
    status,
  );
}

function cancelMessage(deps: Deps, service: BookableService, when: string, reason: string): string {
  const dept = deps.profile.departments.find((d) => d.id === service.departmentId);
  const phone = dept?.phone ?? deps.profile.council.phone;
  return [
    `${service.name}のご予約（${when}）は、キャンセルとさせていただきました。`,
    reason ? `理由：${reason}` : '',
    'ご不便をおかけして、申し訳ありません。',
    `あらためてのご予約やご不明な点は、このLINEか、お電話（${phone}）でお気軽にどうぞ。`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** /admin/bookings: day and week views per bookable service, and the staff changes to bookings. */
export function bookingRoutes(deps: Deps) {
  const r = new Hono<AdminEnv>();
  r.use('*', requireStaff(deps, BOOKING_ROLES));
  const none = (c: Context<AdminEnv>) =>
    renderAdminPage(c, <MessagePage title="予約" message="予約できる相談が設定されていません。" staff={c.var.staff} />, 404);
  const audit = (c: Context<AdminEnv>, action: string, detail: Record<string, string | boolean>) =>
    recordAudit(deps.db, { at: deps.clock.now(), actorUserId: c.var.staff.userId, action, detail });

  r.get('/', async (c) => {
    const w = where(deps, c.req.query());
    if (!w) return none(c);
    const done = c.req.query('done');
    return page(deps, c, w, { notice: done ? NOTICES[done] : undefined });
  });

  r.post('/phone', async (c) => {
    const b = await formBody(c);
    const w = where(deps, b);
    if (!w) return none(c);
    const values = { slot: b.slot ?? '', contactName: b.contactName ?? '', contactPhone: b.contactPhone ?? '', requestKey: b.requestKey ?? '' };
    const errors: Record<string, string> = {};
    const name = values.contactName.trim();
    const phone = values.contactPhone.trim();
    if (!name) errors.contactName = 'お名前を入力してください。';
    else if (name.length > 50) errors.contactName = 'お名前は50文字以内で入力してください。';
    if (!PHONE.test(phone.replace(/[\s（）()]/g, ''))) errors.contactPhone = '電話番号を市外局番から入力してください（例：0X-XXXX-XXXX）。';
    const slotStart = new Date(values.slot);
    if (!values.slot || Number.isNaN(slotStart.getTime())) errors.slot = '時間を選んでください。';
    if (!values.requestKey) values.requestKey = crypto.randomUUID();
    if (Object.keys(errors).length) return page(deps, c, w, { problem: { form: 'phone', errors, values } }, 400);
    const result = await bookSlot(deps.db, w.service, {
      slotStart,
      requestKey: `staff:${values.requestKey}`,
      now: deps.clock.now(),
      contact: 'phone',
      contactName: name,
      contactPhone: phone,
      createdBy: c.var.staff.userId,
    });
    if (!result.ok) return page(deps, c, w, { problem: { form: 'phone', errors: { slot: result.message }, values } }, 400);
    if (!result.duplicate) await audit(c, 'booking.create', { bookingId: result.booking.id, serviceId: w.service.id });
    return c.redirect(back(w, 'booked'), 303);
  });

  r.post('/closures', async (c) => {
    const b = await formBody(c);
    const w = where(deps, b);
    if (!w) return none(c);
    const reason = (b.reason ?? '').trim();
    const slot = b.scope === 'slot' ? new Date(b.slot ?? '') : undefined;
    const form = slot ? `closure-${slot.getTime()}` : 'closure';
    let error: string | undefined;
    if (!reason) error = '理由を入力してください（例：研修のため）。';
    else if (reason.length > MAX_REASON) error = `理由は${MAX_REASON}文字以内で入力してください。`;
    if (slot && Number.isNaN(slot.getTime())) return page(deps, c, w, { notice: '止める枠がわかりませんでした。もう一度お選びください。' }, 400);
    if (error) return page(deps, c, w, { problem: { form, errors: { reason: error }, values: { reason: b.reason ?? '' } } }, 400);
    const range = slot
      ? { start: slot, end: new Date(slot.getTime() + w.service.slotMinutes * 60_000), allDay: false }
      : { start: tokyoDate(w.date), end: tokyoDate(addIsoDays(w.date, 1)), allDay: true };
    const row = await addClosure(deps.db, { serviceId: w.service.id, ...range, reason, createdBy: c.var.staff.userId }, deps.clock.now());
    await audit(c, 'booking.closure.add', { closureId: row.id, serviceId: w.service.id, allDay: range.allDay });
    return c.redirect(back(w, 'blocked'), 303);
  });

  r.post('/closures/:id/delete', async (c) => {
    const b = await formBody(c);
    const w = where(deps, b);
    if (!w) return none(c);
    if (await removeClosure(deps.db, c.req.param('id'))) await audit(c, 'booking.closure.remove', { closureId: c.req.param('id') });
    return c.redirect(back(w, 'unblocked'), 303);
  });

  r.post('/:id/attendance', async (c) => {
    const b = await formBody(c);
    const w = where(deps, b);
    if (!w) return none(c);
    if (b.status !== 'attended' && b.status !== 'no_show') return page(deps, c, w, { notice: '来所か欠席を選んでください。' }, 400);
    const result = await markAttendance(deps.db, c.req.param('id'), b.status);
    if ('ok' in result) return page(deps, c, w, { notice: result.message }, 400);
    await audit(c, 'booking.attendance', { bookingId: result.id, status: b.status });
    return c.redirect(back(w, 'attendance'), 303);
  });

  r.post('/:id/cancel', async (c) => {
    const b = await formBody(c);
    const w = where(deps, b);
    if (!w) return none(c);
    const id = c.req.param('id');
    const message = (b.message ?? '').trim();
    if (message.length > MAX_MESSAGE) {
      const problem = { form: `cancel-${id}`, errors: { message: `理由は${MAX_MESSAGE}文字以内で入力してください。` }, values: { message: b.message ?? '' } };
      return page(deps, c, w, { problem }, 400);
    }
    const before = await findBooking(deps.db, id);
    const result = await cancelBooking(deps.db, { bookingId: id, now: deps.clock.now(), by: c.var.staff.userId });
    if (!result.ok) return page(deps, c, w, { notice: result.message }, 400);
    if (result.alreadyCancelled) return c.redirect(back(w, 'already'), 303);
    const booking = result.booking;
    let notified: 'none' | 'sent' | 'not_sent' = 'none';
    if (booking.residentId) {
      const [resident] = await deps.db.select().from(residents).where(eq(residents.id, booking.residentId));
      const service = findBookableService(deps.profile, booking.serviceId) ?? w.service;
      if (resident?.following) {
        const text = cancelMessage(deps, service, describeSlotTime(booking.slotStart, booking.slotEnd), message);
        const outcome = await sendToResident(deps, { to: { residentId: resident.id, lineUserId: resident.lineUserId }, messages: [{ type: 'text', text }] });
        notified = outcome === 'sent' ? 'sent' : 'not_sent';
      } else notified = 'not_sent';
    }
    await audit(c, 'booking.cancel', { bookingId: booking.id, wasStatus: before?.status ?? 'booked', notified });
    return c.redirect(back(w, notified === 'sent' ? 'cancelled_notified' : notified === 'not_sent' ? 'cancelled_not_sent' : 'cancelled'), 303);
  });
  return r;
}
