import { auditLog, type AuditDetail } from '../db/schema';
import type { Db } from '../db/types';

export interface AuditEntry {
  /** From deps.clock. */
  at: Date;
  /** Null when nobody is logged in (a failed login for an unknown email). */
  actorUserId: string | null;
  /** Dotted verb, e.g. `auth.login.success`, `case.view`. */
  action: string;
  caseId?: string | null;
  /** Ids, kinds, counts and short codes only: never resident text or LINE display names. */
  detail?: AuditDetail;
}

/** Strings in `detail` longer than this are refused: free text has no place in the audit log. */
export const MAX_AUDIT_DETAIL_STRING = 100;

function checkDetail(detail: AuditDetail | undefined): void {
  if (!detail) return;
  for (const [key, value] of Object.entries(detail)) {
    if (typeof value === 'string' && value.length > MAX_AUDIT_DETAIL_STRING) {
      throw new RangeError(`audit detail "${key}" is too long to be an id or a code`);
    }
  }
}

/** The insert as a query, so it can go into the same db.batch as the change it records. */
export function auditInsert(db: Db, entry: AuditEntry) {
  checkDetail(entry.detail);
  return db.insert(auditLog).values({
    at: entry.at,
    actorUserId: entry.actorUserId,
    action: entry.action,
    caseId: entry.caseId ?? null,
    detail: entry.detail ?? null,
  });
}

/** Appends one audit row. There is deliberately no update or delete counterpart. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await auditInsert(db, entry);
}
