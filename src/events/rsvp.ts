// 参加する and 参加をやめる. The seats are held by the database: a partial unique index on
// (event, seat) over going RSVPs, one active RSVP per resident and event, and a unique
// position per event for the waitlist. Joining is one INSERT … SELECT that takes the lowest
// free seat, or the waitlist when there is none, and the next position, all computed inside
// that statement, which SQLite runs under its write lock: no interleaving can overbook or
// reorder the waitlist. No interactive transactions (TOOLCHAIN.md).
import { and, count, eq, lt, ne, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { eventRsvps, residents, type EventRow, type EventRsvpRow } from '../db/schema';
import type { Db } from '../db/types';
import { notifyPromoted, promotionSteps } from './promote';
import { lowestFreeSeat } from './seats';

export type RsvpResult =
  /** earlier: the resident already had an RSVP from an earlier request (the same request again is not "earlier"). */
  | { ok: true; rsvp: EventRsvpRow; ahead: number; earlier: boolean }
  | { ok: false; reason: 'closed' };

export interface RsvpRequest {
  eventId: string;
  residentId: string;
  /** The same key again (a retried step or event) returns the same RSVP. */
  requestKey: string;
  now: Date;
}

const MAX_ATTEMPTS = 3;

/** Takes a seat, or a place on the waitlist when the event is full. Only for a published event that has not started. */
export async function joinEvent(db: Db, req: RsvpRequest): Promise<RsvpResult> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const found = await existing(db, req);
    if (found) return { ok: true, rsvp: found, ahead: await waitingAhead(db, found), earlier: found.requestKey !== req.requestKey };
    const inserted = await insertRsvp(db, req);
    if (inserted) return { ok: true, rsvp: inserted, ahead: await waitingAhead(db, inserted), earlier: false };
    if (!(await isOpen(db, req.eventId, req.now))) return { ok: false, reason: 'closed' };
    // Nothing inserted though the event is open: a twin of this request won; look again.
  }
  throw new Error(`RSVP insert kept conflicting after ${MAX_ATTEMPTS} attempts`);
}

async function existing(db: Db, req: RsvpRequest): Promise<EventRsvpRow | undefined> {
  const [byKey] = await db.select().from(eventRsvps).where(eq(eventRsvps.requestKey, req.requestKey));
  if (byKey) return byKey;
  const [active] = await db
    .select()
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, req.eventId), eq(eventRsvps.residentId, req.residentId), ne(eventRsvps.status, 'cancelled')));
  return active;
}

async function insertRsvp(db: Db, req: RsvpRequest): Promise<EventRsvpRow | undefined> {
  const freeSeat = lowestFreeSeat(req.eventId);
  const id = crypto.randomUUID();
  const rows = await db.all<{ id: string }>(sql`
    insert into event_rsvps (id, event_id, resident_id, status, seat, position, request_key, created_at)
    select ${id}, e.id, ${req.residentId},
      case when ${freeSeat} is null then 'waitlisted' else 'going' end,
      ${freeSeat},
      (select coalesce(max(position), 0) + 1 from event_rsvps where event_id = e.id),
      ${req.requestKey}, ${req.now.getTime()}
    from events e
    where e.id = ${req.eventId} and e.status = 'published' and e.starts_at > ${req.now.getTime()}
    on conflict do nothing
    returning id`);
  if (!rows[0]) return undefined;
  const [row] = await db.select().from(eventRsvps).where(eq(eventRsvps.id, id));
  return row;
}

async function isOpen(db: Db, eventId: string, now: Date): Promise<boolean> {
  const rows = await db.all<{ id: string }>(sql`select id from events where id = ${eventId} and status = 'published' and starts_at > ${now.getTime()}`);
  return rows.length > 0;
}

/** Following residents waiting before this RSVP (0 unless it is waitlisted): the ones a freed seat goes to first. */
export async function waitingAhead(db: Db, rsvp: EventRsvpRow): Promise<number> {
  if (rsvp.status !== 'waitlisted') return 0;
  const [row] = await db
    .select({ n: count() })
    .from(eventRsvps)
    .innerJoin(residents, eq(residents.id, eventRsvps.residentId))
    .where(
      and(
        eq(eventRsvps.eventId, rsvp.eventId),
        eq(eventRsvps.status, 'waitlisted'),
        lt(eventRsvps.position, rsvp.position),
        eq(residents.following, true),
      ),
    );
  return row?.n ?? 0;
}

export type LeaveResult = { ok: true; was: 'going' | 'waitlisted' } | { ok: false; reason: 'none' };

/**
 * 参加をやめる: cancels the resident's RSVP. A seat it frees goes, in the same batch, to the
 * first waitlisted resident still following the account, whose message (a push with a
 * retry key) is recorded in that batch too and sent right after; if this process dies
 * first, the recovery sweep sends it.
 */
export async function leaveEvent(deps: Deps, req: { event: EventRow; residentId: string; now: Date }): Promise<LeaveResult> {
  const { db } = deps;
  const { event, residentId, now } = req;
  const [mine] = await db
    .select()
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.residentId, residentId), ne(eventRsvps.status, 'cancelled')));
  if (!mine) return { ok: false, reason: 'none' };
  const cancel = db
    .update(eventRsvps)
    .set({ status: 'cancelled', seat: null, cancelledAt: now })
    .where(and(eq(eventRsvps.id, mine.id), eq(eventRsvps.status, mine.status)));
  if (mine.status !== 'going' || mine.seat === null) {
    await cancel;
    return { ok: true, was: 'waitlisted' };
  }
  await db.batch([cancel, ...promotionSteps(deps, event, now, 1)]);
  await notifyPromoted(deps, event.id, now);
  return { ok: true, was: 'going' };
}
