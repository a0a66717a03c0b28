import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cases, residents } from '../../src/db/schema';
import { listQueue, queueCounts, positionOfCase } from '../../src/services/handoff';
import { Chat } from '../helpers/chat';
import type { TestServer } from '../helpers/test-server';
import { startHandoffServer, WEEKDAY_MORNING } from './support';

let server: TestServer;
beforeEach(async () => {
  server = await startHandoffServer();
});
afterEach(() => server.close());

async function consented() {
  const chat = await Chat.open(server);
  await chat.tap('同意する');
  return chat;
}

describe('a resident enters the counselor queue', () => {
  it('by tapping 人と話したい on the menu: told where they stand, and that no wait can be given yet', async () => {
    const chat = await consented();
    await chat.tap('人と話したい');
    expect(chat.last.text).toContain('相談員にお伝えしました');
    expect(chat.last.text).toContain('現在1番目です。');
    expect(chat.last.text).toContain('お待ちいただく時間の目安は、いまはお伝えできません');
    expect(chat.last.text).toContain('いまは相談員がメッセージを確認している時間です');
    expect(await chat.openCase()).toMatchObject({ status: 'waiting', waitingSince: new Date(WEEKDAY_MORNING) });
  });

  it('by typing it, from anywhere in a flow', async () => {
    const chat = await consented();
    await chat.tap('お金・生活費');
    await chat.say('人と話したいです');
    expect(chat.last.text).toContain('現在1番目です。');
    expect(await chat.openCase()).toMatchObject({ status: 'waiting', category: 'money' });
  });

  it('after the bot failed to understand twice', async () => {
    const chat = await consented();
    await chat.say('あいうえお');
    await chat.say('かきくけこ');
    await chat.tap('人と話したい');
    expect(chat.last.text).toContain('現在1番目です。');
    expect((await chat.openCase())?.status).toBe('waiting');
  });

  it('always on a crisis: the hotlines first, then the place in the queue', async () => {
    const chat = await Chat.open(server, { follow: false });
    await chat.say('もう死にたい');
    expect(chat.last.messages[0]?.type).toBe('text');
    expect(chat.last.messages[1]?.type).toBe('flex');
    expect(chat.last.text).toContain('0570-783-556');
    expect(chat.last.text).toContain('現在1番目です。');
    expect(chat.last.choices).toEqual(['人と話したい', 'メニュー']);
    expect(await chat.openCase()).toMatchObject({ status: 'waiting', urgency: 'crisis' });
  });

  it('the second and third in line hear so; asking again keeps the place', async () => {
    const first = await consented();
    await first.say('人と話したい');
    const second = await consented();
    await second.say('人と話したい');
    expect(second.last.text).toContain('現在2番目です。');
    const third = await consented();
    await third.say('人と話したい');
    expect(third.last.text).toContain('現在3番目です。');
    await second.say('人と話したい');
    expect(second.last.text).toContain('現在2番目です。');
    expect(await positionOfCase(server.deps.db, (await third.openCase())!.id)).toBe(3);
  });
});

describe('queue order', () => {
  it('a crisis goes before a normal case that was waiting already', async () => {
    const normal = await consented();
    await normal.say('人と話したい');
    const crisis = await Chat.open(server, { displayName: '石神井 太郎' });
    await crisis.say('消えてしまいたい');
    expect(crisis.last.text).toContain('現在1番目です。');
    const queue = await listQueue(server.deps.db, { view: 'waiting' });
    expect(queue.map((c) => c.residentId)).toEqual([(await crisis.resident()).id, (await normal.resident()).id]);
    expect(queue[0]).toMatchObject({ urgency: 'crisis', crisisKinds: ['suicide'], displayName: '石神井 太郎' });
    const later = await consented();
    await later.say('人と話したい');
    expect(later.last.text).toContain('現在3番目です。');
    expect(await queueCounts(server.deps.db)).toMatchObject({ waiting: { crisis: 1, urgent: 0, normal: 2, total: 3 } });
  });
});

describe('the rough wait', () => {
  it('is the median of recent waits for requests made in counselor hours', async () => {
    const db = server.deps.db;
    const at = (iso: string) => new Date(iso);
    // Five claimed in hours (10, 12, 14, 16, 40 minutes → median 14) and one night request that waited 10 hours (ignored).
    const waits = [10, 12, 14, 16, 40];
    const rows = waits.map((minutes, i) => ({ start: at(`2026-11-20T1${i}:00:00+09:00`), minutes }));
    rows.push({ start: at('2026-11-19T22:00:00+09:00'), minutes: 600 });
    for (const [i, r] of rows.entries()) {
      const residentId = `seed-${i}`;
      await db.insert(residents).values({ id: residentId, lineUserId: `Useed${i}`, createdAt: r.start });
      await db.insert(cases).values({
        id: `case-${i}`,
        residentId,
        category: 'other',
        urgency: 'normal',
        departmentId: 'soumu',
        status: 'closed',
        createdAt: r.start,
        updatedAt: r.start,
        waitingSince: r.start,
        claimedAt: new Date(r.start.getTime() + r.minutes * 60_000),
        closedAt: new Date(r.start.getTime() + 3_600_000),
      });
    }
    const chat = await consented();
    await chat.say('人と話したい');
    expect(chat.last.text).toContain('現在1番目です。最近は、相談員がお返事するまでおよそ15分です（目安です）。');
  });
});
