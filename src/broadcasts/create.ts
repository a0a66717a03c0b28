// A broadcast is created as a durable job in one db.batch (one transaction): the
// broadcasts row, its recipients frozen by an INSERT … SELECT (numbered into chunks of
// at most 500, LINE's multicast limit) and one broadcast_chunks row per chunk. Freezing
// in the database keeps it fast for 100,000 residents and means a restart sends to
// exactly the people staff saw counted. The request key makes a double submit one job.
import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { broadcasts, events, type BroadcastKind, type EventRow } from '../db/schema';
import { eventMessage } from '../line/cards/event-card';
import type { LineMessage } from '../line/port';
import { audienceProblem, audienceResidentIds, audienceSchema, type Audience } from './audience';
import { LINE_TEXT_MAX } from '../line/limits';

/** LINE's multicast limit. */
export const CHUNK_SIZE = 500;

/** How many frozen recipients chunk n holds: recipients are numbered in order into full chunks, the last one takes the rest. */
export const chunkSize = (recipientCount: number, chunkNo: number) => Math.min(CHUNK_SIZE, recipientCount - CHUNK_SIZE * chunkNo);
/** LINE's limit on one text message, in UTF-16 units (what String#length counts). */
export const MAX_TEXT_LENGTH = LINE_TEXT_MAX;

export interface NewBroadcast {
  kind: BroadcastKind;
  text: string;
  /** An event shown as a card under the text. */
  eventId: string | null;
  audience: Audience;
  scheduledAt: Date;
  requestKey: string;
  createdBy: string;
}

/** Input staff can correct; `message` is Japanese, for display next to the field. */
export class BroadcastInputError extends Error {
  constructor(
    readonly field: 'text' | 'eventId' | 'audience',
    message: string,
  ) {
    super(message);
    this.name = 'BroadcastInputError';
  }
}

/**
 * Creates the broadcast with its recipients frozen now; it goes out when the runner finds
 * it due (scheduledAt ≤ now). Repeating the call with the same requestKey returns the
 * broadcast the first call made (`created: false`).
 */
export async function createBroadcast(deps: Deps, input: NewBroadcast): Promise<{ id: string; recipientCount: number; created: boolean }> {
  const existing = await findByRequestKey(deps, input.requestKey);
  if (existing) return { ...existing, created: false };

  const text = input.text.trim();
  if (!text) throw new BroadcastInputError('text', 'お知らせの本文を入力してください。');
  if (text.length > MAX_TEXT_LENGTH) throw new BroadcastInputError('text', `本文は${MAX_TEXT_LENGTH.toLocaleString('ja-JP')}文字以内にしてください。`);
  const audience = audienceSchema.parse(input.audience);
  const problem = audienceProblem(deps.profile, audience);
  if (problem) throw new BroadcastInputError('audience', problem);
  if (audience.type === 'event' && !(await findEvent(deps, audience.eventId))) {
    throw new BroadcastInputError('audience', '参加者に送るイベントが見つかりません。');
  }
  const card = input.eventId ? await findEvent(deps, input.eventId) : null;
  if (input.eventId && !card) throw new BroadcastInputError('eventId', 'お知らせに付けるイベントが見つかりません。');
  const [reach] = await deps.db.all<{ found: number }>(sql`select exists (${audienceResidentIds(audience)}) as found`);
  if (!Number(reach?.found)) {
    throw new BroadcastInputError('audience', 'この宛先に当てはまる方がいません（お知らせを希望している方がいないか、条件が狭すぎます）。');
  }

  const now = deps.clock.now();
  const messages: LineMessage[] = [{ type: 'text', text }];
  if (card) messages.push(eventMessage(card, { profile: deps.profile, now }));
  const id = crypto.randomUUID();
  const { db } = deps;
  const mine = sql`exists (select 1 from broadcasts where id = ${id})`;
  await db.batch([
    db
      .insert(broadcasts)
      .values({
        id,
        kind: input.kind,
        text,
        eventId: card?.id ?? null,
        audience: JSON.stringify(audience),
        messages: JSON.stringify(messages),
        status: 'scheduled',
        recipientCount: 0,
        chunkCount: 0,
        scheduledAt: input.scheduledAt,
        requestKey: input.requestKey,
        createdBy: input.createdBy,
        createdAt: now,
      })
      // The same request key (a double submit racing this one): that broadcast stands, this batch adds nothing.
      .onConflictDoNothing(),
    db.run(sql`insert into broadcast_recipients (broadcast_id, resident_id, chunk_no, status)
      select ${id}, a.id, (row_number() over (order by a.id) - 1) / ${sql.raw(String(CHUNK_SIZE))}, 'pending'
      from (${audienceResidentIds(audience)}) a where ${mine}`),
    db.run(sql`insert into broadcast_chunks (broadcast_id, chunk_no, status)
      select distinct ${id}, chunk_no, 'pending' from broadcast_recipients where broadcast_id = ${id}`),
    db.run(sql`update broadcasts set
      recipient_count = (select count(*) from broadcast_recipients where broadcast_id = ${id}),
      chunk_count = (select count(*) from broadcast_chunks where broadcast_id = ${id})
      where id = ${id}`),
  ]);
  const stored = await findByRequestKey(deps, input.requestKey);
  if (!stored) throw new Error('broadcast vanished after insert');
  if (stored.id === id) deps.log.info('broadcast.created', { broadcastId: id, kind: input.kind, recipients: stored.recipientCount });
  return { ...stored, created: stored.id === id };
}

async function findByRequestKey(deps: Deps, requestKey: string): Promise<{ id: string; recipientCount: number } | undefined> {
  const [row] = await deps.db
    .select({ id: broadcasts.id, recipientCount: broadcasts.recipientCount })
    .from(broadcasts)
    .where(eq(broadcasts.requestKey, requestKey));
  return row;
}

async function findEvent(deps: Deps, id: string): Promise<EventRow | undefined> {
  const [row] = await deps.db.select().from(events).where(eq(events.id, id));
  return row;
}
