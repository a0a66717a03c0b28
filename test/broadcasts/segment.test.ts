// Who a broadcast reaches, over the real local server (file libSQL, LINE emulator):
// only residents who opted in, in the chosen areas and kinds, never ones who blocked the
// account, including ones who block after the broadcast was created.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAudience, type Audience } from '../../src/broadcasts/audience';
import { BroadcastInputError, createBroadcast } from '../../src/broadcasts/create';
import { getBroadcastProgress } from '../../src/broadcasts/progress';
import { runDueBroadcasts } from '../../src/broadcasts/runner';
import { markFollowing } from '../../src/db/repos/residents';
import { broadcastChunks, broadcastRecipients, eventRsvps } from '../../src/db/schema';
import { manualClock } from '../../src/time/clock';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { publishedEvent } from './admin-support';
import { addNoticeResidents, copiesTo, type NoticeSetting } from './notice-residents';

// sample-town: areas chuo, kawabe, …; kinds cafe, tamariba, …
const NOW = new Date('2026-11-24T10:00:00+09:00');
const clock = manualClock(NOW);
let server: TestServer;
const who: Record<string, string> = {}; // name → resident id
const names = new Map<string, string>(); // resident id → name

beforeAll(async () => {
  server = await startTestServer({ clock, profile: 'sample-town' });
  const add = async (name: string, tag: string, setting: NoticeSetting) => {
    const { residentIds } = await addNoticeResidents(server.deps.db, server.emulator, { tag, count: 1, now: NOW, ...setting });
    who[name] = residentIds[0]!;
    names.set(residentIds[0]!, name);
  };
  await add('chuoCafe', '01', { areas: ['chuo'], kinds: ['cafe'] });
  await add('chuoAnyKind', '02', { areas: ['chuo'], kinds: ['*'] });
  await add('anyAreaCafe', '03', { areas: ['*'], kinds: ['cafe'] });
  await add('kawabeCafe', '04', { areas: ['kawabe'], kinds: ['cafe'] });
  await add('chuoTamariba', '05', { areas: ['chuo'], kinds: ['tamariba'] });
  await add('chuoCafeOptedOut', '06', { optedIn: false, areas: ['chuo'], kinds: ['cafe'] });
  await add('chuoCafeBlocked', '07', { following: false, areas: ['chuo'], kinds: ['cafe'] });
  await add('twoAreasCafe', '08', { areas: ['kawabe', 'kitano'], kinds: ['cafe', 'tamariba'] });
  // Never set お知らせ設定 at all.
  await server.deps.db.run(sql`insert into residents (id, line_user_id, following, created_at) values ('res-no-setting', ${`U09${'0'.repeat(30)}`}, 1, ${NOW.getTime()})`);
  names.set('res-no-setting', 'noSetting');
});
afterAll(() => server.close());

async function frozen(audience: Audience): Promise<string[]> {
  const { id } = await createBroadcast(server.deps, { kind: 'notice', text: 'お知らせです', eventId: null, audience, scheduledAt: NOW, requestKey: crypto.randomUUID(), createdBy: 'staff-1' });
  const rows = await server.deps.db.select({ residentId: broadcastRecipients.residentId }).from(broadcastRecipients).where(eq(broadcastRecipients.broadcastId, id));
  return rows.map((r) => names.get(r.residentId)!).sort();
}

describe('segments', () => {
  it.each<[string, Audience, string[]]>([
    ['one area × one kind', { type: 'segment', areas: ['chuo'], kinds: ['cafe'] }, ['anyAreaCafe', 'chuoAnyKind', 'chuoCafe']],
    ['two areas × one kind', { type: 'segment', areas: ['chuo', 'kawabe'], kinds: ['cafe'] }, ['anyAreaCafe', 'chuoAnyKind', 'chuoCafe', 'kawabeCafe', 'twoAreasCafe']],
    ['any area (empty list) × one kind', { type: 'segment', areas: [], kinds: ['tamariba'] }, ['chuoAnyKind', 'chuoTamariba', 'twoAreasCafe']],
    ['all areas (*) × all kinds (*)', { type: 'segment', areas: ['*'], kinds: ['*'] }, ['anyAreaCafe', 'chuoAnyKind', 'chuoCafe', 'chuoTamariba', 'kawabeCafe', 'twoAreasCafe']],
    ['everyone opted in', { type: 'all' }, ['anyAreaCafe', 'chuoAnyKind', 'chuoCafe', 'chuoTamariba', 'kawabeCafe', 'twoAreasCafe']],
  ])('%s: only opted-in, following residents who chose it', async (_, audience, expected) => {
    expect(await countAudience(server.deps, audience)).toBe(expected.length);
    expect(await frozen(audience)).toEqual(expected);
  });

  it('reaches an event’s participants even without opting in, but not cancelled or blocked ones', async () => {
    const eventId = await publishedEvent(server, { title: '地域カフェ', kind: 'cafe', areaId: 'chuo', placeName: '中央会館', startsAt: '2026-12-05T14:00:00+09:00', endsAt: '2026-12-05T16:00:00+09:00' });
    const rsvp = (name: string, position: number, status: 'going' | 'waitlisted' | 'cancelled') =>
      server.deps.db.insert(eventRsvps).values({
        id: crypto.randomUUID(),
        eventId,
        residentId: who[name]!,
        status,
        seat: status === 'going' ? position : null,
        position,
        requestKey: crypto.randomUUID(),
        createdAt: NOW,
      });
    await rsvp('chuoCafeOptedOut', 1, 'going');
    await rsvp('kawabeCafe', 2, 'waitlisted');
    await rsvp('chuoCafe', 3, 'cancelled');
    await rsvp('chuoCafeBlocked', 4, 'going');
    const audience: Audience = { type: 'event', eventId };
    expect(await countAudience(server.deps, audience)).toBe(2);
    expect(await frozen(audience)).toEqual(['chuoCafeOptedOut', 'kawabeCafe']);
  });

  it('refuses an audience nobody is in, and areas or kinds the profile does not have', async () => {
    const attempt = (audience: Audience) =>
      createBroadcast(server.deps, { kind: 'notice', text: 'お知らせ', eventId: null, audience, scheduledAt: NOW, requestKey: crypto.randomUUID(), createdBy: 'staff-1' });
    await expect(attempt({ type: 'segment', areas: ['minatodai'], kinds: ['kaigo-cafe'] })).rejects.toMatchObject({ field: 'audience', message: expect.stringContaining('当てはまる方がいません') });
    await expect(attempt({ type: 'segment', areas: ['atlantis'], kinds: ['cafe'] })).rejects.toBeInstanceOf(BroadcastInputError);
    await expect(attempt({ type: 'segment', areas: ['chuo'], kinds: ['casino'] })).rejects.toMatchObject({ field: 'audience' });
  });

  it('skips a resident who blocks the account after the broadcast was created, before their chunk goes', async () => {
    const audience: Audience = { type: 'segment', areas: ['chuo'], kinds: ['cafe'] };
    const { id, recipientCount } = await createBroadcast(server.deps, { kind: 'notice', text: '中央のカフェのお知らせ', eventId: null, audience, scheduledAt: NOW, requestKey: crypto.randomUUID(), createdBy: 'staff-1' });
    expect(recipientCount).toBe(3);
    const blocker = who.chuoAnyKind!;
    const blockerLineId = `U02${'0'.repeat(30)}`;
    await markFollowing(server.deps.db, blocker, false, NOW);
    server.emulator.unfollow(blockerLineId);

    await runDueBroadcasts(server.deps);

    const [chunk] = await server.deps.db.select().from(broadcastChunks).where(eq(broadcastChunks.broadcastId, id));
    expect(JSON.parse(chunk!.recipients!)).toHaveLength(2);
    expect(chunk!.recipients).not.toContain(blockerLineId);
    const got = (lineUserId: string) => copiesTo(server.emulator, lineUserId, '中央のカフェのお知らせ');
    expect([got(`U01${'0'.repeat(30)}`), got(`U03${'0'.repeat(30)}`), got(blockerLineId)]).toEqual([1, 1, 0]);
    expect(await getBroadcastProgress(server.deps, id)).toMatchObject({ status: 'done', recipientCount: 3, sent: 2, skipped: 1, failed: 0, remaining: 0 });
    await markFollowing(server.deps.db, blocker, true, NOW);
    server.emulator.follow(blockerLineId);
  });
});
