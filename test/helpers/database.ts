import { connectNodeDatabase } from '../../src/db/connect-node';
import { migrateDatabase } from '../../src/db/migrate';
import { residentForContact } from '../../src/db/repos/residents';
import type { Db } from '../../src/db/types';
import { tempFileDatabaseUrl, type Sqld } from './sqld';

/**
 * A migrated database of either kind the app runs on: a fresh temp file, or the given sqld
 * (shared: its tests keep apart by fresh ids rather than a fresh database each).
 */
export async function openMigratedDatabase(kind: 'file' | 'sqld', sqld: Sqld): Promise<{ db: Db; close(): void }> {
  const temp = kind === 'file' ? tempFileDatabaseUrl() : undefined;
  const conn = connectNodeDatabase(temp?.url ?? sqld.url);
  await conn.ready;
  await migrateDatabase(conn.db);
  return { db: conn.db, close: () => (conn.close(), temp?.cleanup()) };
}

/** A new resident with a fresh LINE user id; returns the resident id. */
export const newResidentId = async (db: Db, now: Date) => (await residentForContact(db, `U${crypto.randomUUID().replace(/-/g, '')}`, now)).id;
