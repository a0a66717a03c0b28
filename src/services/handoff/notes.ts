import { asc, eq, sql } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { caseNotes, cases, type CaseNoteRow } from '../../db/schema';
import type { Db } from '../../db/types';
import { insertIf } from './guarded';
import { failure, type HandoffResult } from './result';

export const MAX_NOTE_LENGTH = 2000;

/** A note's text, or the reason it cannot be one. */
export function checkNote(text: string, required: boolean): { ok: true; body: string } | { ok: false; message: string } {
  const body = text.trim();
  if (required && !body) return { ok: false, message: 'メモを入力してください。' };
  if (body.length > MAX_NOTE_LENGTH) return { ok: false, message: `メモは ${MAX_NOTE_LENGTH} 文字以内にしてください。` };
  return { ok: true, body };
}

/** An internal note on a case (staff only; never sent to the resident). Any state, closed included. */
export async function addNote(deps: Deps, caseId: string, staffId: string, text: string): Promise<HandoffResult<{ note: CaseNoteRow }>> {
  const checked = checkNote(text, true);
  if (!checked.ok) return failure('invalid', undefined, checked.message);
  const note: CaseNoteRow = {
    id: crypto.randomUUID(),
    caseId,
    staffId,
    kind: 'note',
    body: checked.body,
    toDepartmentId: null,
    toStaffId: null,
    createdAt: deps.clock.now(),
  };
  const result = await insertIf(deps.db, caseNotes, note, sql`exists (select 1 from ${cases} where ${cases.id} = ${caseId})`);
  if (result.rowsAffected === 0) return failure('not_found');
  return { ok: true, note };
}

/** A case's notes, oldest first (internal notes and the notes of transfers, releases and closes). */
export function listNotes(db: Db, caseId: string): Promise<CaseNoteRow[]> {
  return db.select().from(caseNotes).where(eq(caseNotes.caseId, caseId)).orderBy(asc(caseNotes.createdAt), asc(sql`rowid`));
}
