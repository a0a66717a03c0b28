import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './types';

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

// Migrations read files, so they run from Node (start-up, CI, deploy), never in the Worker.
export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}
