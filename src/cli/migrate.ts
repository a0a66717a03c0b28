import { connectNodeDatabase } from '../db/connect-node';
import { migrateDatabase } from '../db/migrate';
import { ConfigError, parseEnv } from '../env';

// `npm run db:migrate`: applies migrations/ to the database DATABASE_URL names
// (the Worker cannot read migration files, so deployments run this from Node).
async function main() {
  const env = parseEnv(process.env);
  const database = connectNodeDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    await database.ready;
    await migrateDatabase(database.db);
    console.log('Migrations applied.');
  } finally {
    database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Migration failed: ${error instanceof Error ? error.name : 'error'}`);
  process.exitCode = 1;
});
