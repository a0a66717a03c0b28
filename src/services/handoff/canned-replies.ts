import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { cannedReplies, type CannedReplyRow } from '../../db/schema';
import type { Db } from '../../db/types';
import { MAX_REPLY_LENGTH } from './counselor-reply';
import { failure, type HandoffResult } from './result';

// 定型文. Admins manage them (the pages check the role); counselors pick one into a reply.

const fields = z.object({
  title: z.string().trim().min(1, '題名を入力してください。').max(40, '題名は40文字以内にしてください。'),
  body: z.string().trim().min(1, '本文を入力してください。').max(MAX_REPLY_LENGTH, `本文は ${MAX_REPLY_LENGTH} 文字以内にしてください。`),
  sortOrder: z.number().int().min(0).max(9999).default(0),
});

export type CannedReplyInput = z.input<typeof fields>;

const invalid = (error: z.ZodError) => failure('invalid', undefined, error.issues.map((i) => i.message).join('\n'));

export function listCannedReplies(db: Db): Promise<CannedReplyRow[]> {
  return db.select().from(cannedReplies).orderBy(asc(cannedReplies.sortOrder), asc(cannedReplies.createdAt), asc(sql`rowid`));
}

export async function getCannedReply(db: Db, id: string): Promise<CannedReplyRow | undefined> {
  const [row] = await db.select().from(cannedReplies).where(eq(cannedReplies.id, id));
  return row;
}

export async function createCannedReply(deps: Deps, staffId: string, input: CannedReplyInput): Promise<HandoffResult<{ reply: CannedReplyRow }>> {
  const parsed = fields.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const now = deps.clock.now();
  const row: CannedReplyRow = { id: crypto.randomUUID(), ...parsed.data, createdBy: staffId, updatedBy: staffId, createdAt: now, updatedAt: now };
  await deps.db.insert(cannedReplies).values(row);
  return { ok: true, reply: row };
}

export async function updateCannedReply(
  deps: Deps,
  id: string,
  staffId: string,
  patch: Partial<CannedReplyInput>,
): Promise<HandoffResult<{ reply: CannedReplyRow }>> {
  const parsed = fields.partial().safeParse(patch);
  if (!parsed.success) return invalid(parsed.error);
  const set = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  const [row] = await deps.db
    .update(cannedReplies)
    .set({ ...set, updatedBy: staffId, updatedAt: deps.clock.now() })
    .where(eq(cannedReplies.id, id))
    .returning();
  return row ? { ok: true, reply: row } : failure('not_found', undefined, '定型文が見つかりません。');
}

export async function deleteCannedReply(deps: Deps, id: string): Promise<HandoffResult> {
  const deleted = await deps.db.delete(cannedReplies).where(eq(cannedReplies.id, id)).returning({ id: cannedReplies.id });
  return deleted.length ? { ok: true } : failure('not_found', undefined, '定型文が見つかりません。');
}
