import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { events } from './events';
import { residents } from './residents';

export const BROADCAST_KINDS = ['notice', 'disaster'] as const;
export type BroadcastKind = (typeof BROADCAST_KINDS)[number];

/**
 * scheduled → sending → done · sending → paused (the monthly limit; staff resume it) ·
 * scheduled / paused → cancelled (chunks not yet sent are never sent).
 */
export const BROADCAST_STATUSES = ['scheduled', 'sending', 'paused', 'done', 'cancelled'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

/**
 * A notice to many residents, as a durable job: recipients are frozen into
 * broadcast_recipients (in chunks of at most 500) when it is created, and the LINE
 * messages are frozen here, so every retry sends exactly the same thing.
 */
export const broadcasts = sqliteTable(
  'broadcasts',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: BROADCAST_KINDS }).notNull(),
    /** The notice text as staff wrote it. */
    text: text('text').notNull(),
    /** An event shown as a card under the text. */
    eventId: text('event_id').references(() => events.id),
    /** JSON: { type: 'segment', areas, kinds } | { type: 'event', eventId } | { type: 'all' }. */
    audience: text('audience').notNull(),
    /** JSON array of LINE messages, as sent. */
    messages: text('messages').notNull(),
    status: text('status', { enum: BROADCAST_STATUSES }).notNull(),
    /** Why it stopped, for staff: e.g. monthly_limit. */
    pauseReason: text('pause_reason'),
    recipientCount: integer('recipient_count').notNull(),
    chunkCount: integer('chunk_count').notNull(),
    scheduledAt: integer('scheduled_at', { mode: 'timestamp_ms' }).notNull(),
    /** Idempotency: a double submit of the compose form creates one broadcast. */
    requestKey: text('request_key').notNull().unique(),
    createdBy: text('created_by'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('broadcasts_due_idx').on(t.status, t.scheduledAt)],
);

export type BroadcastRow = typeof broadcasts.$inferSelect;

/** pending → sent (its chunk went) · skipped (blocked the account before its chunk went). */
export const BROADCAST_RECIPIENT_STATUSES = ['pending', 'sent', 'skipped'] as const;

export const broadcastRecipients = sqliteTable(
  'broadcast_recipients',
  {
    broadcastId: text('broadcast_id')
      .notNull()
      .references(() => broadcasts.id),
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id),
    chunkNo: integer('chunk_no').notNull(),
    status: text('status', { enum: BROADCAST_RECIPIENT_STATUSES }).notNull().default('pending'),
  },
  (t) => [primaryKey({ columns: [t.broadcastId, t.residentId] }), index('broadcast_recipients_chunk_idx').on(t.broadcastId, t.chunkNo)],
);

/**
 * pending → sending (prepared: retry key and recipient list fixed, leased) → sent ·
 * failed (LINE refused it for good) · monthly_limit (the job pauses; resumed later with the same key).
 */
export const BROADCAST_CHUNK_STATUSES = ['pending', 'sending', 'sent', 'failed', 'monthly_limit'] as const;
export type BroadcastChunkStatus = (typeof BROADCAST_CHUNK_STATUSES)[number];

export const broadcastChunks = sqliteTable(
  'broadcast_chunks',
  {
    broadcastId: text('broadcast_id')
      .notNull()
      .references(() => broadcasts.id),
    chunkNo: integer('chunk_no').notNull(),
    status: text('status', { enum: BROADCAST_CHUNK_STATUSES }).notNull().default('pending'),
    /** Stored before the first attempt; every retry of this chunk (even after a crash) reuses it. */
    retryKey: text('retry_key'),
    /** JSON array of the LINE user ids sent to, fixed with the retry key. */
    recipients: text('recipients'),
    recipientCount: integer('recipient_count').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    /** A runner holds the chunk until then; past it, another runner may take over. */
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    lineRequestId: text('line_request_id'),
    lastError: text('last_error'),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    primaryKey({ columns: [t.broadcastId, t.chunkNo] }),
    index('broadcast_chunks_status_idx').on(t.broadcastId, t.status),
    check('broadcast_chunks_key_when_sending', sql`${t.status} = 'pending' or ${t.retryKey} is not null`),
  ],
);

export type BroadcastChunkRow = typeof broadcastChunks.$inferSelect;
