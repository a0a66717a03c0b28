import { and, sql } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { CASE_OUTCOMES, caseNotes, cases, deliveries, type CaseOutcome, type CaseRow } from '../../db/schema';
import { step } from '../../engine/step';
import { CATEGORIES, type Category } from '../../engine/taxonomy';
import { renderReply } from '../../line/render';
import { dispatchDelivery, planDelivery, type SendRequest } from '../sender';
import { caseWithContact } from './case-reads';
import { actionWon, insertIf, newActionId } from './guarded';
import { checkNote } from './notes';
import { claimedBy, type ActOptions } from './ownership';
import { failure, notYours, type HandoffResult } from './result';
import { currentSession, isStepConflict, nextStepIf } from './steps';

const MAX_TRIES = 5;

export interface CloseWith {
  outcome: CaseOutcome;
  /** The category as the counselor sees it (the bot's guess is kept in triage_category). */
  category: Category;
  /** An optional closing note for staff. */
  note?: string;
}

export type CloseResult = HandoffResult<{
  case: CaseRow;
  /** How the resident's "conversation ended" message went ('sent' when LINE accepted it). */
  message: 'sent' | 'failed' | 'monthly_limit';
}>;

/**
 * Ends the counselor's part: the case is closed with an outcome and a corrected category,
 * the resident gets a short message with the menu, and the bot answers them again from
 * the next message. The close, the hand-back step and that message's delivery commit
 * together; the message is sent after.
 */
export async function closeCase(
  deps: Deps,
  caseId: string,
  staffId: string,
  close: CloseWith,
  options: ActOptions = {},
): Promise<CloseResult> {
  if (!(CASE_OUTCOMES as readonly string[]).includes(close.outcome)) return failure('invalid', undefined, '対応結果を選んでください。');
  if (!(CATEGORIES as readonly string[]).includes(close.category)) return failure('invalid', undefined, '相談の種類を選んでください。');
  const checked = checkNote(close.note ?? '', false);
  if (!checked.ok) return failure('invalid', undefined, checked.message);
  const { db, profile, conversation } = deps;

  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const found = await caseWithContact(db, caseId);
    if (!found || found.status !== 'claimed' || (!options.override && found.assigneeId !== staffId)) return notYours(found);
    const now = deps.clock.now();
    const actionId = newActionId();
    const won = actionWon(caseId, actionId);
    const session = await currentSession(db, conversation, found.residentId);
    const handback = step({ conversation, areas: profile.areas }, session, { kind: 'handback' });
    const next = { ...handback.session, revision: session.revision + 1 };
    const req: SendRequest = {
      to: { residentId: found.residentId, lineUserId: found.lineUserId },
      messages: renderReply(handback.outbox, handback.choices, { profile, now, vars: next.vars }),
      ...(found.replyToken && found.replyTokenAt ? { replyToken: found.replyToken, eventTime: found.replyTokenAt } : {}),
    };
    const delivery = planDelivery(deps, req);
    try {
      const [closed] = await db.batch([
        db
          .update(cases)
          .set({
            status: 'closed',
            outcome: close.outcome,
            triageCategory: sql`${cases.category}`,
            category: close.category,
            closedAt: now,
            closedBy: staffId,
            replyToken: null,
            replyTokenAt: null,
            lastActionId: actionId,
            updatedAt: now,
          })
          .where(and(claimedBy(caseId, staffId, options), sql`${cases.replyToken} is ${found.replyToken}`))
          .returning(),
        nextStepIf(db, found.residentId, next, now, won),
        insertIf(db, deliveries, delivery, won),
        ...(checked.body
          ? [insertIf(db, caseNotes, { id: crypto.randomUUID(), caseId, staffId, kind: 'close', body: checked.body, createdAt: now }, won)]
          : []),
      ]);
      if (!closed[0]) continue; // changed since we read it (a new message, a transfer…): look again
      const message = await dispatchDelivery(deps, delivery, req);
      return { ok: true, case: closed[0], message };
    } catch (error) {
      if (isStepConflict(error)) continue; // the resident's crisis message stepped at the same moment
      throw error;
    }
  }
  return failure('busy');
}
