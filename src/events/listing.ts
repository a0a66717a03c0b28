// What residents can find: published events that have not started yet.
import { and, asc, eq, gt, inArray, lt, ne, type SQL } from 'drizzle-orm';
import { ALL_TOPICS, eventRsvps, events, type EventRow } from '../db/schema';
import type { Db } from '../db/types';

/** A carousel holds at most 12 cards. */
export const MAX_RESULTS = 12;

export interface EventSearch {
  /** An area id, or '*' for every area. */
  area: string;
  /** Event kind ids; empty for every kind. */
  kinds: readonly string[];
  /** Only events starting after this (now, or the start of a picked day still ahead). */
  from: Date;
  /** Only events starting before this; none for no limit. */
  to?: Date;
}

/** Published events starting in the window, soonest first, at most MAX_RESULTS. */
export async function findUpcomingEvents(db: Db, search: EventSearch): Promise<EventRow[]> {
  const where: (SQL | undefined)[] = [eq(events.status, 'published'), gt(events.startsAt, search.from)];
  if (search.to) where.push(lt(events.startsAt, search.to));
  if (search.area !== ALL_TOPICS) where.push(eq(events.areaId, search.area));
  if (search.kinds.length) where.push(inArray(events.kind, [...search.kinds]));
  return db
    .select()
    .from(events)
    .where(and(...where))
    .orderBy(asc(events.startsAt))
    .limit(MAX_RESULTS);
}

/** Published events not started yet that the resident has joined or waits for, soonest first. */
export async function findJoinedEvents(db: Db, residentId: string, now: Date): Promise<EventRow[]> {
  const rows = await db
    .select({ event: events })
    .from(eventRsvps)
    .innerJoin(events, eq(events.id, eventRsvps.eventId))
    .where(and(eq(eventRsvps.residentId, residentId), ne(eventRsvps.status, 'cancelled'), eq(events.status, 'published'), gt(events.startsAt, now)))
    .orderBy(asc(events.startsAt))
    .limit(MAX_RESULTS);
  return rows.map((r) => r.event);
}

export async function findEvent(db: Db, eventId: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, eventId));
  return row;
}

/** The resident's active RSVPs (going or waitlisted) among these events, by event id. */
export async function myRsvpStatuses(db: Db, residentId: string, eventIds: readonly string[]): Promise<Map<string, 'going' | 'waitlisted'>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .select({ eventId: eventRsvps.eventId, status: eventRsvps.status })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.residentId, residentId), inArray(eventRsvps.eventId, [...eventIds]), ne(eventRsvps.status, 'cancelled')));
  return new Map(rows.flatMap((r) => (r.status === 'cancelled' ? [] : [[r.eventId, r.status] as const])));
}
