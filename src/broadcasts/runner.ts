// Sends due broadcasts chunk by chunk, exactly once per recipient, whatever crashes,
// restarts or overlapping runs (the Workers cron, the Node sweep, "send now").
//
// Each chunk is PREPARED before its first attempt by one conditional write: pending →
// sending with a fresh X-Line-Retry-Key, its recipients' LINE ids (those still following;
// the rest are marked skipped in the same batch) and a lease. Every later attempt, by
// this run or by one that takes over an expired lease after a crash, sends exactly that
// list with exactly that key, so LINE answers 409 to anything it already accepted. The
// claim is a single UPDATE whose WHERE picks the chunk, so two runners never hold the
// same chunk at once. No interactive transactions (TOOLCHAIN.md).
import { and, asc, eq, lt, lte, ne, sql } from 'drizzle-orm';
import type { Deps, FanOutBudget } from '../deps';
import { broadcastChunks, broadcastRecipients, broadcasts } from '../db/schema';
import { describeResult, isRetriable, type LineMessage, type LineResult } from '../line/port';
import { RETRY_KEY_MEMORY_MS } from '../line/retry-key';

/** A runner holds a chunk this long per attempt; a crashed runner's chunk is taken over after it. */
const LEASE_MS = 60_000;
/** When the in-run retries are used up (429/5xx), a later run tries the chunk again after this. */
const BACKOFF_MS = 60_000;
/** A longer Retry-After is not slept through: the chunk is left to a run after it. */
const MAX_IN_RUN_WAIT_MS = 30_000;
/** Attempts across all runs before a chunk LINE keeps refusing with 429/5xx is given up as failed. */
const MAX_ATTEMPTS = 12;


interface Chunk {
  chunkNo: number;
  retryKey: string;
  recipients: string[];
  attempts: number;
  leaseUntil: number;
}

/**
 * Starts broadcasts whose time has come and sends chunks of every broadcast that is
 * sending, until nothing is left or the budget (chunks, wall time) is spent; the rest is
 * for the next run. Safe to call as often and as concurrently as one likes.
 */
export async function runDueBroadcasts(deps: Deps, budget: FanOutBudget = deps.fanOut ?? {}): Promise<void> {
  const startedAt = deps.clock.now().getTime();
  let claimed = 0;
  const spent = () =>
    (budget.maxChunks !== undefined && claimed >= budget.maxChunks) ||
    (budget.deadlineMs !== undefined && deps.clock.now().getTime() - startedAt >= budget.deadlineMs);

  const now = deps.clock.now();
  await deps.db
    .update(broadcasts)
    .set({ status: 'sending', startedAt: now })
    .where(and(eq(broadcasts.status, 'scheduled'), lte(broadcasts.scheduledAt, now)));
  const active = await deps.db
    .select({ id: broadcasts.id, messages: broadcasts.messages })
    .from(broadcasts)
    .where(eq(broadcasts.status, 'sending'))
    // A disaster notice goes before any other notice still sending.
    .orderBy(sql`${broadcasts.kind} = 'disaster' desc`, asc(broadcasts.scheduledAt), asc(broadcasts.createdAt));

  for (const broadcast of active) {
    const messages = JSON.parse(broadcast.messages) as LineMessage[];
    await abandonForgottenChunks(deps, broadcast.id);
    while (!spent()) {
      const chunk = await claimChunk(deps, broadcast.id);
      if (!chunk) break;
      claimed++;
      try {
        await sendChunk(deps, broadcast.id, chunk, messages);
      } catch (error) {
        // E.g. the database blinked: the chunk keeps its key and lease, and a later run takes it over.
        deps.log.error('broadcast.chunk_error', { broadcastId: broadcast.id, chunkNo: chunk.chunkNo, error: error instanceof Error ? error.name : 'unknown' });
        break;
      }
    }
    await finishIfDone(deps, broadcast.id);
    if (spent()) return;
  }
}

/**
 * Takes the next chunk of a sending broadcast: one whose lease ran out (its runner died or
 * backed off) first, else the lowest pending one, which is prepared here.
 */
async function claimChunk(deps: Deps, broadcastId: string): Promise<Chunk | null> {
  const { db } = deps;
  const now = deps.clock.now().getTime();
  const leaseUntil = now + LEASE_MS;
  const newKey = crypto.randomUUID();
  const preparedByMe = sql`(select chunk_no from broadcast_chunks where broadcast_id = ${broadcastId} and retry_key = ${newKey})`;
  const [rows] = await db.batch([
    db.all<{ chunk_no: number; retry_key: string; recipients: string; attempts: number }>(sql`
      update broadcast_chunks set
        status = 'sending',
        retry_key = coalesce(retry_key, ${newKey}),
        recipients = case when status = 'pending' then (
          select json_group_array(r.line_user_id) from broadcast_recipients br join residents r on r.id = br.resident_id
          where br.broadcast_id = broadcast_chunks.broadcast_id and br.chunk_no = broadcast_chunks.chunk_no and r.following = 1
        ) else recipients end,
        lease_until = ${leaseUntil}
      where broadcast_id = ${broadcastId}
        and chunk_no = (
          select c.chunk_no from broadcast_chunks c
          where c.broadcast_id = ${broadcastId} and (c.status = 'pending' or (c.status = 'sending' and c.lease_until < ${now}))
          order by c.status = 'pending', c.chunk_no
          limit 1
        )
        and exists (select 1 from broadcasts b where b.id = ${broadcastId} and b.status = 'sending')
      returning chunk_no, retry_key, recipients, attempts`),
    // Only when this claim prepared a pending chunk (a taken-over chunk keeps its old key):
    db.run(sql`update broadcast_chunks set recipient_count = json_array_length(recipients)
      where broadcast_id = ${broadcastId} and retry_key = ${newKey}`),
    // They blocked the account after the broadcast was created: not sent, not counted.
    db.run(sql`update broadcast_recipients set status = 'skipped'
      where broadcast_id = ${broadcastId} and chunk_no = ${preparedByMe} and status = 'pending'
        and resident_id in (select id from residents where following = 0)`),
  ]);
  const row = rows[0];
  if (!row) return null;
  return {
    chunkNo: Number(row.chunk_no),
    retryKey: row.retry_key,
    recipients: JSON.parse(row.recipients) as string[],
    attempts: Number(row.attempts),
    leaseUntil,
  };
}

/**
 * A chunk whose runner vanished more than a day ago (e.g. the machine was off over a
 * weekend) may have reached LINE, and LINE no longer remembers its key: sending it again
 * could give 500 people a second copy, so it is recorded as failed (outcome unknown).
 */
async function abandonForgottenChunks(deps: Deps, broadcastId: string): Promise<void> {
  const cutoff = new Date(deps.clock.now().getTime() - RETRY_KEY_MEMORY_MS);
  const abandoned = await deps.db
    .update(broadcastChunks)
    .set({ status: 'failed', lastError: 'outcome_unknown', leaseUntil: null })
    .where(and(eq(broadcastChunks.broadcastId, broadcastId), eq(broadcastChunks.status, 'sending'), lt(broadcastChunks.leaseUntil, cutoff)))
    .returning({ chunkNo: broadcastChunks.chunkNo });
  for (const { chunkNo } of abandoned) deps.log.warn('broadcast.chunk_abandoned', { broadcastId, chunkNo });
}

/** Multicasts the prepared chunk with its stored key, retrying 429/5xx with backoff, and records the outcome. */
async function sendChunk(deps: Deps, broadcastId: string, chunk: Chunk, messages: LineMessage[]): Promise<void> {
  // Everyone in it blocked the account: nothing to send (LINE refuses an empty multicast).
  if (chunk.recipients.length === 0) return settleSent(deps, broadcastId, chunk, chunk.attempts, undefined);
  let lease = chunk.leaseUntil;
  for (let tries = 1; ; tries++) {
    const result = await deps.line.multicast(chunk.recipients, messages, chunk.retryKey);
    const attempts = chunk.attempts + tries;
    // 409: LINE already accepted this key (an earlier attempt's answer was lost), so it arrived.
    if (result.ok || result.kind === 'already_accepted') return settleSent(deps, broadcastId, chunk, attempts, result.requestId);
    if (result.kind === 'monthly_limit') return pauseForMonthlyLimit(deps, broadcastId, chunk, attempts);
    if (!isRetriable(result) || attempts >= MAX_ATTEMPTS) return settleFailed(deps, broadcastId, chunk, attempts, result);

    const wait = deps.retry.delaysMs[tries - 1];
    const retryAfter = result.retryAfterMs ?? 0;
    const now = deps.clock.now().getTime();
    if (wait === undefined || retryAfter > MAX_IN_RUN_WAIT_MS) {
      await holdChunk(deps, broadcastId, chunk, lease, attempts, result, now + Math.max(BACKOFF_MS, retryAfter));
      return;
    }
    const delay = Math.max(wait, retryAfter);
    const renewed = await holdChunk(deps, broadcastId, chunk, lease, attempts, result, now + delay + LEASE_MS);
    if (!renewed) return; // another runner took it over (same key): it finishes the chunk
    lease = renewed;
    await deps.sleep(delay);
  }
}

const chunkWhere = (broadcastId: string, chunkNo: number) => and(eq(broadcastChunks.broadcastId, broadcastId), eq(broadcastChunks.chunkNo, chunkNo));

/** Keeps the chunk (same key) until `until`: a renewal while this run retries, or a backoff left to a later run. */
async function holdChunk(deps: Deps, broadcastId: string, chunk: Chunk, lease: number, attempts: number, result: LineResult, until: number): Promise<number | null> {
  const held = await deps.db
    .update(broadcastChunks)
    .set({ attempts, lastError: describeResult(result), leaseUntil: new Date(until) })
    .where(and(chunkWhere(broadcastId, chunk.chunkNo), eq(broadcastChunks.status, 'sending'), eq(broadcastChunks.leaseUntil, new Date(lease))))
    .returning({ chunkNo: broadcastChunks.chunkNo });
  return held.length > 0 ? until : null;
}

async function settleSent(deps: Deps, broadcastId: string, chunk: Chunk, attempts: number, requestId: string | undefined): Promise<void> {
  const now = deps.clock.now();
  // LINE accepted this chunk's key, so whatever state another runner left it in, it was sent.
  await deps.db.batch([
    deps.db
      .update(broadcastChunks)
      .set({ status: 'sent', attempts, lineRequestId: requestId ?? null, lastError: null, leaseUntil: null, sentAt: now })
      .where(and(chunkWhere(broadcastId, chunk.chunkNo), ne(broadcastChunks.status, 'sent'))),
    deps.db
      .update(broadcastRecipients)
      .set({ status: 'sent' })
      .where(and(eq(broadcastRecipients.broadcastId, broadcastId), eq(broadcastRecipients.chunkNo, chunk.chunkNo), eq(broadcastRecipients.status, 'pending'))),
  ]);
}

/**
 * LINE refused for the month: nothing of this chunk went (a chunk is one request), and
 * the whole broadcast waits for staff to resume it; the chunk keeps its key.
 */
async function pauseForMonthlyLimit(deps: Deps, broadcastId: string, chunk: Chunk, attempts: number): Promise<void> {
  await deps.db.batch([
    deps.db
      .update(broadcastChunks)
      .set({ status: 'monthly_limit', attempts, lastError: 'monthly_limit 429', leaseUntil: null })
      .where(and(chunkWhere(broadcastId, chunk.chunkNo), eq(broadcastChunks.status, 'sending'))),
    deps.db
      .update(broadcasts)
      .set({ status: 'paused', pauseReason: 'monthly_limit' })
      .where(and(eq(broadcasts.id, broadcastId), eq(broadcasts.status, 'sending'))),
  ]);
  deps.log.warn('broadcast.paused', { broadcastId, chunkNo: chunk.chunkNo, reason: 'monthly_limit' });
}

async function settleFailed(deps: Deps, broadcastId: string, chunk: Chunk, attempts: number, result: LineResult): Promise<void> {
  await deps.db
    .update(broadcastChunks)
    .set({ status: 'failed', attempts, lastError: describeResult(result), leaseUntil: null, lineRequestId: result.requestId ?? null })
    .where(and(chunkWhere(broadcastId, chunk.chunkNo), eq(broadcastChunks.status, 'sending')));
  deps.log.warn('broadcast.chunk_failed', { broadcastId, chunkNo: chunk.chunkNo, recipients: chunk.recipients.length, error: describeResult(result) });
}

/** Done once no chunk is left to send (failed chunks stay failed and are shown to staff). */
async function finishIfDone(deps: Deps, broadcastId: string): Promise<void> {
  const done = await deps.db
    .update(broadcasts)
    .set({ status: 'done', finishedAt: deps.clock.now() })
    .where(
      and(
        eq(broadcasts.id, broadcastId),
        eq(broadcasts.status, 'sending'),
        sql`not exists (select 1 from broadcast_chunks c where c.broadcast_id = ${broadcastId} and c.status in ('pending', 'sending', 'monthly_limit'))`,
      ),
    )
    .returning({ id: broadcasts.id });
  if (done.length > 0) deps.log.info('broadcast.done', { broadcastId });
}
