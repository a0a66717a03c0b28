import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../deps';
import { deliveries, eventRsvps, events, type EventRow } from '../db/schema';
import type { LineMessage } from '../line/port';
import { eventWhen } from '../line/cards/event-card';
import { insertIf } from '../services/handoff/guarded';
import { activeRsvps, eventFailure, findEvent, type EventFailure } from './events';
import { planParticipantNotices, sendParticipantNotices } from './participant-notices';

const MAX_TRIES = 3;
const ACTIVE = ['going', 'waitlisted'] as const;

export interface CancelOutcome {
  ok: true;
  event: EventRow;
  /** The event was already cancelled: nothing changed and nobody was sent anything. */
  already: boolean;
  /** Residents LINE accepted the notice for. */
  notified: number;
  /** Residents the notice could not reach now (it stays recorded; see the deliveries). */
  notSent: number;
  /** Residents who unfollowed the account: their RSVP is cancelled, nothing is sent. */
  skipped: number;
}

/** The kind notice each participant (going or waiting) gets, in plain Japanese. */
export function cancelNotice(deps: Deps, event: EventRow, reason: string): LineMessage {
  const text = [
    `「${event.title}」（${eventWhen(event)}、${event.placeName}）は、中止することになりました。`,
    reason ? `理由：${reason}` : '',
    'お申し込みいただいていたのに、申し訳ありません。',
    `わからないことは、このLINEか、お電話（${deps.profile.council.phone}）でお気軽にお問い合わせください。`,
  ]
    .filter(Boolean)
    .join('\n');
  return { type: 'text', text };
}

/**
 * Cancels an event (draft or published): every going and waitlisted RSVP becomes
 * cancelled and each of those residents who still follows the account is told, exactly
 * once. The event's status, the RSVPs and the notices' delivery rows (with their retry
 * keys) are one batch, so a crash after it leaves pending deliveries that the recovery
 * sweep finishes, and a crash before it leaves nothing done. The UPDATE of the event only
 * applies if the RSVPs still active are exactly the ones read (so nobody who joined a
 * moment ago is cancelled without a notice); a notice is written only while its RSVP is
 * still active, so a second cancel at the same moment writes none.
 */
export async function cancelEvent(deps: Deps, input: { id: string; reason: string }): Promise<CancelOutcome | EventFailure> {
  const { db } = deps;
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const event = await findEvent(db, input.id);
    if (!event) return eventFailure('not_found');
    if (event.status === 'cancelled') return { ok: true, event, already: true, notified: 0, notSent: 0, skipped: 0 };
    const now = deps.clock.now();
    const rsvps = await activeRsvps(db, event.id);
    const ids = rsvps.map((r) => r.rsvpId);
    const message = cancelNotice(deps, event, input.reason);
    const sends = planParticipantNotices(deps, rsvps, () => [message]);
    const activeCount = (where: SQL) => sql`(select count(*) from ${eventRsvps} where ${where} and ${inArray(eventRsvps.status, [...ACTIVE])})`;
    // The active RSVPs now are exactly those read: as many, and every one read still active.
    const sameRsvps = and(
      sql`${activeCount(eq(eventRsvps.eventId, event.id))} = ${ids.length}`,
      ids.length ? sql`${activeCount(inArray(eventRsvps.id, ids))} = ${ids.length}` : undefined,
    );
    const cancelled = sql`exists (select 1 from ${events} where ${events.id} = ${event.id} and ${events.status} = 'cancelled')`;
    const stillActive = (rsvpId: string) =>
      sql`exists (select 1 from ${eventRsvps} where ${eventRsvps.id} = ${rsvpId} and ${eventRsvps.status} in ('going', 'waitlisted'))`;
    const [updated] = await db.batch([
      db
        .update(events)
        .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
        .where(and(eq(events.id, event.id), eq(events.status, event.status), sameRsvps))
        .returning(),
      ...sends.map((s) => insertIf(db, deliveries, s.delivery, sql`${cancelled} and ${stillActive(s.rsvpId)}`)),
      db
        .update(eventRsvps)
        .set({ status: 'cancelled', seat: null, cancelledAt: now })
        .where(and(eq(eventRsvps.eventId, event.id), inArray(eventRsvps.status, [...ACTIVE]), cancelled)),
    ]);
    // A status change or an RSVP in between: read again and retry on what is there now.
    if (!updated[0]) continue;
    const notified = await sendParticipantNotices(deps, sends);
    return { ok: true, event: updated[0], already: false, notified, notSent: sends.length - notified, skipped: rsvps.length - sends.length };
  }
  return eventFailure('busy');
}

/** How many residents a cancel would tell now (for the confirmation page). */
export async function cancelAudience(deps: Deps, eventId: string): Promise<{ active: number; following: number }> {
  const rows = await activeRsvps(deps.db, eventId);
  return { active: rows.length, following: rows.filter((r) => r.following).length };
}
