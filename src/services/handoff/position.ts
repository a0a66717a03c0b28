import { and, desc, eq, gte, isNotNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { cases } from '../../db/schema';
import type { Db } from '../../db/types';
import type { Urgency } from '../../engine/taxonomy';
import type { QueueStanding } from '../../line/render';
import { scheduleStatus } from '../../profile/opening-hours';
import type { CouncilProfile } from '../../profile/schema';
import type { ActiveCase } from './case-reads';

const URGENCY_ORDER: Record<Urgency, number> = { crisis: 0, urgent: 1, normal: 2 };
const RANK: Record<Urgency, number> = { normal: 0, urgent: 1, crisis: 2 };

/** How far back "recent" waits go, how many are read at most, and how few are too few to quote. */
export const WAIT_FIGURES = { days: 30, maxSamples: 200, minSamples: 5 } as const;

/**
 * Where a resident who is entering (or already in) the queue stands: 1 + the waiting
 * cases that come first (higher urgency, or the same urgency and waiting longer).
 * Looked up before the step commits, so the resident's own case may not be waiting yet.
 */
export async function queueStanding(
  db: Db,
  profile: CouncilProfile,
  residentId: string,
  urgency: Urgency,
  active: ActiveCase | undefined,
  now: Date,
): Promise<QueueStanding> {
  const effective = active && RANK[active.urgency] > RANK[urgency] ? active.urgency : urgency;
  const place: Place =
    active?.status === 'waiting' && active.waitingSince && RANK[active.urgency] >= RANK[urgency]
      ? { order: URGENCY_ORDER[effective], since: active.waitingSince, rowid: active.rowid }
      : // Entering now (or moving up to a higher urgency): behind everyone already waiting at that urgency.
        { order: URGENCY_ORDER[effective], since: active?.waitingSince ?? now };
  const [position, typicalWaitMinutes] = await Promise.all([countAhead(db, place, residentId), typicalWait(db, profile, now)]);
  return { position: position + 1, typicalWaitMinutes };
}

/** The 1-based place of a waiting case in the queue (null when it is not waiting). */
export async function positionOfCase(db: Db, caseId: string): Promise<number | null> {
  const [row] = await db
    .select({
      status: cases.status,
      order: cases.urgencyOrder,
      since: cases.waitingSince,
      rowid: sql<number>`${cases}.rowid`,
      residentId: cases.residentId,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row || row.status !== 'waiting' || row.order === null || !row.since) return null;
  return (await countAhead(db, { order: row.order, since: row.since, rowid: row.rowid }, row.residentId)) + 1;
}

/** A place in the queue order (urgency_order, waiting_since, rowid); without a rowid, after all ties. */
interface Place {
  order: number;
  since: Date;
  rowid?: number;
}

async function countAhead(db: Db, place: Place, residentId: string): Promise<number> {
  const sameTime =
    place.rowid === undefined ? eq(cases.waitingSince, place.since) : and(eq(cases.waitingSince, place.since), sql`${cases}.rowid < ${place.rowid}`);
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(cases)
    .where(
      and(
        eq(cases.status, 'waiting'),
        or(
          lt(cases.urgencyOrder, place.order),
          and(eq(cases.urgencyOrder, place.order), or(lt(cases.waitingSince, place.since), sameTime)),
        ),
        ne(cases.residentId, residentId),
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * The median time, in minutes, from asking for a person to a counselor taking the case,
 * over recent cases. Only requests made while counselors were reading count: a request
 * at night waits for the morning whatever the queue, and would drown the figure.
 * Null when there are too few figures to say anything honest.
 */
export async function typicalWait(db: Db, profile: CouncilProfile, now: Date): Promise<number | null> {
  const from = new Date(now.getTime() - WAIT_FIGURES.days * 86_400_000);
  const rows = await db
    .select({ waitingSince: cases.waitingSince, claimedAt: cases.claimedAt })
    .from(cases)
    .where(and(gte(cases.claimedAt, from), lte(cases.claimedAt, now), isNotNull(cases.waitingSince)))
    .orderBy(desc(cases.claimedAt))
    .limit(WAIT_FIGURES.maxSamples);
  const waits = rows
    .filter((r) => r.waitingSince && r.claimedAt && scheduleStatus(profile.accountHours, r.waitingSince).open)
    .map((r) => (r.claimedAt!.getTime() - r.waitingSince!.getTime()) / 60_000)
    .filter((m) => m >= 0)
    .sort((a, b) => a - b);
  if (waits.length < WAIT_FIGURES.minSamples) return null;
  const mid = waits.length >> 1;
  return waits.length % 2 ? waits[mid]! : (waits[mid - 1]! + waits[mid]!) / 2;
}
