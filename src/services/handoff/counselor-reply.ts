import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { cases, deliveries, staffReplies } from '../../db/schema';
import type { Db } from '../../db/types';
import { dispatchDelivery, planDelivery, type SendRequest } from '../sender';
import { caseWithContact } from './case-reads';
import { actionWon, insertIf, newActionId } from './guarded';
import { failure, notYours, type HandoffResult } from './result';
import { LINE_TEXT_MAX } from '../../line/limits';

/** LINE's limit for one text message, in UTF-16 code units. */
export const MAX_REPLY_LENGTH = LINE_TEXT_MAX;
const MAX_TRIES = 3;

export type ReplyResult = HandoffResult<{
  deliveryId: string;
  /** 'sent' once LINE accepted it; otherwise the page should say it did not arrive. */
  outcome: 'sent' | 'failed' | 'monthly_limit';
  method: 'reply' | 'push';
}>;

/**
 * A counselor's message to the resident. Only the case's assignee may send. The
 * resident's latest reply token (left unused by the silent bot) is used while fresh;
 * otherwise a push with a retry key stored before the first attempt. The text joins the
 * transcript when LINE accepts it, and the first accepted reply sets first_response_at.
 */
export async function replyToResident(deps: Deps, caseId: string, staffId: string, text: string): Promise<ReplyResult> {
  const body = text.trim();
  if (!body) return failure('invalid', undefined, '返信の本文を入力してください。');
  if (body.length > MAX_REPLY_LENGTH) return failure('invalid', undefined, `返信は ${MAX_REPLY_LENGTH} 文字以内にしてください。`);
  const { db } = deps;
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const found = await caseWithContact(db, caseId);
    if (!found || found.status !== 'claimed' || found.assigneeId !== staffId) return notYours(found);
    const now = deps.clock.now();
    const actionId = newActionId();
    const req: SendRequest = {
      to: { residentId: found.residentId, lineUserId: found.lineUserId },
      messages: [{ type: 'text', text: body }],
      ...(found.replyToken && found.replyTokenAt ? { replyToken: found.replyToken, eventTime: found.replyTokenAt } : {}),
    };
    const delivery = planDelivery(deps, req);
    const won = actionWon(caseId, actionId);
    const [updated] = await db.batch([
      db
        .update(cases)
        // A reply token is single-use: whoever sends takes it (and only the one we read).
        .set({ lastActionId: actionId, replyToken: null, replyTokenAt: null, updatedAt: now })
        .where(
          and(eq(cases.id, caseId), eq(cases.status, 'claimed'), eq(cases.assigneeId, staffId), sql`${cases.replyToken} is ${found.replyToken}`),
        )
        .returning({ id: cases.id }),
      insertIf(db, deliveries, delivery, won),
      insertIf(db, staffReplies, { deliveryId: delivery.id, caseId, staffId, createdAt: now }, won),
    ]);
    if (!updated.length) continue; // the case changed since we read it (a new message, a transfer…): look again
    const outcome = await dispatchDelivery(deps, delivery, req);
    if (outcome === 'sent') {
      await db
        .update(cases)
        .set({ firstResponseAt: deps.clock.now() })
        .where(and(eq(cases.id, caseId), isNull(cases.firstResponseAt)));
    }
    const [row] = await db.select({ method: deliveries.method }).from(deliveries).where(eq(deliveries.id, delivery.id));
    return { ok: true, deliveryId: delivery.id, outcome, method: row?.method ?? delivery.method };
  }
  return failure('busy');
}

/**
 * While a counselor has the case the bot does not answer, so the resident's reply token
 * is still unused: keep the latest one for the counselor's answer.
 */
export async function keepReplyToken(db: Db, caseId: string, replyToken: string, eventTime: Date): Promise<void> {
  await db
    .update(cases)
    .set({ replyToken, replyTokenAt: eventTime })
    // Events may be processed out of order: an older token never replaces a newer one.
    .where(and(eq(cases.id, caseId), eq(cases.status, 'claimed'), or(isNull(cases.replyTokenAt), lte(cases.replyTokenAt, eventTime))));
}
