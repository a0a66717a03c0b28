// Booking reminders (a LINE push the day before and, optionally, on the morning),
// run by the Workers cron and by the Node entry's sweep: one implementation.
//
// Exactly once: a (booking, kind) row in booking_reminders is inserted (ON CONFLICT
// DO NOTHING RETURNING) before anything is sent, carrying the delivery id the sender
// then uses; the delivery row and its retry key (stored before the first attempt)
// make finishing a half-done send safe. A claim left behind by a crash is taken over
// by one later run (a conditional update on its claimed_at) and finished with the
// same retry key. No interactive transactions (TOOLCHAIN.md).
import { and, asc, eq, gt, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { bookingReminders, bookings, deliveries, residents, type BookingReminderRow, type BookingRow, type ReminderKind } from '../db/schema';
import type { Db } from '../db/types';
import type { BookingReminderTimes, CouncilProfile } from '../profile/schema';
import { resumeDelivery, sendToResident, type Recipient } from '../services/sender';
import { addIsoDays, tokyoDate, tokyoParts } from '../time/tokyo';
import { describeSlotTime } from './bookings';
import { findBookableService, type BookableService } from './service';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A reminder stops being worth sending this long before the start (a late one only confuses). */
const CUTOFF_MS: Record<ReminderKind, number> = { day_before: HOUR_MS, morning_of: 30 * MINUTE_MS };
/** A day-before reminder is due at most about 48 h before the start. */
const LOOKAHEAD_MS = 3 * DAY_MS;
/** Two reminders of one booking this close together is spam (e.g. runs straddling a due time). */
const MIN_GAP_MS = 3 * HOUR_MS;
/** Like recovery.ts: a claim this old belongs to a run that died (sends retry for seconds, not minutes). */
const STALE_MS = 2 * MINUTE_MS;
const MAX_ATTEMPTS = 5;
const PER_RUN = 500;

export interface PlannedReminder {
  kind: ReminderKind;
  dueAt: Date;
  /** Not sent at or after this instant. */
  until: Date;
}

/** A service's own reminder times replace the profile's. */
export const reminderTimes = (profile: CouncilProfile, service: BookableService): BookingReminderTimes =>
  service.config.reminders ?? profile.reminders;

/** The reminders a booking should get, earliest first. */
export function plannedReminders(times: BookingReminderTimes, booking: Pick<BookingRow, 'slotStart' | 'createdAt'>): PlannedReminder[] {
  const start = booking.slotStart.getTime();
  const date = tokyoParts(booking.slotStart).isoDate;
  const out: PlannedReminder[] = [];
  const add = (kind: ReminderKind, dueAt: Date) => {
    const until = new Date(start - CUTOFF_MS[kind]);
    // Booked after the reminder was due: the confirmation has just said it all.
    if (dueAt < until && booking.createdAt < dueAt) out.push({ kind, dueAt, until });
  };
  if (times.dayBefore) add('day_before', tokyoDate(addIsoDays(date, -1), times.dayBefore));
  if (times.morningOf) add('morning_of', tokyoDate(date, times.morningOf));
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * What to do at `now` for one booking, given the kinds already recorded: send the latest
 * reminder that is due and still useful; earlier ones it makes redundant (after downtime)
 * are skipped, and nothing earlier than a recorded one is ever sent.
 */
export function chooseReminder(planned: readonly PlannedReminder[], recorded: ReadonlySet<ReminderKind>, now: Date): { send?: PlannedReminder; superseded: PlannedReminder[] } {
  const lastRecorded = planned.findLastIndex((p) => recorded.has(p.kind));
  const open = planned.slice(lastRecorded + 1).filter((p) => p.dueAt <= now && now < p.until);
  const send = open.at(-1);
  return send ? { send, superseded: open.slice(0, -1) } : { superseded: [] };
}

/** The push text: plain, kind, everything needed to come or to change. */
export function reminderText(profile: CouncilProfile, service: BookableService, booking: Pick<BookingRow, 'slotStart' | 'slotEnd'>, now: Date): string {
  const today = tokyoParts(now).isoDate;
  const day = tokyoParts(booking.slotStart).isoDate;
  const relative = day === today ? '本日 ' : day === addIsoDays(today, 1) ? '明日 ' : '';
  const { place, whatToBring } = service.config;
  const dept = profile.departments.find((d) => d.id === service.departmentId);
  const lines: (string | false | undefined)[] = [
    '【ご予約のお知らせ】',
    `${relative}${describeSlotTime(booking.slotStart, booking.slotEnd)} に、「${service.name}」のご予約をいただいています。`,
    '',
    `場所：${place.address}`,
    place.note,
    place.mapUrl && `地図：${place.mapUrl}`,
    whatToBring && `持ち物：${whatToBring}`,
    '',
    'ご都合が悪くなったときや、日時を変えたいときは、「予約の確認・変更・キャンセル」と送ってください。',
    dept?.phone && `お電話でのご連絡は、${dept.name}（${dept.phone}）へどうぞ。`,
    '',
    'お気をつけてお越しください。',
  ];
  return lines.filter((l) => l !== undefined && l !== false).join('\n');
}

export interface ReminderRunSummary {
  sent: number;
  failed: number;
  skipped: number;
  /** Claims a dead run left behind, finished by this one. */
  finished: number;
}

type Outcome = 'sent' | 'failed' | 'monthly_limit';

interface Candidate {
  booking: BookingRow;
  lineUserId: string;
  following: boolean;
}

/**
 * Sends the reminders due at `now`, each at most once, whatever runs overlap or died
 * before. Safe to call as often as one likes.
 */
export async function runDueReminders(deps: Deps, now: Date): Promise<ReminderRunSummary> {
  const summary: ReminderRunSummary = { sent: 0, failed: 0, skipped: 0, finished: 0 };
  const count = (outcome: Outcome | 'skipped') => void (outcome === 'sent' ? summary.sent++ : outcome === 'skipped' ? summary.skipped++ : summary.failed++);

  const stale = await deps.db
    .select()
    .from(bookingReminders)
    .where(and(eq(bookingReminders.status, 'claimed'), lt(bookingReminders.claimedAt, new Date(now.getTime() - STALE_MS))))
    .orderBy(asc(bookingReminders.claimedAt))
    .limit(PER_RUN);
  for (const claim of stale) {
    const outcome = await guarded(deps, claim, () => finishClaim(deps, claim, now));
    if (outcome) {
      summary.finished++;
      count(outcome);
    }
  }

  const candidates = await dueCandidates(deps.db, now);
  const recorded = await recordedKinds(
    deps.db,
    candidates.map((c) => c.booking.id),
  );
  for (const c of candidates) {
    const outcome = await guarded(deps, { bookingId: c.booking.id }, () => remind(deps, c, recorded.get(c.booking.id) ?? new Set(), now));
    if (outcome) count(outcome);
  }
  return summary;
}

/** One reminder's failure (e.g. the database blinked) must not stop the others; its claim is finished later. */
async function guarded<T>(deps: Deps, what: { bookingId: string; kind?: ReminderKind }, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    deps.log.warn('booking.reminder_error', { bookingId: what.bookingId, kind: what.kind ?? null, error: error instanceof Error ? error.name : 'unknown' });
    return undefined;
  }
}

/** LINE bookings with a resident, not cancelled, starting within reach of a reminder. */
async function dueCandidates(db: Db, now: Date): Promise<Candidate[]> {
  return db
    .select({ booking: bookings, lineUserId: residents.lineUserId, following: residents.following })
    .from(bookings)
    .innerJoin(residents, eq(bookings.residentId, residents.id))
    .where(
      and(
        eq(bookings.status, 'booked'),
        eq(bookings.contact, 'line'),
        gt(bookings.slotStart, now),
        lte(bookings.slotStart, new Date(now.getTime() + LOOKAHEAD_MS)),
      ),
    )
    // No limit: reminded bookings stay in this window, so a cap would starve later ones (a few days of bookings is small).
    .orderBy(asc(bookings.slotStart));
}

async function recordedKinds(db: Db, bookingIds: string[]): Promise<Map<string, Set<ReminderKind>>> {
  const out = new Map<string, Set<ReminderKind>>();
  // Chunked: SQLite caps bound parameters per statement.
  for (let i = 0; i < bookingIds.length; i += 200) {
    const rows = await db
      .select({ bookingId: bookingReminders.bookingId, kind: bookingReminders.kind })
      .from(bookingReminders)
      .where(inArray(bookingReminders.bookingId, bookingIds.slice(i, i + 200)));
    for (const r of rows) out.set(r.bookingId, (out.get(r.bookingId) ?? new Set()).add(r.kind));
  }
  return out;
}

async function remind(deps: Deps, c: Candidate, recorded: ReadonlySet<ReminderKind>, now: Date): Promise<Outcome | 'skipped' | undefined> {
  const service = findBookableService(deps.profile, c.booking.serviceId);
  if (!service) return undefined; // removed from the profile: nothing sensible to say
  const { send, superseded } = chooseReminder(plannedReminders(reminderTimes(deps.profile, service), c.booking), recorded, now);
  if (!send) return undefined;
  const bookingId = c.booking.id;
  for (const p of superseded) await recordSkip(deps.db, bookingId, p, 'superseded', now);
  if (!c.following) {
    // Blocked or unfollowed: LINE would refuse the push.
    return (await recordSkip(deps.db, bookingId, send, 'not_following', now)) ? 'skipped' : undefined;
  }

  const deliveryId = crypto.randomUUID();
  if (!(await claim(deps.db, bookingId, send, deliveryId, now))) {
    // Another run holds this kind, or sent another reminder of the booking moments ago.
    return (await recordSkip(deps.db, bookingId, send, 'too_close', now)) ? 'skipped' : undefined;
  }
  const outcome = await sendToResident(deps, {
    to: { residentId: c.booking.residentId!, lineUserId: c.lineUserId },
    messages: [{ type: 'text', text: reminderText(deps.profile, service, c.booking, now) }],
    deliveryId,
  });
  await settle(deps, { bookingId, kind: send.kind }, outcome, now);
  return outcome;
}

/** The claim: one row per (booking, kind), refused on conflict or right after another reminder of the booking. */
async function claim(db: Db, bookingId: string, p: PlannedReminder, deliveryId: string, now: Date): Promise<boolean> {
  const rows = await db.all<{ booking_id: string }>(sql`
    insert into booking_reminders (booking_id, kind, status, delivery_id, due_at, claimed_at, attempts)
    select ${bookingId}, ${p.kind}, 'claimed', ${deliveryId}, ${p.dueAt.getTime()}, ${now.getTime()}, 1
    where not exists (
      select 1 from booking_reminders
      where booking_id = ${bookingId} and status <> 'skipped' and claimed_at > ${now.getTime() - MIN_GAP_MS}
    )
    on conflict do nothing
    returning booking_id`);
  return rows.length > 0;
}

async function recordSkip(db: Db, bookingId: string, p: PlannedReminder, reason: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(bookingReminders)
    .values({ bookingId, kind: p.kind, status: 'skipped', skipReason: reason, dueAt: p.dueAt, claimedAt: now, settledAt: now })
    .onConflictDoNothing()
    .returning({ bookingId: bookingReminders.bookingId });
  return rows.length > 0;
}

async function settle(
  deps: Deps,
  key: { bookingId: string; kind: ReminderKind },
  status: Outcome | 'skipped',
  now: Date,
  skipReason: string | null = null,
): Promise<void> {
  await deps.db
    .update(bookingReminders)
    .set({ status, skipReason, settledAt: now })
    .where(and(eq(bookingReminders.bookingId, key.bookingId), eq(bookingReminders.kind, key.kind), eq(bookingReminders.status, 'claimed')));
  deps.log.info('booking.reminder', { bookingId: key.bookingId, kind: key.kind, outcome: status, ...(skipReason ? { reason: skipReason } : {}) });
}

/**
 * Finishes a claim whose run died: takes it over (only one run wins), then re-sends the
 * recorded push with its stored retry key (LINE drops a repeat), or sends it if the
 * delivery was never recorded (then nothing can have gone out).
 */
async function finishClaim(deps: Deps, stale: BookingReminderRow, now: Date): Promise<Outcome | 'skipped' | undefined> {
  const [taken] = await deps.db
    .update(bookingReminders)
    .set({ claimedAt: now, attempts: sql`${bookingReminders.attempts} + 1` })
    .where(
      and(
        eq(bookingReminders.bookingId, stale.bookingId),
        eq(bookingReminders.kind, stale.kind),
        eq(bookingReminders.status, 'claimed'),
        eq(bookingReminders.claimedAt, stale.claimedAt),
      ),
    )
    .returning();
  if (!taken) return undefined;
  const deliveryId = taken.deliveryId!;
  const [delivery] = await deps.db.select().from(deliveries).where(eq(deliveries.id, deliveryId));
  if (delivery && delivery.status !== 'pending') {
    // Sent (or refused) before the run died; recovery may also have finished it.
    await settle(deps, taken, delivery.status, now);
    return delivery.status;
  }

  const [ctx] = await deps.db
    .select({ booking: bookings, lineUserId: residents.lineUserId, following: residents.following })
    .from(bookings)
    .innerJoin(residents, eq(bookings.residentId, residents.id))
    .where(eq(bookings.id, taken.bookingId));
  const service = ctx && findBookableService(deps.profile, ctx.booking.serviceId);
  const planned = ctx && service && plannedReminders(reminderTimes(deps.profile, service), ctx.booking).find((p) => p.kind === taken.kind);
  const useful = ctx && ctx.booking.status === 'booked' && ctx.following && planned && now < planned.until;
  if (!ctx || !service || !useful || taken.attempts > MAX_ATTEMPTS) {
    if (delivery) {
      await deps.db
        .update(deliveries)
        .set({ status: 'failed', lastError: 'reminder_withdrawn' })
        .where(and(eq(deliveries.id, delivery.id), eq(deliveries.status, 'pending')));
    }
    const reason = useful ? 'too_many_attempts' : 'no_longer_useful';
    await settle(deps, taken, useful ? 'failed' : 'skipped', now, reason);
    return useful ? 'failed' : 'skipped';
  }

  const to: Recipient = { residentId: ctx.booking.residentId!, lineUserId: ctx.lineUserId };
  let outcome: Outcome | 'done' = delivery
    ? await resumeDelivery(deps, delivery, to)
    : await sendToResident(deps, { to, messages: [{ type: 'text', text: reminderText(deps.profile, service, ctx.booking, now) }], deliveryId });
  if (outcome === 'done') {
    const [latest] = await deps.db.select({ status: deliveries.status }).from(deliveries).where(eq(deliveries.id, deliveryId));
    if (!latest || latest.status === 'pending') return undefined;
    outcome = latest.status;
  }
  await settle(deps, taken, outcome, now);
  return outcome;
}

/** Which reminders a booking got (for staff pages and tests). */
export async function remindersOf(db: Db, bookingId: string): Promise<BookingReminderRow[]> {
  return db.select().from(bookingReminders).where(eq(bookingReminders.bookingId, bookingId)).orderBy(asc(bookingReminders.dueAt));
}
