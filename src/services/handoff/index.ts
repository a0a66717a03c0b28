// Human handoff: the counselor queue and what counselors do with a case. The admin pages
// call these; each action checks its precondition in the database at write time and
// returns { ok: true, … } or { ok: false, reason, message (Japanese, for staff) }.
export { listQueue, queueCounts, MAX_QUEUE_PAGE, type QueueItem, type QueueQuery, type QueueView, type QueueCounts, type UrgencyCounts } from './queue';
export { claimCase, type ClaimResult } from './claim';
export { replyToResident, MAX_REPLY_LENGTH, type ReplyResult } from './counselor-reply';
export { releaseCase } from './release';
export { transferCase, type TransferTo } from './transfer';
export { closeCase, type CloseWith, type CloseResult } from './close';
export { addNote, listNotes, MAX_NOTE_LENGTH } from './notes';
export { transcript, MAX_TRANSCRIPT_PAGE, type Transcript, type TranscriptEntry, type UnsentReply } from './transcript';
export { caseHistory, getCase, type CaseHistoryItem, type CaseView } from './history';
export { positionOfCase, typicalWait, WAIT_FIGURES } from './position';
export {
  listCannedReplies,
  getCannedReply,
  createCannedReply,
  updateCannedReply,
  deleteCannedReply,
  type CannedReplyInput,
} from './canned-replies';
export type { ActOptions } from './ownership';
export type { HandoffResult, HandoffFailure, HandoffFailureReason } from './result';
