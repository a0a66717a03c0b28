import { asc, sql } from 'drizzle-orm';
import { events } from '../db/schema';
import type { Db } from '../db/types';
import { seatCounts } from '../events/seats';
import type { CouncilProfile } from '../profile/schema';
import { tokyoIsoOrNull as time } from '../time/iso';


/** `export -- events`: one line per event with its seats; nothing about who joined. */
export async function exportEvents(db: Db, profile: CouncilProfile, write: (row: object) => void): Promise<void> {
  const kinds = new Map(profile.eventKinds.map((k) => [k.id, k.name]));
  const areas = new Map(profile.areas.map((a) => [a.id, a.name]));
  const rows = await db.select().from(events).orderBy(asc(events.startsAt), asc(events.createdAt), sql`rowid`);
  const seats = await seatCounts(db, rows.map((e) => e.id));
  for (const e of rows) {
    const taken = seats.get(e.id)!;
    write({
      id: e.id,
      title: e.title,
      kind: e.kind,
      kind_name: kinds.get(e.kind) ?? null,
      area: e.areaId,
      area_name: areas.get(e.areaId) ?? null,
      place_name: e.placeName,
      starts_at: time(e.startsAt),
      ends_at: time(e.endsAt),
      status: e.status,
      capacity: e.capacity,
      going: taken.going,
      waitlisted: taken.waitlisted,
      fee: e.fee,
      created_by: e.createdBy,
      created_at: time(e.createdAt),
      updated_at: time(e.updatedAt),
      published_at: time(e.publishedAt),
      cancelled_at: time(e.cancelledAt),
    });
  }
}
