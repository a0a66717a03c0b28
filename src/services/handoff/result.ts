import type { CaseStatus } from '../../db/schema';

export type HandoffFailureReason =
  | 'not_found'
  | 'already_claimed'
  | 'not_waiting'
  | 'not_claimed'
  | 'not_assignee'
  | 'closed'
  | 'invalid'
  | 'busy';

export interface HandoffFailure {
  ok: false;
  reason: HandoffFailureReason;
  /** For staff, in Japanese: what happened and what to do. */
  message: string;
  /** The case as it is now, when it exists (e.g. who has it). */
  current?: { status: CaseStatus; assigneeId: string | null };
}

export type HandoffResult<T extends object = object> = ({ ok: true } & T) | HandoffFailure;

const MESSAGES: Record<HandoffFailureReason, string> = {
  not_found: 'ケースが見つかりません。',
  already_claimed: 'このケースは、すでに相談員が担当しています。',
  not_waiting: 'このケースは順番待ちではありません。',
  not_claimed: 'このケースには、まだ担当者がいません。先に「担当する」を押してください。',
  not_assignee: 'このケースの担当者ではないため、操作できません。',
  closed: 'このケースは終了しています。',
  invalid: '入力内容を確認してください。',
  busy: 'ほかの操作と重なりました。もう一度お試しください。',
};

export function failure(reason: HandoffFailureReason, current?: HandoffFailure['current'], message?: string): HandoffFailure {
  return { ok: false, reason, message: message ?? MESSAGES[reason], ...(current ? { current } : {}) };
}

/** Why an action that needs the case claimed by `staffId` could not run, from the case as it is now. */
export function notYours(current: { status: CaseStatus; assigneeId: string | null } | undefined): HandoffFailure {
  if (!current) return failure('not_found');
  const state = { status: current.status, assigneeId: current.assigneeId };
  if (current.status === 'closed') return failure('closed', state);
  if (current.status !== 'claimed') return failure('not_claimed', state);
  return failure('not_assignee', state);
}
