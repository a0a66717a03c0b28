// Promotion from the waitlist: a seat that opens (a resident leaves, staff raise or remove
// the capacity, a draft with a waitlist is published) goes to the waitlist first, in order,
// to residents still following — not to whoever taps 参加する next. Each promotion and its
// message's delivery row (keyed by the RSVP, so never two) are written in one batch with
// whatever opened the seat; the messages are sent right after, and a crash in between
// leaves them to the recovery sweep. No interactive transactions (TOOLCHAIN.md).
import type { BatchItem } from 'drizzle-orm/batch';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { deliveries, eventRsvps, residents, type EventRow } from '../db/schema';
import { resumeDelivery } from '../services/sender';
import { promotionMessages } from './rsvp-messages';
import { lowestFreeSeat, seatCounts } from './seats';

const PROMOTION_DELIVERY = 'promotion:';

/** The delivery that tells a promoted resident: one per RSVP, so a repeated promotion batch cannot send it twice. */
export const promotionDeliveryId = (rsvpId: string) => `${PROMOTION_DELIVERY}${rsvpId}`;

/**
 * Batch statements that move up to `n` waitlisted residents into the lowest free seats of a
 * published event that has not started, each followed by its message's delivery row (a retry
 * key is unique per row). They see the writes placed before them in the same batch, such as
 * a cancel that freed a seat.
 */
export function promotionSteps(deps: Deps, event: EventRow, now: Date, n: number): BatchItem<'sqlite'>[] {
  const { db } = deps;
  const messages = JSON.stringify(promotionMessages(deps.profile, event, now));
  const promote = () =>
    db.run(sql`
      update event_rsvps set status = 'going', seat = ${lowestFreeSeat(event.id)}, promoted_at = ${now.getTime()}
      where id = (
        select r.id from event_rsvps r join residents p on p.id = r.resident_id
        where r.event_id = ${event.id} and r.status = 'waitlisted' and p.following = 1
        order by r.position limit 1
      )
      and ${lowestFreeSeat(event.id)} is not null
      and exists (select 1 from events e where e.id = ${event.id} and e.status = 'published' and e.starts_at > ${now.getTime()})`);
  const record = () =>
    db.run(sql`
      insert into deliveries (id, resident_id, method, source_event_id, retry_key, messages, status, attempts, created_at)
      select ${PROMOTION_DELIVERY} || r.id, r.resident_id, 'push', null, ${crypto.randomUUID()}, ${messages}, 'pending', 0, ${now.getTime()}
      from event_rsvps r
      where r.event_id = ${event.id} and r.status = 'going' and r.promoted_at = ${now.getTime()}
        and not exists (select 1 from deliveries d where d.id = ${PROMOTION_DELIVERY} || r.id)
      order by r.position limit 1`);
  return Array.from({ length: n }, () => [promote(), record()]).flat();
}

/** Sends the recorded messages of the residents promoted into the event at `now` (those not sent yet); returns how many were promoted. */
export async function notifyPromoted(deps: Deps, eventId: string, now: Date): Promise<number> {
  const promoted = await deps.db
    .select({ rsvpId: eventRsvps.id, residentId: residents.id, lineUserId: residents.lineUserId })
    .from(eventRsvps)
    .innerJoin(residents, eq(residents.id, eventRsvps.residentId))
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.status, 'going'), eq(eventRsvps.promotedAt, now)));
  const byDelivery = new Map(promoted.map((p) => [promotionDeliveryId(p.rsvpId), p]));
  const recorded = byDelivery.size ? await deps.db.select().from(deliveries).where(inArray(deliveries.id, [...byDelivery.keys()])) : [];
  for (const delivery of recorded) {
    const { residentId, lineUserId } = byDelivery.get(delivery.id)!;
    await resumeDelivery(deps, delivery, { residentId, lineUserId });
  }
  return promoted.length;
}

/** Gives the seats that staff opened (more capacity, or publishing) to the waitlist. Returns how many were promoted. */
export async function promoteIntoOpenSeats(deps: Deps, event: EventRow): Promise<number> {
  const now = deps.clock.now();
  if (event.status !== 'published' || event.startsAt.getTime() <= now.getTime()) return 0;
  const seats = (await seatCounts(deps.db, [event.id])).get(event.id)!;
  const open = Math.min(seats.waitlisted, event.capacity === null ? seats.waitlisted : event.capacity - seats.going);
  if (open <= 0) return 0;
  const [first, ...rest] = promotionSteps(deps, event, now, open);
  await deps.db.batch([first!, ...rest]);
  return notifyPromoted(deps, event.id, now);
}
