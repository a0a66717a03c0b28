import { staffUsers } from '../../db/schema';
import type { Db } from '../../db/types';

/** Names of every staff member (for "who has it" columns), and the counselors one can hand a case to. */
export async function staffDirectory(db: Db) {
  const rows = await db
    .select({ id: staffUsers.id, displayName: staffUsers.displayName, role: staffUsers.role, active: staffUsers.active })
    .from(staffUsers);
  return {
    names: new Map(rows.map((r) => [r.id, r.displayName])),
    counselors: rows.filter((r) => r.active && (r.role === 'counselor' || r.role === 'admin')),
  };
}
