// The day-before reminder for residents going to an event, run by the Workers cron and the
// Node sweep (src/services/scheduled-work.ts). Exactly once, like booking reminders
// (src/services/reminder-runs.ts): the RSVP's event_reminders row is inserted (ON CONFLICT DO
// NOTHING RETURNING) before anything is sent, carrying the delivery id the sender then uses;
// a claim a dead run left behind is taken over by one later run (a conditional update of claimed_at).
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { eventReminders, eventRsvps, events, residents, type EventRow, type EventRsvpRow } from '../db/schema';
import type { Db } from '../db/types';
import { eventMapUri, eventMessage, eventWhen } from '../line/cards/event-card';
import type { LineMessage } from '../line/port';
import type { CouncilProfile } from '../profile/schema';
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

export interface EventReminderWindow {
  dueAt: Date;
  /** Not sent at or after this instant. */
  until: Date;
}

/** When the reminder for an event is due (the day before, at the profile's dayBefore time); null when the council sends none. */
export function reminderWindow(profile: CouncilProfile, event: Pick<EventRow, 'startsAt'>): EventReminderWindow | null {
  const time = profile.reminders.dayBefore;
  if (!time) return null;
  const dueAt = tokyoDate(addIsoDays(tokyoParts(event.startsAt).isoDate, -1), time);
  const until = new Date(event.startsAt.getTime() - DAY_BEFORE_CUTOFF_MS);
  return dueAt < until ? { dueAt, until } : null;
}

/** Whether an RSVP gets its reminder at `now`: going since before the due time (else its confirmation said it all), and still useful. */
export function isDue(window: EventReminderWindow | null, rsvp: Pick<EventRsvpRow, 'createdAt' | 'promotedAt'>, now: Date): boolean {
  if (!window) return false;
  const goingSince = rsvp.promotedAt ?? rsvp.createdAt;
  return goingSince < window.dueAt && window.dueAt <= now && now < window.until;
}

export function reminderMessages(profile: CouncilProfile, event: EventRow, now: Date): LineMessage[] {
  const lines: (string | null)[] = [
    '【サロン・イベントのお知らせ】',
    `${startDayWord(event.startsAt, now)}${eventWhen(event)} の「${event.title}」に、参加のお申し込みをいただいています。`,
    '',
    `場所：${event.placeName}${event.address ? `（${event.address}）` : ''}`,
    `地図：${eventMapUri(event)}`,
    event.fee ? `参加費：${event.fee}` : null,
    '',
    '行けなくなったときは、下の「参加をやめる」を押してください。お待ちの方にお席をおゆずりします。',
  ];
  return [
    { type: 'text', text: lines.filter((l) => l !== null).join('\n') },
    eventMessage(event, { profile, now, mine: 'going' }),
  ];
}

interface Candidate {
  rsvp: EventRsvpRow;
  event: EventRow;
  lineUserId: string;
  following: boolean;
}

/** Sends the event reminders due at `now`, each at most once, whatever runs overlap or died before. */
export async function runDueEventReminders(deps: Deps, now: Date): Promise<ReminderRunSummary> {
  const run = reminderRun(deps, 'event.reminder_error');
  for (const claim of await staleClaims(deps.db, eventReminders, now)) {
    await run.finish({ rsvpId: claim.rsvpId }, () => finishClaim(deps, claim, now));
  }
  for (const c of await dueCandidates(deps.db, now)) {
    if (!isDue(reminderWindow(deps.profile, c.event), c.rsvp, now)) continue;
    await run.remind({ rsvpId: c.rsvp.id }, () => remind(deps, c, now));
  }
  return run.summary;
}

/** What a reminder needs about an RSVP: the RSVP, its event and whom to push to. */
const rsvpsWithEventAndResident = (db: Db) =>
  db
    .select({ rsvp: eventRsvps, event: events, lineUserId: residents.lineUserId, following: residents.following })
    .from(eventRsvps)
    .innerJoin(events, eq(events.id, eventRsvps.eventId))
    .innerJoin(residents, eq(residents.id, eventRsvps.residentId));

/** Going RSVPs without a reminder row, of published events starting within reach of a reminder. */
async function dueCandidates(db: Db, now: Date): Promise<Candidate[]> {
  return rsvpsWithEventAndResident(db)
    .leftJoin(eventReminders, eq(eventReminders.rsvpId, eventRsvps.id))
    .where(
      and(
        eq(eventRsvps.status, 'going'),
        eq(events.status, 'published'),
        gt(events.startsAt, now),
        lte(events.startsAt, new Date(now.getTime() + REMINDER_LOOKAHEAD_MS)),
        sql`${eventReminders.rsvpId} is null`,
      ),
    )
    // No limit: RSVPs not due yet stay in this window, so a cap would starve later ones (a few days of events is small).
    .orderBy(asc(events.startsAt));
}

async function remind(deps: Deps, c: Candidate, now: Date): Promise<ReminderResult> {
  if (!c.following) {
    // Blocked or unfollowed: LINE would refuse the push.
    return (await recordSkip(deps.db, c.rsvp.id, 'not_following', now)) ? 'skipped' : undefined;
  }
  const outcome = await claimAndSend(
    deps,
    (deliveryId) => claim(deps.db, c.rsvp.id, deliveryId, now),
    reminderSend(deps.profile, c, now),
    (status) => settle(deps, c.rsvp.id, status, now),
  );
  return outcome ?? undefined; // null: another run has it
}

/** The claim: one row per RSVP. */
async function claim(db: Db, rsvpId: string, deliveryId: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(eventReminders)
    .values({ rsvpId, status: 'claimed', deliveryId, claimedAt: now })
    .onConflictDoNothing()
    .returning({ rsvpId: eventReminders.rsvpId });
  return rows.length > 0;
}

const reminderSend = (profile: CouncilProfile, c: Candidate, now: Date): ReminderSend => ({
  to: { residentId: c.rsvp.residentId, lineUserId: c.lineUserId },
  messages: reminderMessages(profile, c.event, now),
});

async function recordSkip(db: Db, rsvpId: string, reason: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(eventReminders)
    .values({ rsvpId, status: 'skipped', skipReason: reason, claimedAt: now, settledAt: now })
    .onConflictDoNothing()
    .returning({ rsvpId: eventReminders.rsvpId });
  return rows.length > 0;
}

async function settle(deps: Deps, rsvpId: string, status: ReminderOutcome | 'skipped', now: Date, skipReason: string | null = null): Promise<void> {
  await deps.db
    .update(eventReminders)
    .set({ status, skipReason, settledAt: now })
    .where(and(eq(eventReminders.rsvpId, rsvpId), eq(eventReminders.status, 'claimed')));
  deps.log.info('event.reminder', { rsvpId, outcome: status, ...(skipReason ? { reason: skipReason } : {}) });
}

/** Finishes a claim whose run died, once this run has taken it over (only one run wins). */
async function finishClaim(deps: Deps, stale: typeof eventReminders.$inferSelect, now: Date): Promise<ReminderResult> {
  const [taken] = await deps.db
    .update(eventReminders)
    .set({ claimedAt: now })
    .where(and(eq(eventReminders.rsvpId, stale.rsvpId), eq(eventReminders.status, 'claimed'), eq(eventReminders.claimedAt, stale.claimedAt)))
    .returning();
  if (!taken) return undefined;
  return finishTakenClaim(
    deps,
    taken.deliveryId!,
    () => takenClaimPlan(deps, taken.rsvpId, now),
    (status, reason) => settle(deps, taken.rsvpId, status, now, reason),
  );
}

/** The reminder a taken-over claim still owes, unless the RSVP, the event, the resident or the clock no longer want it. */
async function takenClaimPlan(deps: Deps, rsvpId: string, now: Date): Promise<TakenClaimPlan> {
  const [ctx] = await rsvpsWithEventAndResident(deps.db).where(eq(eventRsvps.id, rsvpId));
  const window = ctx ? reminderWindow(deps.profile, ctx.event) : null;
  const useful = ctx && window && ctx.rsvp.status === 'going' && ctx.event.status === 'published' && ctx.following && now < window.until;
  if (!ctx || !useful) return { withdraw: 'skipped', reason: 'no_longer_useful' };
  return reminderSend(deps.profile, ctx, now);
}
