import type { Deps } from '../../deps';
import { caseNotes, cases, type CaseRow } from '../../db/schema';
import { findCase } from './case-reads';
import { actionWon, insertIf, newActionId } from './guarded';
import { checkNote } from './notes';
import { claimedBy, type ActOptions } from './ownership';
import { failure, notYours, type HandoffResult } from './result';

export interface TransferTo {
  /** Another department (profile.departments id): the case goes back to the queue for it. */
  departmentId?: string;
  /** Another counselor (staff_users.id): they have the case at once. */
  toStaffId?: string;
  /** Why, and what the next person should know (required). */
  note: string;
}

/**
 * Hands a claimed case on, with a note. To a counselor: they become the assignee (the
 * case stays claimed, the bot stays silent). To a department only: the case returns to
 * the queue under that department, keeping its place, and the bot's later guesses no
 * longer move it. Both: the counselor gets it under the new department.
 */
export async function transferCase(
  deps: Deps,
  caseId: string,
  staffId: string,
  to: TransferTo,
  options: ActOptions = {},
): Promise<HandoffResult<{ case: CaseRow }>> {
  const checked = checkNote(to.note, true);
  if (!checked.ok) return failure('invalid', undefined, checked.message);
  const departmentId = to.departmentId || undefined;
  const toStaffId = to.toStaffId?.trim() || undefined;
  if (!departmentId && !toStaffId) return failure('invalid', undefined, '引き継ぎ先（部署または相談員）を選んでください。');
  if (departmentId && !deps.profile.departments.some((d) => d.id === departmentId)) {
    return failure('invalid', undefined, '引き継ぎ先の部署が見つかりません。');
  }
  if (toStaffId === staffId) return failure('invalid', undefined, '自分自身には引き継げません。');

  const { db } = deps;
  const now = deps.clock.now();
  const actionId = newActionId();
  const routed = departmentId ? { departmentId, staffRouted: true } : {};
  const change = toStaffId
    ? { ...routed, assigneeId: toStaffId }
    : { ...routed, status: 'waiting' as const, assigneeId: null, claimedAt: null, replyToken: null, replyTokenAt: null };
  const [moved] = await db.batch([
    db
      .update(cases)
      .set({ ...change, lastActionId: actionId, updatedAt: now })
      .where(claimedBy(caseId, staffId, options))
      .returning(),
    insertIf(
      db,
      caseNotes,
      {
        id: crypto.randomUUID(),
        caseId,
        staffId,
        kind: 'transfer',
        body: checked.body,
        toDepartmentId: departmentId ?? null,
        toStaffId: toStaffId ?? null,
        createdAt: now,
      },
      actionWon(caseId, actionId),
    ),
  ]);
  if (moved[0]) return { ok: true, case: moved[0] };
  return notYours(await findCase(db, caseId));
}
