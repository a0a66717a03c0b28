import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/types';
import type { EmulatorState } from '../../src/dev/line-emulator';

export interface NoticeResidents {
  /** Resident ids, in LINE user id order. */
  residentIds: string[];
  lineUserIds: string[];
}

/** お知らせ設定 as the bot stores it ('*' = all areas / all kinds); opted in and following unless said otherwise. */
export interface NoticeSetting {
  optedIn?: boolean;
  following?: boolean;
  areas?: string[];
  kinds?: string[];
}

/**
 * `count` residents written straight into the database (one INSERT … SELECT each, so
 * 100,000 take a second), with お知らせ設定 as the bot stores it, and the same people as
 * emulator users. `tag` (two hex digits) keeps groups apart.
 */
export async function addNoticeResidents(
  db: Db,
  emulator: EmulatorState | null,
  options: { tag: string; count: number; now: Date } & NoticeSetting,
): Promise<NoticeResidents> {
  const { tag, count, now } = options;
  if (!/^[0-9a-f]{2}$/.test(tag)) throw new Error('tag must be two hex digits');
  const following = options.following ?? true;
  const numbers = sql`with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ${count})`;
  await db.run(sql`insert into residents (id, line_user_id, display_name, following, followed_at, created_at)
    ${numbers} select 'res-' || ${tag} || '-' || printf('%06d', i), 'U' || ${tag} || printf('%030x', i), '住民', ${following ? 1 : 0}, ${now.getTime()}, ${now.getTime()} from n`);
  const mine = sql`select id from residents where id like ${`res-${tag}-%`}`;
  await db.run(sql`insert into notice_settings (resident_id, opted_in, updated_at) select id, ${options.optedIn === false ? 0 : 1}, ${now.getTime()} from (${mine})`);
  for (const [dimension, values] of [
    ['area', options.areas ?? ['*']],
    ['kind', options.kinds ?? ['*']],
  ] as const) {
    for (const value of values) await db.run(sql`insert into notice_topics (resident_id, dimension, value) select id, ${dimension}, ${value} from (${mine})`);
  }
  const residentIds: string[] = [];
  const lineUserIds: string[] = [];
  for (let i = 0; i < count; i++) {
    residentIds.push(`res-${tag}-${String(i).padStart(6, '0')}`);
    lineUserIds.push(`U${tag}${i.toString(16).padStart(30, '0')}`);
  }
  for (const userId of lineUserIds) emulator?.addUser({ userId, displayName: '住民', following });
  return { residentIds, lineUserIds };
}

/** How many deliveries to one LINE user carry a message with exactly this text. */
export function copiesTo(emulator: EmulatorState, lineUserId: string, text: string): number {
  return emulator.inbox(lineUserId).filter((d) => d.messages.some((m) => (m as { text?: unknown }).text === text)).length;
}

/** How many users got how many copies of a broadcast: { 1: n } means each exactly once. */
export function copiesHistogram(emulator: EmulatorState, lineUserIds: readonly string[], text: string): Record<number, number> {
  const histogram: Record<number, number> = {};
  for (const userId of lineUserIds) {
    const copies = copiesTo(emulator, userId, text);
    histogram[copies] = (histogram[copies] ?? 0) + 1;
  }
  return histogram;
}

/** Every multicast call LINE saw, in order, with its status, recipient count and retry key. */
export const multicastRequests = (emulator: EmulatorState) => emulator.requests().filter((r) => r.path === '/v2/bot/message/multicast');
