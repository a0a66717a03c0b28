import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { cases } from '../../db/schema';
import type { Db } from '../../db/types';

// Counselor actions are one conditional UPDATE (the precondition, checked by the database
// at write time) plus the writes that depend on it, in one batch. The UPDATE stamps the
// case with a fresh action id; the dependent inserts run only where the case carries it,
// so they happen exactly when the UPDATE won — no read-then-write race, no interactive
// transaction.

export const newActionId = () => crypto.randomUUID();

/** True inside the batch once this action's conditional UPDATE has changed the case. */
export const actionWon = (caseId: string, actionId: string): SQL =>
  sql`exists (select 1 from ${cases} where ${cases.id} = ${caseId} and ${cases.lastActionId} = ${actionId})`;

/** `INSERT … SELECT … WHERE <condition>`: a row that is written only if the condition holds. */
export function insertIf<T extends SQLiteTable>(db: Db, table: T, row: T['$inferInsert'], condition: SQL) {
  const columns = getTableColumns(table) as Record<string, { name: string; mapToDriverValue(value: unknown): unknown }>;
  const entries = Object.entries(row as Record<string, unknown>).filter(([, value]) => value !== undefined);
  const names = entries.map(([key]) => sql.identifier(columns[key]!.name));
  const values = entries.map(([key, value]) => (value === null ? sql`null` : sql.param(value, columns[key]!)));
  return db.run(sql`insert into ${table} (${sql.join(names, sql`, `)}) select ${sql.join(values, sql`, `)} where ${condition}`);
}
