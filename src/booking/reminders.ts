// Booking reminders (a LINE push the day before and, optionally, on the morning),
// run by the Workers cron and by the Node entry's sweep: one implementation.
//
// Exactly once (src/services/reminder-runs.ts): a (booking, kind) row in booking_reminders
// is inserted (ON CONFLICT DO NOTHING RETURNING) before anything is sent, carrying the
// delivery id the sender then uses. A claim left behind by a crash is taken over by one
// later run (a conditional update on its claimed_at) and finished with the same retry key.
import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { bookingReminders, bookings, residents, type BookingReminderRow, type BookingRow, type ReminderKind } from '../db/schema';
import type { Db } from '../db/types';
import type { BookingReminderTimes, CouncilProfile } from '../profile/schema';
import {
  claimAndSend,
  DAY_BEFORE_CUTOFF_MS,
  finishTakenClaim,
  REMINDER_LOOKAHEAD_MS,
  reminderRun,
  staleClaims,
  startDayWord,
  type ReminderOutcome,
  type ReminderResult,
  type ReminderRunSummary,
  type ReminderSend,
  type TakenClaimPlan,
} from '../services/reminder-runs';
import { addIsoDays, tokyoDate, tokyoParts } from '../time/tokyo';
import { describeSlotTime } from './bookings';
import { findBookableService, type BookableService } from './service';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** A reminder stops being worth sending this long before the start (a late one only confuses). */
const CUTOFF_MS: Record<ReminderKind, number> = { day_before: DAY_BEFORE_CUTOFF_MS, morning_of: 30 * MINUTE_MS };
/** Two reminders of one booking this close together is spam (e.g. runs straddling a due time). */
const MIN_GAP_MS = 3 * HOUR_MS;
const MAX_ATTEMPTS = 5;

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
  const { place, whatToBring } = service.config;
  const dept = profile.departments.find((d) => d.id === service.departmentId);
  const lines: (string | false | undefined)[] = [
    '【ご予約のお知らせ】',
    `${startDayWord(booking.slotStart, now)}${describeSlotTime(booking.slotStart, booking.slotEnd)} に、「${service.name}」のご予約をいただいています。`,
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
  const run = reminderRun(deps, 'booking.reminder_error');
  for (const claim of await staleClaims(deps.db, bookingReminders, now)) {
    await run.finish({ bookingId: claim.bookingId, kind: claim.kind }, () => finishClaim(deps, claim, now));
  }

  const candidates = await dueCandidates(deps.db, now);
  const recorded = await recordedKinds(
    deps.db,
    candidates.map((c) => c.booking.id),
  );
  for (const c of candidates) {
    await run.remind({ bookingId: c.booking.id, kind: null }, () => remind(deps, c, recorded.get(c.booking.id) ?? new Set(), now));
  }
  return run.summary;
}

/** What a reminder needs about a booking: the booking and whom to push to. */
const bookingsWithResident = (db: Db) =>
  db
    .select({ booking: bookings, lineUserId: residents.lineUserId, following: residents.following })
    .from(bookings)
    .innerJoin(residents, eq(bookings.residentId, residents.id));

/** LINE bookings with a resident, not cancelled, starting within reach of a reminder. */
async function dueCandidates(db: Db, now: Date): Promise<Candidate[]> {
  return bookingsWithResident(db)
    .where(
      and(
        eq(bookings.status, 'booked'),
        eq(bookings.contact, 'line'),
        gt(bookings.slotStart, now),
        lte(bookings.slotStart, new Date(now.getTime() + REMINDER_LOOKAHEAD_MS)),
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

async function remind(deps: Deps, c: Candidate, recorded: ReadonlySet<ReminderKind>, now: Date): Promise<ReminderResult> {
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

  const outcome = await claimAndSend(
    deps,
    (deliveryId) => claim(deps.db, bookingId, send, deliveryId, now),
    reminderSend(deps.profile, service, c, now),
    (status) => settle(deps, { bookingId, kind: send.kind }, status, now),
  );
  // Refused: another run holds this kind, or sent another reminder of the booking moments ago.
  return outcome ?? ((await recordSkip(deps.db, bookingId, send, 'too_close', now)) ? 'skipped' : undefined);
}

const reminderSend = (profile: CouncilProfile, service: BookableService, c: Candidate, now: Date): ReminderSend => ({
  to: { residentId: c.booking.residentId!, lineUserId: c.lineUserId },
  messages: [{ type: 'text', text: reminderText(profile, service, c.booking, now) }],
});

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
  status: ReminderOutcome | 'skipped',
  now: Date,
  skipReason: string | null = null,
): Promise<void> {
  await deps.db
    .update(bookingReminders)
    .set({ status, skipReason, settledAt: now })
    .where(and(eq(bookingReminders.bookingId, key.bookingId), eq(bookingReminders.kind, key.kind), eq(bookingReminders.status, 'claimed')));
  deps.log.info('booking.reminder', { bookingId: key.bookingId, kind: key.kind, outcome: status, ...(skipReason ? { reason: skipReason } : {}) });
}

/** Finishes a claim whose run died, once this run has taken it over (only one run wins). */
async function finishClaim(deps: Deps, stale: BookingReminderRow, now: Date): Promise<ReminderResult> {
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
  return finishTakenClaim(
    deps,
    taken.deliveryId!,
    () => takenClaimPlan(deps, taken, now),
    (status, reason) => settle(deps, taken, status, now, reason),
  );
}

/** The reminder a taken-over claim still owes, unless the booking, the resident or the clock no longer want it. */
async function takenClaimPlan(deps: Deps, taken: BookingReminderRow, now: Date): Promise<TakenClaimPlan> {
  const [ctx] = await bookingsWithResident(deps.db).where(eq(bookings.id, taken.bookingId));
  const service = ctx && findBookableService(deps.profile, ctx.booking.serviceId);
  const planned = ctx && service && plannedReminders(reminderTimes(deps.profile, service), ctx.booking).find((p) => p.kind === taken.kind);
  const useful = ctx && ctx.booking.status === 'booked' && ctx.following && planned && now < planned.until;
  if (!ctx || !service || !useful) return { withdraw: 'skipped', reason: 'no_longer_useful' };
  if (taken.attempts > MAX_ATTEMPTS) return { withdraw: 'failed', reason: 'too_many_attempts' };
  return reminderSend(deps.profile, service, ctx, now);
}

/** Which reminders a booking got (for staff pages and tests). */
export async function remindersOf(db: Db, bookingId: string): Promise<BookingReminderRow[]> {
  return db.select().from(bookingReminders).where(eq(bookingReminders.bookingId, bookingId)).orderBy(asc(bookingReminders.dueAt));
}
