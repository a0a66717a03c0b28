import { and, asc, desc, eq, gt, lt, ne } from 'drizzle-orm';
import { cases, deliveries, messages, staffReplies } from '../../db/schema';
import type { Db } from '../../db/types';
import type { LineMessage } from '../../line/port';
import { summarizeForTranscript } from '../../line/transcript';

export interface TranscriptEntry {
  /** Increasing: poll with `after` = the last id seen. */
  id: number;
  direction: 'in' | 'out';
  /** Who spoke: the resident, the bot, or a counselor (staffId). */
  from: 'resident' | 'bot' | 'staff';
  staffId: string | null;
  /** LINE message type ('text', 'flex', …) or the resident's event kind ('text', 'postback', 'follow', …). */
  kind: string;
  /** What was said. Without consent, the resident's text reads 「（同意をいただく前のため…）」. */
  body: string;
  createdAt: Date;
}

/** A counselor's message LINE has not (yet) accepted: the page shows it as 送信中 / 送信できませんでした. */
export interface UnsentReply {
  deliveryId: string;
  staffId: string;
  status: 'pending' | 'failed' | 'monthly_limit';
  text: string;
  createdAt: Date;
}

export interface Transcript {
  caseId: string;
  residentId: string;
  messages: TranscriptEntry[];
  /** The id to pass as `after` next time (unchanged when nothing is new). */
  lastId: number | null;
  unsent: UnsentReply[];
}

export const MAX_TRANSCRIPT_PAGE = 500;

/**
 * The resident's conversation (the whole story, all cases), for the live case view: with
 * `after`, only what came since (the page polls every ~2 s); without, the latest `limit`
 * (`before` pages back). Oldest first.
 */
export async function transcript(
  db: Db,
  caseId: string,
  options: { after?: number; before?: number; limit?: number } = {},
): Promise<Transcript | undefined> {
  const [kase] = await db.select({ residentId: cases.residentId }).from(cases).where(eq(cases.id, caseId));
  if (!kase) return undefined;
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? 200)), MAX_TRANSCRIPT_PAGE);
  const forward = options.after !== undefined;
  const rows = await db
    .select({
      id: messages.id,
      direction: messages.direction,
      kind: messages.kind,
      body: messages.body,
      createdAt: messages.createdAt,
      staffId: staffReplies.staffId,
    })
    .from(messages)
    .leftJoin(staffReplies, eq(staffReplies.deliveryId, messages.deliveryId))
    .where(
      and(
        eq(messages.residentId, kase.residentId),
        forward ? gt(messages.id, options.after!) : undefined,
        options.before !== undefined ? lt(messages.id, options.before) : undefined,
      ),
    )
    .orderBy(forward ? asc(messages.id) : desc(messages.id))
    .limit(limit);
  if (!forward) rows.reverse();
  const entries: TranscriptEntry[] = rows.map((r) => ({
    id: r.id,
    direction: r.direction,
    from: r.direction === 'in' ? 'resident' : r.staffId ? 'staff' : 'bot',
    staffId: r.staffId ?? null,
    kind: r.kind,
    body: r.body,
    createdAt: r.createdAt,
  }));
  const unsentRows = await db
    .select({ deliveryId: deliveries.id, staffId: staffReplies.staffId, status: deliveries.status, messages: deliveries.messages, createdAt: deliveries.createdAt })
    .from(staffReplies)
    .innerJoin(deliveries, eq(deliveries.id, staffReplies.deliveryId))
    .where(and(eq(staffReplies.caseId, caseId), ne(deliveries.status, 'sent')))
    .orderBy(asc(deliveries.createdAt));
  const unsent = unsentRows.map((r) => ({
    deliveryId: r.deliveryId,
    staffId: r.staffId,
    status: r.status as UnsentReply['status'],
    text: (JSON.parse(r.messages) as LineMessage[]).map(summarizeForTranscript).join('\n'),
    createdAt: r.createdAt,
  }));
  return {
    caseId,
    residentId: kase.residentId,
    messages: entries,
    lastId: entries.at(-1)?.id ?? options.after ?? null,
    unsent,
  };
}
