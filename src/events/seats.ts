import { and, count, inArray, ne, sql } from 'drizzle-orm';
import { eventRsvps } from '../db/schema';
import type { Db } from '../db/types';

export interface SeatCounts {
  going: number;
  waitlisted: number;
}

/** Going and waitlisted RSVPs per event, in one query; ids without RSVPs get zeros. */
export async function seatCounts(db: Db, eventIds: string[]): Promise<Map<string, SeatCounts>> {
  const counts = new Map<string, SeatCounts>(eventIds.map((id) => [id, { going: 0, waitlisted: 0 }]));
  if (eventIds.length === 0) return counts;
  const rows = await db
    .select({ eventId: eventRsvps.eventId, status: eventRsvps.status, n: count() })
    .from(eventRsvps)
    .where(and(inArray(eventRsvps.eventId, [...new Set(eventIds)]), ne(eventRsvps.status, 'cancelled')))
    .groupBy(eventRsvps.eventId, eventRsvps.status);
  for (const row of rows) {
    const entry = counts.get(row.eventId);
    if (!entry) continue;
    if (row.status === 'going') entry.going = row.n;
    else if (row.status === 'waitlisted') entry.waitlisted = row.n;
  }
  return counts;
}

/**
 * The lowest seat of the event that no going RSVP holds and the capacity allows, or null
 * when it is full: 1, or right after a taken seat, so holes left by cancellations fill first.
 */
export const lowestFreeSeat = (eventId: string) => sql`(
  select min(c) from (
    select 1 as c union select seat + 1 from event_rsvps where event_id = ${eventId} and status = 'going'
  )
  where c not in (select seat from event_rsvps where event_id = ${eventId} and status = 'going')
    and c <= coalesce((select capacity from events where id = ${eventId}), c)
)`;
