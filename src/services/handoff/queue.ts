import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { cases, residents, type CaseStatus } from '../../db/schema';
import type { Db } from '../../db/types';
import type { Category, CrisisKind, Urgency } from '../../engine/taxonomy';

export type QueueView = 'waiting' | 'mine' | 'all';

export interface QueueQuery {
  /** waiting: the counselor queue · mine: cases this counselor has · all: waiting and claimed by anyone. */
  view: QueueView;
  /** Required for 'mine'. */
  staffId?: string;
  limit?: number;
  offset?: number;
}

/** One line of the queue page. No resident words here: those are read in the case view (which is audited). */
export interface QueueItem {
  id: string;
  residentId: string;
  displayName: string | null;
  category: Category;
  urgency: Urgency;
  crisisKinds: CrisisKind[];
  departmentId: string;
  areaId: string | null;
  status: CaseStatus;
  assigneeId: string | null;
  waitingSince: Date | null;
  claimedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const MAX_QUEUE_PAGE = 200;

const WITH_PEOPLE = inArray(cases.status, ['waiting', 'claimed']);

function viewFilter(query: QueueQuery): SQL {
  switch (query.view) {
    case 'waiting':
      return eq(cases.status, 'waiting');
    case 'mine':
      if (!query.staffId) throw new Error("listQueue: view 'mine' needs staffId");
      return and(eq(cases.assigneeId, query.staffId), eq(cases.status, 'claimed'))!;
    case 'all':
      return WITH_PEOPLE;
  }
}

/**
 * The queue in the order counselors take it: crisis, then urgent, then normal, and within
 * each the longest waiting first (then the order cases were opened). Served by the
 * (status, urgency_order, waiting_since) and (assignee_id, status, …) indexes; 'all'
 * sorts the waiting and claimed cases (bench/queue.ts: a few ms with 10,000 of them).
 */
export async function listQueue(db: Db, query: QueueQuery): Promise<QueueItem[]> {
  const rows = await queueQuery(db, query);
  return rows.map((r) => ({ ...r, crisisKinds: r.crisisKinds ? (r.crisisKinds.split(',') as CrisisKind[]) : [] }));
}

/** listQueue's query (exported for bench/queue.ts, which prints its plan). */
export function queueQuery(db: Db, query: QueueQuery) {
  const limit = Math.min(Math.max(1, Math.trunc(query.limit ?? 50)), MAX_QUEUE_PAGE);
  const offset = Math.max(0, Math.trunc(query.offset ?? 0));
  return db
    .select({
      id: cases.id,
      residentId: cases.residentId,
      displayName: residents.displayName,
      category: cases.category,
      urgency: cases.urgency,
      crisisKinds: cases.crisisKinds,
      departmentId: cases.departmentId,
      areaId: cases.areaId,
      status: cases.status,
      assigneeId: cases.assigneeId,
      waitingSince: cases.waitingSince,
      claimedAt: cases.claimedAt,
      createdAt: cases.createdAt,
      updatedAt: cases.updatedAt,
    })
    .from(cases)
    .innerJoin(residents, eq(residents.id, cases.residentId))
    .where(viewFilter(query))
    .orderBy(asc(cases.urgencyOrder), asc(cases.waitingSince), asc(sql`${cases}.rowid`))
    .limit(limit)
    .offset(offset);
}

export interface UrgencyCounts {
  crisis: number;
  urgent: number;
  normal: number;
  total: number;
}

export interface QueueCounts {
  waiting: UrgencyCounts;
  claimed: UrgencyCounts;
  /** Only when a staffId was given: the cases this counselor has. */
  mine?: UrgencyCounts;
}

const ORDER_TO_URGENCY: Record<number, Urgency> = { 0: 'crisis', 1: 'urgent', 2: 'normal' };
const emptyCounts = (): UrgencyCounts => ({ crisis: 0, urgent: 0, normal: 0, total: 0 });

/** How many cases wait and are with counselors, per urgency (for the tabs of the queue page). */
export async function queueCounts(db: Db, options: { staffId?: string } = {}): Promise<QueueCounts> {
  const grouped = db
    .select({ status: cases.status, order: cases.urgencyOrder, n: sql<number>`count(*)` })
    .from(cases)
    .where(WITH_PEOPLE)
    .groupBy(cases.status, cases.urgencyOrder);
  const mine = options.staffId
    ? db
        .select({ order: cases.urgencyOrder, n: sql<number>`count(*)` })
        .from(cases)
        .where(and(eq(cases.assigneeId, options.staffId), eq(cases.status, 'claimed')))
        .groupBy(cases.urgencyOrder)
    : undefined;
  const [byStatus, byMine] = await Promise.all([grouped, mine]);
  const counts: QueueCounts = { waiting: emptyCounts(), claimed: emptyCounts() };
  for (const row of byStatus) {
    const bucket = row.status === 'waiting' ? counts.waiting : counts.claimed;
    add(bucket, row.order, Number(row.n));
  }
  if (byMine) {
    counts.mine = emptyCounts();
    for (const row of byMine) add(counts.mine, row.order, Number(row.n));
  }
  return counts;
}

function add(bucket: UrgencyCounts, order: number | null, n: number) {
  const urgency = ORDER_TO_URGENCY[order ?? 2] ?? 'normal';
  bucket[urgency] += n;
  bucket.total += n;
}
