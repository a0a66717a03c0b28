import type { Deps } from '../../deps';
import { caseNotes, cases, type CaseRow } from '../../db/schema';
import { findCase } from './case-reads';
import { actionWon, insertIf, newActionId } from './guarded';
import { checkNote } from './notes';
import { claimedBy, type ActOptions } from './ownership';
import { failure, notYours, type HandoffResult } from './result';

/**
 * The counselor gives the case back to the queue. It keeps its place (waiting_since), and
 * the bot answers the resident again until someone claims it.
 */
export async function releaseCase(
  deps: Deps,
  caseId: string,
  staffId: string,
  options: ActOptions & { note?: string } = {},
): Promise<HandoffResult<{ case: CaseRow }>> {
  const checked = checkNote(options.note ?? '', false);
  if (!checked.ok) return failure('invalid', undefined, checked.message);
  const { db } = deps;
  const now = deps.clock.now();
  const actionId = newActionId();
  const [released] = await db.batch([
    db
      .update(cases)
      .set({ status: 'waiting', assigneeId: null, claimedAt: null, replyToken: null, replyTokenAt: null, lastActionId: actionId, updatedAt: now })
      .where(claimedBy(caseId, staffId, options))
      .returning(),
    insertIf(
      db,
      caseNotes,
      { id: crypto.randomUUID(), caseId, staffId, kind: 'release', body: checked.body, createdAt: now },
      actionWon(caseId, actionId),
    ),
  ]);
  if (released[0]) return { ok: true, case: released[0] };
  return notYours(await findCase(db, caseId));
}
