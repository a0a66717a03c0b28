// What booking reminders (src/booking/reminders.ts) and event reminders
// (src/events/reminders.ts) do alike: a run's tally, one reminder's failure not stopping
// the others, and sending exactly once through a claim row that carries the delivery id
// chosen before anything is sent, so the delivery row and its retry key make finishing a
// half-done send safe. Which rows are candidates, when a reminder is due, what it says and
// the claim table stay with each kind. No interactive transactions (TOOLCHAIN.md).
import { and, asc, eq, lt } from 'drizzle-orm';
import type { Deps } from '../deps';
import { bookingReminders, deliveries, eventReminders, type BookingReminderRow } from '../db/schema';
import type { Db } from '../db/types';
import type { LogFields } from '../log';
import type { LineMessage } from '../line/port';
import { addIsoDays, tokyoParts } from '../time/tokyo';
import { resumeDelivery, sendToResident, type Recipient } from './sender';

/** Like recovery.ts: a claim this old belongs to a run that died (sends retry for seconds, not minutes). */
const STALE_MS = 2 * 60_000;
const STALE_PER_RUN = 500;

/** Candidates are looked for this far ahead: a day-before reminder is due at most about 48 h before the start. */
export const REMINDER_LOOKAHEAD_MS = 3 * 24 * 60 * 60_000;
/** A day-before reminder is not sent later than this before the start: a late one only confuses. */
export const DAY_BEFORE_CUTOFF_MS = 60 * 60_000;

export type ReminderOutcome = 'sent' | 'failed' | 'monthly_limit';
/** What one reminder came to in this run; undefined when there was nothing for this run to settle. */
export type ReminderResult = ReminderOutcome | 'skipped' | undefined;
/** Records a claim's end: the delivery's outcome, or skipped (with why). */
export type SettleClaim = (status: ReminderOutcome | 'skipped', skipReason?: string) => Promise<void>;

export interface ReminderRunSummary {
  sent: number;
  failed: number;
  skipped: number;
  /** Claims a dead run left behind, finished by this one. */
  finished: number;
}

export interface ReminderSend {
  to: Recipient;
  messages: LineMessage[];
}

/** 「本日 」 or 「明日 」 to put before the time of something starting at `start` (Tokyo days), else nothing. */
export function startDayWord(start: Date, now: Date): string {
  const today = tokyoParts(now).isoDate;
  const day = tokyoParts(start).isoDate;
  return day === today ? '本日 ' : day === addIsoDays(today, 1) ? '明日 ' : '';
}

/** The claims that runs which died left behind, oldest first. */
export function staleClaims(db: Db, table: typeof bookingReminders, now: Date): Promise<BookingReminderRow[]>;
export function staleClaims(db: Db, table: typeof eventReminders, now: Date): Promise<(typeof eventReminders.$inferSelect)[]>;
export function staleClaims(db: Db, table: typeof bookingReminders | typeof eventReminders, now: Date): Promise<unknown[]> {
  return db
    .select()
    .from(table)
    .where(and(eq(table.status, 'claimed'), lt(table.claimedAt, new Date(now.getTime() - STALE_MS))))
    .orderBy(asc(table.claimedAt))
    .limit(STALE_PER_RUN);
}

/** A run's tally. `errorEvent` is logged when one reminder throws (e.g. the database blinked); its claim is finished later. */
export function reminderRun(deps: Deps, errorEvent: string) {
  const summary: ReminderRunSummary = { sent: 0, failed: 0, skipped: 0, finished: 0 };
  const guarded = async (what: LogFields, work: () => Promise<ReminderResult>): Promise<ReminderResult> => {
    try {
      return await work();
    } catch (error) {
      deps.log.warn(errorEvent, { ...what, error: error instanceof Error ? error.name : 'unknown' });
      return undefined;
    }
  };
  const tally = (result: ReminderResult): boolean => {
    if (result === 'sent') summary.sent++;
    else if (result === 'skipped') summary.skipped++;
    else if (result) summary.failed++;
    return result !== undefined;
  };
  return {
    summary,
    /** Finishes a claim a dead run left behind. */
    async finish(what: LogFields, work: () => Promise<ReminderResult>): Promise<void> {
      if (tally(await guarded(what, work))) summary.finished++;
    },
    /** Sends (or skips) one due reminder. */
    async remind(what: LogFields, work: () => Promise<ReminderResult>): Promise<void> {
      tally(await guarded(what, work));
    },
  };
}

/**
 * Claims a reminder with a fresh delivery id, sends with that id, and settles. Null when the
 * claim was refused (another run holds it): nothing was sent.
 */
export async function claimAndSend(
  deps: Deps,
  claim: (deliveryId: string) => Promise<boolean>,
  send: ReminderSend,
  settle: SettleClaim,
): Promise<ReminderOutcome | null> {
  const deliveryId = crypto.randomUUID();
  if (!(await claim(deliveryId))) return null;
  const outcome = await sendToResident(deps, { ...send, deliveryId });
  await settle(outcome);
  return outcome;
}

/** What a claim taken over from a dead run should still do, decided by each kind from its current rows. */
export type TakenClaimPlan = ReminderSend | { withdraw: 'skipped' | 'failed'; reason: string };

/**
 * Finishes a claim this run took over from a dead one: re-sends the recorded push with its
 * stored retry key (LINE drops a repeat), or sends it if the delivery was never recorded
 * (then nothing can have gone out), unless the plan withdraws it.
 */
export async function finishTakenClaim(deps: Deps, deliveryId: string, plan: () => Promise<TakenClaimPlan>, settle: SettleClaim): Promise<ReminderResult> {
  const [delivery] = await deps.db.select().from(deliveries).where(eq(deliveries.id, deliveryId));
  if (delivery && delivery.status !== 'pending') {
    // Sent (or refused) before the run died; recovery may also have finished it.
    await settle(delivery.status);
    return delivery.status;
  }
  const next = await plan();
  if ('withdraw' in next) {
    if (delivery) {
      await deps.db
        .update(deliveries)
        .set({ status: 'failed', lastError: 'reminder_withdrawn' })
        .where(and(eq(deliveries.id, delivery.id), eq(deliveries.status, 'pending')));
    }
    await settle(next.withdraw, next.reason);
    return next.withdraw;
  }
  let outcome: ReminderOutcome | 'done' = delivery ? await resumeDelivery(deps, delivery, next.to) : await sendToResident(deps, { ...next, deliveryId });
  if (outcome === 'done') {
    const [latest] = await deps.db.select({ status: deliveries.status }).from(deliveries).where(eq(deliveries.id, deliveryId));
    if (!latest || latest.status === 'pending') return undefined;
    outcome = latest.status;
  }
  await settle(outcome);
  return outcome;
}
