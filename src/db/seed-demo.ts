import { sql } from 'drizzle-orm';
import type { CouncilProfile } from '../profile/schema';
import { addIsoDays, tokyoDate, tokyoParts } from '../time/tokyo';
import { appMeta, events, residents } from './schema';
import type { Db } from './types';

const DEMO_SEED_KEY = 'demo_seed';

// Simulated residents for the local demo; their ids are fixed so the simulator
// finds them again after a restart.
export const DEMO_RESIDENTS = [
  { lineUserId: 'U0000000000000000000000000000d001', displayName: 'ねりま はなこ' },
  { lineUserId: 'U0000000000000000000000000000d002', displayName: '石神井 太郎' },
  { lineUserId: 'U0000000000000000000000000000d003', displayName: '大泉 ゆき（民生委員）' },
];

/**
 * Published demo events in the profile's first areas and kinds, a few days ahead, so the
 * simulator's イベント・サロンを探す finds something. Marked 【デモ】: nothing here is a real event.
 */
function demoEvents(profile: CouncilProfile, now: Date) {
  const today = tokyoParts(now).isoDate;
  const plan = [
    { days: 3, start: '13:30', end: '15:30', capacity: 20, fee: '100円（お茶代）' },
    { days: 6, start: '10:00', end: '12:00', capacity: 2, fee: '無料' },
    { days: 10, start: '17:00', end: '19:00', capacity: null, fee: 'こども無料・おとな300円' },
  ];
  return plan.map((p, i) => {
    const kind = profile.eventKinds[i % profile.eventKinds.length]!;
    const area = profile.areas[i % profile.areas.length]!;
    const day = addIsoDays(today, p.days);
    return {
      id: crypto.randomUUID(),
      title: `【デモ】${area.name}の${kind.name}`.slice(0, 40),
      kind: kind.id,
      areaId: area.id,
      placeName: `【デモ】${area.name}地域集会所`,
      startsAt: tokyoDate(day, p.start),
      endsAt: tokyoDate(day, p.end),
      capacity: p.capacity,
      fee: p.fee,
      audience: 'どなたでも',
      description: '動作確認のための見本のイベントです。実際には開かれません。',
      status: 'published' as const,
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
    };
  });
}

/** Seeds demo data once per database; returns false when it was already there. */
export async function seedDemoData(db: Db, profile: CouncilProfile, now: Date): Promise<boolean> {
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
    ...demoEvents(profile, now).map((e) =>
      db.run(sql`insert into ${events} (id, title, kind, area_id, place_name, starts_at, ends_at, capacity, fee, audience, description, status, created_at, updated_at, published_at)
        select ${e.id}, ${e.title}, ${e.kind}, ${e.areaId}, ${e.placeName}, ${e.startsAt.getTime()}, ${e.endsAt.getTime()}, ${e.capacity}, ${e.fee},
          ${e.audience}, ${e.description}, ${e.status}, ${e.createdAt.getTime()}, ${e.updatedAt.getTime()}, ${e.publishedAt.getTime()}
        where ${seededByThisRun}`),
    ),
  ]);
  return results[0].rowsAffected > 0;
}
