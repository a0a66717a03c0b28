import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { deliveries, eventRsvps, residents, type EventRow } from '../db/schema';
import { resumeDelivery } from '../services/sender';
import { promotionMessages } from './rsvp-messages';
import { promotionDeliveryId } from './rsvp';
import { lowestFreeSeat, seatCounts } from './seats';

/**
 * Seats that open when staff raise or remove the capacity (or publish an event that has a
 * waitlist) go to the waitlist first, in order, to residents still following — not to
 * whoever taps 参加する next. Each promotion and its message's delivery row (keyed by the
 * RSVP, so never two) are written in one batch; the messages are sent right after, and a
 * crash in between leaves them to the recovery sweep. Returns how many were promoted.
 */
export async function promoteIntoOpenSeats(deps: Deps, event: EventRow): Promise<number> {
  const { db } = deps;
  const now = deps.clock.now();
  if (event.status !== 'published' || event.startsAt.getTime() <= now.getTime()) return 0;
  const seats = (await seatCounts(db, [event.id])).get(event.id)!;
  const open = Math.min(seats.waitlisted, event.capacity === null ? seats.waitlisted : event.capacity - seats.going);
  if (open <= 0) return 0;
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
  // Each promotion is followed by its own delivery row (a retry key is unique per row).
  const record = () =>
    db.run(sql`
      insert into deliveries (id, resident_id, method, source_event_id, retry_key, messages, status, attempts, created_at)
      select 'promotion:' || r.id, r.resident_id, 'push', null, ${crypto.randomUUID()}, ${messages}, 'pending', 0, ${now.getTime()}
      from event_rsvps r
      where r.event_id = ${event.id} and r.status = 'going' and r.promoted_at = ${now.getTime()}
        and not exists (select 1 from deliveries d where d.id = 'promotion:' || r.id)
      order by r.position limit 1`);
  const steps = Array.from({ length: open }, () => [promote(), record()] as const).flat();
  await db.batch([steps[0]!, ...steps.slice(1)]);
  const promoted = await db
    .select({ rsvpId: eventRsvps.id, residentId: residents.id, lineUserId: residents.lineUserId })
    .from(eventRsvps)
    .innerJoin(residents, eq(residents.id, eventRsvps.residentId))
    .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.status, 'going'), eq(eventRsvps.promotedAt, now)));
  const pending = promoted.length
    ? await db.select().from(deliveries).where(inArray(deliveries.id, promoted.map((p) => promotionDeliveryId(p.rsvpId))))
    : [];
  for (const delivery of pending) {
    const to = promoted.find((p) => promotionDeliveryId(p.rsvpId) === delivery.id)!;
    await resumeDelivery(deps, delivery, { residentId: to.residentId, lineUserId: to.lineUserId });
  }
  return promoted.length;
}
