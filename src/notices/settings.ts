// お知らせ設定: whether a resident wants notices at all, and for which areas and event kinds.
// Nobody is sent a notice until they opt in here (replies they ask for are not notices).
import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { ALL_TOPICS, noticeSettings, noticeTopics } from '../db/schema';
import type { Db } from '../db/types';

export interface NoticeSettings {
  optedIn: boolean;
  /** Area ids, or ['*'] for every area; empty when never set. */
  areas: string[];
  /** Event kind ids, or ['*'] for every kind; empty when never set. */
  kinds: string[];
}

/** A resident's notice settings (no row: not opted in, nothing chosen). */
export async function noticeSettingsOf(db: Db, residentId: string): Promise<NoticeSettings> {
  const [[setting], topics] = await Promise.all([
    db.select({ optedIn: noticeSettings.optedIn }).from(noticeSettings).where(eq(noticeSettings.residentId, residentId)),
    db.select({ dimension: noticeTopics.dimension, value: noticeTopics.value }).from(noticeTopics).where(eq(noticeTopics.residentId, residentId)),
  ]);
  const values = (dimension: 'area' | 'kind') => topics.filter((t) => t.dimension === dimension).map((t) => t.value);
  return { optedIn: setting?.optedIn ?? false, areas: values('area'), kinds: values('kind') };
}

/** Keeps known ids only; '*' (all) stands alone. */
export function normalizeTopics(chosen: readonly string[], known: readonly string[]): string[] {
  if (chosen.includes(ALL_TOPICS)) return [ALL_TOPICS];
  return known.filter((id) => chosen.includes(id));
}

/** Opts in with exactly these areas and kinds (already normalised), as queries for one batch. */
export function saveNoticeSettingsQueries(db: Db, residentId: string, chosen: { areas: string[]; kinds: string[] }, now: Date): BatchItem<'sqlite'>[] {
  const topics = [
    ...chosen.areas.map((value) => ({ residentId, dimension: 'area' as const, value })),
    ...chosen.kinds.map((value) => ({ residentId, dimension: 'kind' as const, value })),
  ];
  return [
    db.delete(noticeTopics).where(eq(noticeTopics.residentId, residentId)),
    ...(topics.length ? [db.insert(noticeTopics).values(topics)] : []),
    upsertOptIn(db, residentId, true, now),
  ];
}

/** Stops every notice; the chosen areas and kinds are kept, so starting again can offer them. */
export function stopNoticesQueries(db: Db, residentId: string, now: Date): BatchItem<'sqlite'>[] {
  return [upsertOptIn(db, residentId, false, now)];
}

const upsertOptIn = (db: Db, residentId: string, optedIn: boolean, now: Date) =>
  db
    .insert(noticeSettings)
    .values({ residentId, optedIn, updatedAt: now })
    .onConflictDoUpdate({ target: noticeSettings.residentId, set: { optedIn, updatedAt: now } });
