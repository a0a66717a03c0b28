// Events as staff manage them: list, create, edit (optimistic, on `version`), publish and
// unpublish. Every change is one conditional UPDATE or INSERT (with what depends on it in
// the same batch): the database checks the precondition at write time (no read-then-write
// race, no interactive transaction).
import { and, asc, desc, eq, gt, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../deps';
import { deliveries, eventRsvps, events, residents, type EventRow, type EventStatus, type RsvpStatus } from '../db/schema';
import type { Db } from '../db/types';
import { insertIf } from '../services/handoff/guarded';
import { changeNoticeMessages, participantChanges } from './change-notice';
import { planParticipantNotices, sendParticipantNotices } from './participant-notices';
import type { EventFields } from './event-input';
import { seatCounts, type SeatCounts } from './seats';

export type EventTab = 'upcoming' | 'drafts' | 'past';
export const EVENT_TABS: readonly EventTab[] = ['upcoming', 'drafts', 'past'];

export type EventFailureReason = 'not_found' | 'conflict' | 'cancelled' | 'capacity' | 'started' | 'busy';

export interface EventFailure {
  ok: false;
  reason: EventFailureReason;
  /** Japanese, for staff: what happened and what to do. */
  message: string;
}

const MESSAGES: Record<EventFailureReason, string> = {
  not_found: 'イベントが見つかりません。',
  conflict: 'この画面を開いている間に、ほかの方がこのイベントを変更しました。入力した内容はそのまま残しています。いま保存されている内容と見比べてから、もう一度保存してください。',
  cancelled: 'このイベントは中止されているため、変更できません。',
  capacity: 'すでに参加が決まっている人数より少ない定員にはできません。',
  started: '始まりの日時が過ぎているため、公開できません。日時を直してから公開してください。',
  busy: 'ほかの操作と重なりました。少し待ってから、もう一度お試しください。',
};

export const eventFailure = (reason: EventFailureReason): EventFailure => ({ ok: false, reason, message: MESSAGES[reason] });

export type EventResult = { ok: true; event: EventRow } | EventFailure;

const LIST_LIMIT = 200;

export interface StaffEventLine {
  event: EventRow;
  seats: SeatCounts;
}

/**
 * これから: published or cancelled events that have not ended, soonest first · 下書き: drafts
 * (never published, or unpublished) · 終わったもの: published or cancelled events that have
 * ended, latest first.
 */
export async function listStaffEvents(db: Db, tab: EventTab, now: Date): Promise<StaffEventLine[]> {
  const shown = ne(events.status, 'draft');
  const query = db.select().from(events);
  const rows =
    tab === 'drafts'
      ? await query.where(eq(events.status, 'draft')).orderBy(asc(events.startsAt)).limit(LIST_LIMIT)
      : tab === 'upcoming'
        ? await query.where(and(shown, gt(events.endsAt, now))).orderBy(asc(events.startsAt)).limit(LIST_LIMIT)
        : await query.where(and(shown, lte(events.endsAt, now))).orderBy(desc(events.startsAt)).limit(LIST_LIMIT);
  const seats = await seatCounts(db, rows.map((e) => e.id));
  return rows.map((event) => ({ event, seats: seats.get(event.id)! }));
}

export async function findEvent(db: Db, id: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row;
}

/**
 * A new draft. The id comes from the form (made when it was shown), so a double submit
 * is one event: the second insert finds the first.
 */
export async function createEvent(db: Db, input: { id: string; fields: EventFields; createdBy: string | null; now: Date }): Promise<{ event: EventRow; created: boolean }> {
  const { id, fields, createdBy, now } = input;
  const [inserted] = await db
    .insert(events)
    .values({ id, ...fields, status: 'draft', version: 1, createdBy, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { event: inserted, created: true };
  return { event: (await findEvent(db, id))!, created: false };
}

const goingCount = (eventId: string) =>
  sql`(select count(*) from ${eventRsvps} where ${eventRsvps.eventId} = ${eventId} and ${eventRsvps.status} = 'going')`;

/**
 * Saves a staff edit made on `version`. Refused when someone changed the event since
 * (conflict), when it is cancelled, or when the capacity would be below the seats taken
 * (checked by the database in the same statement). Lowering the capacity renumbers the
 * seats held to 1..n in RSVP order, so every seat stays within the new capacity (the
 * seat numbers are what cap RSVPs).
 */
export async function updateEvent(deps: Deps, input: { id: string; version: number; fields: EventFields }): Promise<EventResult & { notified?: number }> {
  const { db } = deps;
  const { id, version, fields } = input;
  const now = deps.clock.now();
  const before = await findEvent(db, id);
  if (!before) return eventFailure('not_found');
  const lowered = fields.capacity !== null && (before.capacity === null || fields.capacity < before.capacity);
  // A refused edit leaves the seats alone and tells nobody anything.
  const saved = sql`exists (select 1 from ${events} where ${events.id} = ${id} and ${events.version} = ${version + 1})`;
  const notices = await changeNotices(deps, before, fields);
  const [updated] = await db.batch([
    db
      .update(events)
      .set({ ...fields, version: version + 1, updatedAt: now })
      .where(
        and(
          eq(events.id, id),
          eq(events.version, version),
          ne(events.status, 'cancelled'),
          fields.capacity === null ? undefined : sql`${goingCount(id)} <= ${fields.capacity}`,
        ),
      )
      .returning(),
    ...(lowered ? renumberSeats(db, id, saved) : []),
    ...notices.map((n) => insertIf(db, deliveries, n.delivery, saved)),
  ]);
  if (updated[0]) return { ok: true, event: updated[0], notified: await sendParticipantNotices(deps, notices) };
  const current = await findEvent(db, id);
  if (!current) return eventFailure('not_found');
  if (current.status === 'cancelled') return eventFailure('cancelled');
  if (current.version !== version) return eventFailure('conflict');
  return eventFailure('capacity');
}

/**
 * When a published event's time or place changes, each participant who still follows is
 * told (their delivery rows join the edit's batch, so a crash cannot save one without the other).
 */
async function changeNotices(deps: Deps, before: EventRow, fields: EventFields) {
  const changes = participantChanges(before, fields);
  if (before.status !== 'published' || changes.length === 0) return [];
  const after: EventRow = { ...before, ...fields };
  return planParticipantNotices(deps, await activeRsvps(deps.db, before.id), (p) =>
    changeNoticeMessages(deps, { before, after, changes, mine: p.status === 'going' ? 'going' : 'waitlisted' }),
  );
}

// Two steps so no two going RSVPs ever share a seat mid-statement: park every seat on its
// negative, then number them by RSVP order (position does not change here).
function renumberSeats(db: Db, eventId: string, when: SQL) {
  return [
    db.run(sql`update event_rsvps set seat = -seat where event_id = ${eventId} and status = 'going' and seat > 0 and ${when}`),
    db.run(
      sql`update event_rsvps set seat = (
        select count(*) from event_rsvps held
        where held.event_id = event_rsvps.event_id and held.status = 'going' and held.position <= event_rsvps.position
      ) where event_id = ${eventId} and status = 'going' and seat < 0 and ${when}`,
    ),
  ] as const;
}

/** draft → published. Refused for an event that has already started. */
export async function publishEvent(db: Db, id: string, now: Date): Promise<EventResult & { already?: boolean }> {
  const [row] = await db
    .update(events)
    .set({ status: 'published', publishedAt: now, updatedAt: now })
    .where(and(eq(events.id, id), eq(events.status, 'draft'), gt(events.startsAt, now)))
    .returning();
  if (row) return { ok: true, event: row };
  return explainStatus(db, id, 'published', 'started');
}

/** published → draft: residents no longer see it; RSVPs keep their seats. */
export async function unpublishEvent(db: Db, id: string, now: Date): Promise<EventResult & { already?: boolean }> {
  const [row] = await db
    .update(events)
    .set({ status: 'draft', updatedAt: now })
    .where(and(eq(events.id, id), eq(events.status, 'published')))
    .returning();
  if (row) return { ok: true, event: row };
  return explainStatus(db, id, 'draft', 'busy');
}

/** Why a status change did not apply: done already (fine), gone, cancelled, or `otherwise`. */
async function explainStatus(db: Db, id: string, wanted: EventStatus, otherwise: EventFailureReason): Promise<EventResult & { already?: boolean }> {
  const row = await findEvent(db, id);
  if (!row) return eventFailure('not_found');
  if (row.status === wanted) return { ok: true, event: row, already: true };
  if (row.status === 'cancelled') return eventFailure('cancelled');
  return eventFailure(otherwise);
}

export interface Participant {
  rsvpId: string;
  displayName: string | null;
  status: RsvpStatus;
  seat: number | null;
  /** 1-based place on the waitlist (waitlisted only). */
  waitlistOrder: number | null;
  createdAt: Date;
  promotedAt: Date | null;
  cancelledAt: Date | null;
}

const STATUS_ORDER: Record<RsvpStatus, number> = { going: 0, waitlisted: 1, cancelled: 2 };

/** Everyone who answered 参加する: going, then the waitlist in order, then those who cancelled. */
export async function eventParticipants(db: Db, eventId: string): Promise<Participant[]> {
  const rows = await db
    .select({ rsvp: eventRsvps, displayName: residents.displayName })
    .from(eventRsvps)
    .innerJoin(residents, eq(residents.id, eventRsvps.residentId))
    .where(eq(eventRsvps.eventId, eventId))
    .orderBy(asc(eventRsvps.position));
  rows.sort((a, b) => STATUS_ORDER[a.rsvp.status] - STATUS_ORDER[b.rsvp.status]);
  let waiting = 0;
  return rows.map(({ rsvp, displayName }) => ({
    rsvpId: rsvp.id,
    displayName,
    status: rsvp.status,
    seat: rsvp.seat,
    waitlistOrder: rsvp.status === 'waitlisted' ? ++waiting : null,
    createdAt: rsvp.createdAt,
    promotedAt: rsvp.promotedAt,
    cancelledAt: rsvp.cancelledAt,
  }));
}

/** Active RSVPs (going or waitlisted) of an event with where to reach each resident. */
export function activeRsvps(db: Db, eventId: string) {
  return db
    .select({ rsvpId: eventRsvps.id, status: eventRsvps.status, residentId: residents.id, lineUserId: residents.lineUserId, following: residents.following })
    .from(eventRsvps)
    .innerJoin(residents, eq(residents.id, eventRsvps.residentId))
    .where(and(eq(eventRsvps.eventId, eventId), inArray(eventRsvps.status, ['going', 'waitlisted'])))
    .orderBy(asc(eventRsvps.position));
}
