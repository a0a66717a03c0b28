import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { broadcastChunks, broadcasts, type BroadcastChunkStatus, type BroadcastKind, type BroadcastRow, type BroadcastStatus } from '../db/schema';
import { audienceSchema, type Audience } from './audience';
import { chunkSize } from './create';

export interface BroadcastProgress {
  id: string;
  kind: BroadcastKind;
  status: BroadcastStatus;
  pauseReason: string | null;
  recipientCount: number;
  /** Recipients whose chunk LINE accepted. */
  sent: number;
  /** Recipients who blocked the account before their chunk went. */
  skipped: number;
  /** Recipients whose chunk LINE refused for good. */
  failed: number;
  /** Recipients not sent yet (for a cancelled broadcast: never to be sent). */
  remaining: number;
  chunkCount: number;
  chunksSent: number;
  scheduledAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  text: string;
  eventId: string | null;
  audience: Audience;
  createdBy: string | null;
  createdAt: Date;
}

const PAGE = 100;

export async function getBroadcastProgress(deps: Pick<Deps, 'db'>, id: string): Promise<BroadcastProgress | null> {
  const rows = await deps.db.select().from(broadcasts).where(eq(broadcasts.id, id));
  return (await withProgress(deps, rows))[0] ?? null;
}

/** Newest first, or oldest first (exports page through with `offset`). */
export async function listBroadcasts(deps: Pick<Deps, 'db'>, options: { limit: number; offset?: number; oldestFirst?: boolean }): Promise<BroadcastProgress[]> {
  const order = options.oldestFirst ? [asc(broadcasts.createdAt), sql`rowid`] : [desc(broadcasts.createdAt), sql`rowid desc`];
  const rows = await deps.db
    .select()
    .from(broadcasts)
    .orderBy(...order)
    .limit(options.limit)
    .offset(options.offset ?? 0);
  return withProgress(deps, rows);
}

async function withProgress(deps: Pick<Deps, 'db'>, rows: BroadcastRow[]): Promise<BroadcastProgress[]> {
  const chunks = new Map<string, ChunkCount[]>();
  for (let i = 0; i < rows.length; i += PAGE) {
    const ids = rows.slice(i, i + PAGE).map((r) => r.id);
    for (const c of await preparedChunks(deps, ids)) {
      const list = chunks.get(c.broadcastId);
      if (list) list.push(c);
      else chunks.set(c.broadcastId, [c]);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    pauseReason: r.pauseReason,
    recipientCount: r.recipientCount,
    ...counts(r, chunks.get(r.id) ?? []),
    chunkCount: r.chunkCount,
    scheduledAt: r.scheduledAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    text: r.text,
    eventId: r.eventId,
    audience: audienceSchema.parse(JSON.parse(r.audience)),
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  }));
}

interface ChunkCount {
  broadcastId: string;
  chunkNo: number;
  status: BroadcastChunkStatus;
  recipientCount: number;
}

/**
 * From the chunks alone (at most 200 rows for 100,000 recipients, so staff can watch it
 * live): a prepared chunk's recipient_count is who it was sent to; the rest of the chunk
 * had blocked the account (skipped).
 */
function counts(broadcast: BroadcastRow, chunks: ChunkCount[]): Pick<BroadcastProgress, 'sent' | 'skipped' | 'failed' | 'remaining' | 'chunksSent'> {
  let sent = 0;
  let skipped = 0;
  let failed = 0;
  let chunksSent = 0;
  for (const c of chunks) {
    skipped += chunkSize(broadcast.recipientCount, c.chunkNo) - c.recipientCount;
    if (c.status === 'sent') {
      sent += c.recipientCount;
      chunksSent++;
    } else if (c.status === 'failed') failed += c.recipientCount;
  }
  return { sent, skipped, failed, remaining: broadcast.recipientCount - sent - skipped - failed, chunksSent };
}

/** Chunks that were prepared (pending ones hold no counts yet). */
function preparedChunks(deps: Pick<Deps, 'db'>, ids: string[]): Promise<ChunkCount[]> {
  return deps.db
    .select({ broadcastId: broadcastChunks.broadcastId, chunkNo: broadcastChunks.chunkNo, status: broadcastChunks.status, recipientCount: broadcastChunks.recipientCount })
    .from(broadcastChunks)
    .where(and(inArray(broadcastChunks.broadcastId, ids), ne(broadcastChunks.status, 'pending')));
}
