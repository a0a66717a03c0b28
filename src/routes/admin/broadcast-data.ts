import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { events } from '../../db/schema';
import type { Db } from '../../db/types';

/** An event staff may attach as a card or address by its participants. */
export interface EventOption {
  id: string;
  title: string;
  kind: string;
  areaId: string;
  placeName: string;
  startsAt: Date;
  endsAt: Date;
}

const columns = {
  id: events.id,
  title: events.title,
  kind: events.kind,
  areaId: events.areaId,
  placeName: events.placeName,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
};

const MAX_OPTIONS = 200;

/** Published events that have not ended yet, soonest first. */
export function openEvents(db: Db, now: Date): Promise<EventOption[]> {
  return db
    .select(columns)
    .from(events)
    .where(and(eq(events.status, 'published'), gt(events.endsAt, now)))
    .orderBy(asc(events.startsAt))
    .limit(MAX_OPTIONS);
}

/** Titles and times of the events named by broadcasts (whatever their state now). */
export async function eventsById(db: Db, ids: readonly (string | null)[]): Promise<Map<string, EventOption>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select(columns).from(events).where(inArray(events.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}
