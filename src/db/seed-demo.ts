import { sql } from 'drizzle-orm';
import { appMeta, residents } from './schema';
import type { Db } from './types';

const DEMO_SEED_KEY = 'demo_seed';

// Simulated residents for the local demo; their ids are fixed so the simulator
// finds them again after a restart.
export const DEMO_RESIDENTS = [
  { lineUserId: 'U0000000000000000000000000000d001', displayName: 'ねりま はなこ' },
  { lineUserId: 'U0000000000000000000000000000d002', displayName: '石神井 太郎' },
  { lineUserId: 'U0000000000000000000000000000d003', displayName: '大泉 ゆき（民生委員）' },
];

/** Seeds demo data once per database; returns false when it was already there. */
export async function seedDemoData(db: Db, now: Date): Promise<boolean> {
  const runId = crypto.randomUUID();
  // The marker goes in first, carrying this run's id; the rows follow only if this run wrote it.
  const seededByThisRun = sql`exists (select 1 from ${appMeta} where ${appMeta.key} = ${DEMO_SEED_KEY} and ${appMeta.value} = ${runId})`;
  // One batch is one transaction: the data and the marker land together or not at all.
  const markSeeded = db.insert(appMeta).values({ key: DEMO_SEED_KEY, value: runId }).onConflictDoNothing();
  const results = await db.batch([
    markSeeded,
    ...DEMO_RESIDENTS.map((r) =>
      db.run(sql`insert into ${residents} (id, line_user_id, display_name, following, followed_at, created_at)
        select ${crypto.randomUUID()}, ${r.lineUserId}, ${r.displayName}, 1, ${now.getTime()}, ${now.getTime()}
        where ${seededByThisRun} on conflict do nothing`),
    ),
  ]);
  return results[0].rowsAffected > 0;
}
