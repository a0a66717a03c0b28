// The day-before reminder for residents going to an event, run by the Workers cron and the
// Node sweep (src/services/scheduled-work.ts). Exactly once, like booking reminders
// (src/booking/reminders.ts): the RSVP's event_reminders row is inserted (ON CONFLICT DO
// NOTHING RETURNING) before anything is sent, carrying the delivery id the sender then uses,
// so the delivery row and its retry key make finishing a half-done send safe; a claim a dead
// run left behind is taken over by one later run (a conditional update of claimed_at).
import { and, asc, eq, gt, lt, lte, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { deliveries, eventReminders, eventRsvps, events, residents, type EventRow, type EventRsvpRow } from '../db/schema';
import type { Db } from '../db/types';
import { eventMapUri, eventMessage, eventWhen } from '../line/cards/event-card';
import type { LineMessage } from '../line/port';
import type { CouncilProfile } from '../profile/schema';
import { resumeDelivery, sendToResident, type Recipient } from '../services/sender';
import { addIsoDays, tokyoDate, tokyoParts } from '../time/tokyo';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Not sent later than this before the start: a late reminder only confuses. */
const CUTOFF_MS = HOUR_MS;
/** A day-before reminder is due at most about 48 h before the start. */
const LOOKAHEAD_MS = 3 * 24 * HOUR_MS;
/** Like recovery.ts: a claim this old belongs to a run that died. */
const STALE_MS = 2 * MINUTE_MS;
const PER_RUN = 500;

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
  const until = new Date(event.startsAt.getTime() - CUTOFF_MS);
  return dueAt < until ? { dueAt, until } : null;
}

/** Whether an RSVP gets its reminder at `now`: going since before the due time (else its confirmation said it all), and still useful. */
export function isDue(window: EventReminderWindow | null, rsvp: Pick<EventRsvpRow, 'createdAt' | 'promotedAt'>, now: Date): boolean {
  if (!window) return false;
  const goingSince = rsvp.promotedAt ?? rsvp.createdAt;
  return goingSince < window.dueAt && window.dueAt <= now && now < window.until;
}

export function reminderMessages(profile: CouncilProfile, event: EventRow, now: Date): LineMessage[] {
  const today = tokyoParts(now).isoDate;
  const day = tokyoParts(event.startsAt).isoDate;
  const relative = day === today ? '本日 ' : day === addIsoDays(today, 1) ? '明日 ' : '';
  const lines: (string | null)[] = [
    '【サロン・イベントのお知らせ】',
    `${relative}${eventWhen(event)} の「${event.title}」に、参加のお申し込みをいただいています。`,
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

export interface EventReminderSummary {
  sent: number;
  failed: number;
  skipped: number;
  /** Claims a dead run left behind, finished by this one. */
  finished: number;
}

type Outcome = 'sent' | 'failed' | 'monthly_limit';

interface Candidate {
  rsvp: EventRsvpRow;
  event: EventRow;
  lineUserId: string;
  following: boolean;
}

/** Sends the event reminders due at `now`, each at most once, whatever runs overlap or died before. */
export async function runDueEventReminders(deps: Deps, now: Date): Promise<EventReminderSummary> {
  const summary: EventReminderSummary = { sent: 0, failed: 0, skipped: 0, finished: 0 };
  const count = (outcome: Outcome | 'skipped') => void (outcome === 'sent' ? summary.sent++ : outcome === 'skipped' ? summary.skipped++ : summary.failed++);

  const stale = await deps.db
    .select()
    .from(eventReminders)
    .where(and(eq(eventReminders.status, 'claimed'), lt(eventReminders.claimedAt, new Date(now.getTime() - STALE_MS))))
    .orderBy(asc(eventReminders.claimedAt))
    .limit(PER_RUN);
  for (const claim of stale) {
    const outcome = await guarded(deps, claim.rsvpId, () => finishClaim(deps, claim, now));
    if (outcome) {
      summary.finished++;
      count(outcome);
    }
  }

  for (const c of await dueCandidates(deps.db, now)) {
    if (!isDue(reminderWindow(deps.profile, c.event), c.rsvp, now)) continue;
    const outcome = await guarded(deps, c.rsvp.id, () => remind(deps, c, now));
    if (outcome) count(outcome);
  }
  return summary;
}

/** One reminder's failure (e.g. the database blinked) must not stop the others; its claim is finished later. */
async function guarded<T>(deps: Deps, rsvpId: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    deps.log.warn('event.reminder_error', { rsvpId, error: error instanceof Error ? error.name : 'unknown' });
    return undefined;
  }
}

/** Going RSVPs without a reminder row, of published events starting within reach of a reminder. */
async function dueCandidates(db: Db, now: Date): Promise<Candidate[]> {
  return db
    .select({ rsvp: eventRsvps, event: events, lineUserId: residents.lineUserId, following: residents.following })
    .from(eventRsvps)
    .innerJoin(events, eq(events.id, eventRsvps.eventId))
    .innerJoin(residents, eq(residents.id, eventRsvps.residentId))
    .leftJoin(eventReminders, eq(eventReminders.rsvpId, eventRsvps.id))
    .where(
      and(
        eq(eventRsvps.status, 'going'),
        eq(events.status, 'published'),
        gt(events.startsAt, now),
        lte(events.startsAt, new Date(now.getTime() + LOOKAHEAD_MS)),
        sql`${eventReminders.rsvpId} is null`,
      ),
    )
    // No limit: RSVPs not due yet stay in this window, so a cap would starve later ones (a few days of events is small).
    .orderBy(asc(events.startsAt));
}

async function remind(deps: Deps, c: Candidate, now: Date): Promise<Outcome | 'skipped' | undefined> {
  if (!c.following) {
    // Blocked or unfollowed: LINE would refuse the push.
    return (await recordSkip(deps.db, c.rsvp.id, 'not_following', now)) ? 'skipped' : undefined;
  }
  const deliveryId = crypto.randomUUID();
  const [claimed] = await deps.db
    .insert(eventReminders)
    .values({ rsvpId: c.rsvp.id, status: 'claimed', deliveryId, claimedAt: now })
    .onConflictDoNothing()
    .returning({ rsvpId: eventReminders.rsvpId });
  if (!claimed) return undefined; // another run has it
  const outcome = await sendToResident(deps, {
    to: { residentId: c.rsvp.residentId, lineUserId: c.lineUserId },
    messages: reminderMessages(deps.profile, c.event, now),
    deliveryId,
  });
  await settle(deps, c.rsvp.id, outcome, now);
  return outcome;
}

async function recordSkip(db: Db, rsvpId: string, reason: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(eventReminders)
    .values({ rsvpId, status: 'skipped', skipReason: reason, claimedAt: now, settledAt: now })
    .onConflictDoNothing()
    .returning({ rsvpId: eventReminders.rsvpId });
  return rows.length > 0;
}

async function settle(deps: Deps, rsvpId: string, status: Outcome | 'skipped', now: Date, skipReason: string | null = null): Promise<void> {
  await deps.db
    .update(eventReminders)
    .set({ status, skipReason, settledAt: now })
    .where(and(eq(eventReminders.rsvpId, rsvpId), eq(eventReminders.status, 'claimed')));
  deps.log.info('event.reminder', { rsvpId, outcome: status, ...(skipReason ? { reason: skipReason } : {}) });
}

/**
 * Finishes a claim whose run died: takes it over (only one run wins), then re-sends the
 * recorded push with its stored retry key (LINE drops a repeat), or sends it if the
 * delivery was never recorded (then nothing can have gone out), while still useful.
 */
async function finishClaim(deps: Deps, stale: typeof eventReminders.$inferSelect, now: Date): Promise<Outcome | 'skipped' | undefined> {
  const [taken] = await deps.db
    .update(eventReminders)
    .set({ claimedAt: now })
    .where(and(eq(eventReminders.rsvpId, stale.rsvpId), eq(eventReminders.status, 'claimed'), eq(eventReminders.claimedAt, stale.claimedAt)))
    .returning();
  if (!taken) return undefined;
  const deliveryId = taken.deliveryId!;
  const [delivery] = await deps.db.select().from(deliveries).where(eq(deliveries.id, deliveryId));
  if (delivery && delivery.status !== 'pending') {
    // Sent (or refused) before the run died; recovery may also have finished it.
    await settle(deps, taken.rsvpId, delivery.status, now);
    return delivery.status;
  }

  const [ctx] = await deps.db
    .select({ rsvp: eventRsvps, event: events, lineUserId: residents.lineUserId, following: residents.following })
    .from(eventRsvps)
    .innerJoin(events, eq(events.id, eventRsvps.eventId))
    .innerJoin(residents, eq(residents.id, eventRsvps.residentId))
    .where(eq(eventRsvps.id, taken.rsvpId));
  const window = ctx ? reminderWindow(deps.profile, ctx.event) : null;
  const useful = ctx && window && ctx.rsvp.status === 'going' && ctx.event.status === 'published' && ctx.following && now < window.until;
  if (!ctx || !useful) {
    if (delivery) {
      await deps.db
        .update(deliveries)
        .set({ status: 'failed', lastError: 'reminder_withdrawn' })
        .where(and(eq(deliveries.id, delivery.id), eq(deliveries.status, 'pending')));
    }
    await settle(deps, taken.rsvpId, 'skipped', now, 'no_longer_useful');
    return 'skipped';
  }

  const to: Recipient = { residentId: ctx.rsvp.residentId, lineUserId: ctx.lineUserId };
  let outcome: Outcome | 'done' = delivery
    ? await resumeDelivery(deps, delivery, to)
    : await sendToResident(deps, { to, messages: reminderMessages(deps.profile, ctx.event, now), deliveryId });
  if (outcome === 'done') {
    const [latest] = await deps.db.select({ status: deliveries.status }).from(deliveries).where(eq(deliveries.id, deliveryId));
    if (!latest || latest.status === 'pending') return undefined;
    outcome = latest.status;
  }
  await settle(deps, taken.rsvpId, outcome, now);
  return outcome;
}
