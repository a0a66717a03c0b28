// Finding salons and events in LINE and joining them, over the real local server (file
// libSQL, LINE emulator, which rejects any message outside LINE's limits): search by area,
// kind and period → carousel → 詳しく見る → 参加する → 参加をやめる; the waitlist and the
// message when a seat frees; buttons on old cards, from any state, and on events that
// were cancelled, are over or were taken down.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventRsvps, events, type EventRow } from '../../src/db/schema';
import { unfollowEvent } from '../../src/dev/simulator/events';
import { manualClock } from '../../src/time/clock';
import { tokyoDate } from '../../src/time/tokyo';
import { Chat } from '../helpers/chat';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { insertEvent, promotionsTo } from '../events/support';

// A Tuesday morning in Tokyo.
const NOW = tokyoDate('2026-11-24', '10:00');
const clock = manualClock(NOW);
let server: TestServer;
let salon: EventRow;
let kodomo: EventRow;
beforeAll(async () => {
  server = await startTestServer({ clock });
  const db = server.deps.db;
  salon = await insertEvent(db, { title: 'ふれあいサロン 練馬', startsAt: tokyoDate('2026-11-28', '14:00'), capacity: 10 });
  kodomo = await insertEvent(db, {
    title: 'どんぐりこども食堂',
    kind: 'kodomo-shokudo',
    areaId: 'toshida',
    placeName: 'どんぐりの家',
    startsAt: tokyoDate('2026-11-27', '17:00'),
    fee: 'こどもは無料',
  });
  // Not found by a search for the next month in 練馬: too late, a draft, another area.
  await insertEvent(db, { title: '新年のサロン', startsAt: tokyoDate('2027-01-10', '14:00') });
  await insertEvent(db, { title: '準備中のサロン', startsAt: tokyoDate('2026-11-29', '14:00'), status: 'draft' });
  await insertEvent(db, { title: '石神井のサロン', areaId: 'shakujii', startsAt: tokyoDate('2026-11-29', '14:00') });
});
afterAll(() => server.close());

const rsvpsOf = async (chat: Chat, eventId: string) =>
  server.deps.db
    .select()
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.residentId, (await chat.resident()).id)));

describe('finding salons and events', () => {
  it('search by area, kind and period → cards → details → 参加する → 参加をやめる', async () => {
    const chat = await Chat.open(server);
    await chat.say('イベント');
    expect(chat.last.text).toContain('どの地区で探しますか');
    expect(chat.last.choices).toEqual(['練馬', '光が丘', '石神井', '大泉', '関町', '土支田', 'すべての地区', 'メニュー']);
    await chat.tap('練馬');
    // 14 kinds in this council: nine a page, and 「ほかの種類」 for the rest.
    expect(chat.last.choices).toHaveLength(12);
    expect(chat.last.choices).toContain('ほかの種類');
    await chat.tap('ほかの種類');
    expect(chat.last.choices).toContain('マルシェ');
    await chat.tap('ほかの種類');
    expect(chat.last.choices[0]).toBe('ふれあい・いきいきサロン');
    await chat.tap('ふれあい・いきいきサロン');
    expect(chat.last.choices).toEqual(['1週間以内', '1か月以内', '日にちを選ぶ', 'いつでも', 'メニュー']);
    await chat.tap('1か月以内');

    const results = chat.last;
    // One event found: one card (several come as a carousel, see below).
    expect(results.messages.find((m) => m.type === 'flex')).toMatchObject({ contents: { type: 'bubble' } });
    expect(chat.last.text).toContain('ふれあいサロン 練馬');
    expect(chat.last.text).not.toContain('新年のサロン');
    expect(chat.last.text).not.toContain('準備中のサロン');
    expect(chat.last.text).not.toContain('石神井のサロン');
    expect(chat.last.text).toContain('11月28日（土）14:00〜16:00');
    expect(chat.last.text).toContain('ふれあい・いきいきサロン・練馬');
    expect(chat.last.text).toContain('地域集会所');
    expect(chat.last.text).toContain('100円（お茶代）');
    expect(chat.last.text).toContain('残り10席（定員10名）');
    expect(chat.last.choices).toEqual(['イベント・サロンを探す', '申し込んだイベント', 'お知らせ設定', 'メニュー']);

    await chat.press('詳しく見る', { card: 'ふれあいサロン 練馬' });
    expect(chat.last.text).toContain('お茶を飲みながら、おしゃべりを楽しみましょう。');
    expect(chat.last.text).not.toContain('詳しく見る');

    await chat.press('参加する');
    expect(chat.last.text).toContain('「ふれあいサロン 練馬」（11月28日（土）14:00〜16:00）への参加を受け付けました');
    expect(chat.last.text).toContain('前の日に、このLINEでお知らせします');
    expect(chat.last.text).toContain('参加のお申し込みをいただいています');
    expect(await rsvpsOf(chat, salon.id)).toMatchObject([{ status: 'going', seat: 1 }]);

    // Tapping 参加する again (an old card) does not take a second seat.
    await chat.press('参加する', { card: 'ふれあいサロン 練馬', reply: results });
    expect(chat.last.text).toContain('すでに参加のお申し込みをいただいています');
    expect(await rsvpsOf(chat, salon.id)).toHaveLength(1);

    // Later, in words: the resident's own events, each with 参加をやめる.
    await chat.say('メニュー');
    await chat.say('参加をやめたい');
    expect(chat.last.text).toContain('お申し込みいただいているサロン・イベントです');
    expect(chat.last.text).toContain('ふれあいサロン 練馬');
    expect(chat.last.text).not.toContain('どんぐりこども食堂');
    await chat.press('参加をやめる', { card: 'ふれあいサロン 練馬' });
    expect(chat.last.text).toContain('参加を、やめてよろしいですか');
    expect(chat.last.choices).toEqual(['参加をやめる', 'やめない']);
    await chat.tap('参加をやめる');
    expect(chat.last.text).toContain('参加のお申し込みを取り消しました');
    expect(await rsvpsOf(chat, salon.id)).toMatchObject([{ status: 'cancelled', seat: null }]);
    await chat.tap('申し込んだイベント');
    expect(chat.last.text).toContain('いま、お申し込みいただいているサロン・イベントはありません');
  });

  it('typed words reach the search; a day picked in the date picker; nothing found says so kindly', async () => {
    const chat = await Chat.open(server);
    await chat.say('こども食堂を探しています');
    expect(chat.last.text).toContain('どの地区で探しますか');
    await chat.tap('すべての地区');
    await chat.tap('すべての種類');
    await chat.pickDate('日にちを選ぶ', '2026-11-27');
    expect(chat.last.text).toContain('どんぐりこども食堂');
    expect(chat.last.text).toContain('こどもは無料');
    expect(chat.last.text).not.toContain('ふれあいサロン 練馬');

    await chat.say('サロン');
    await chat.tap('大泉');
    await chat.tap('すべての種類');
    await chat.tap('いつでも');
    expect(chat.last.text).toContain('その条件に合うサロン・イベントは、いまはありません');
    expect(chat.last.choices).toEqual(['イベント・サロンを探す', 'お知らせ設定', 'メニュー']);
  });

  it('something unexpected typed mid-search → a kind answer and the same question again', async () => {
    const chat = await Chat.open(server);
    await chat.say('イベント');
    await chat.tap('練馬');
    await chat.say('ほげほげ');
    expect(chat.last.text).toContain('うまく読み取れませんでした');
    expect(chat.last.choices).toContain('すべての種類');
    await chat.tap('すべての種類');
    expect(chat.last.text).toContain('いつごろのもの');
  });

  it('from a consultation’s result, 近くのイベントを見る looks for the kinds the council suggests', async () => {
    const chat = await Chat.open(server);
    await chat.tap('同意する');
    await chat.tap('子育て・子ども');
    expect(chat.last.choices).toContain('近くのイベントを見る');
    await chat.tap('近くのイベントを見る');
    await chat.tap('すべての地区');
    await chat.tap('1か月以内');
    expect(chat.last.text).toContain('どんぐりこども食堂');
    expect(chat.last.text).not.toContain('ふれあいサロン 練馬');
  });
});

describe('the cards', () => {
  it('14 events with long texts → a carousel of at most 12 cards that LINE accepts', async () => {
    const long = (text: string) => text.repeat(40);
    for (let i = 0; i < 14; i++) {
      await insertEvent(server.deps.db, {
        title: long(`関町の講座${i}`),
        kind: 'disaster-vc-course',
        areaId: 'sekimachi',
        placeName: long('関町北地域集会所'),
        address: long('練馬区関町北'),
        fee: long('無料'),
        audience: long('どなたでも'),
        description: long('災害ボランティアセンターの運営を学びます。'),
        startsAt: tokyoDate('2026-12-20', '10:00'),
        capacity: 30,
      });
    }
    const chat = await Chat.open(server);
    await chat.say('イベント');
    await chat.tap('関町');
    await chat.tap('すべての種類');
    await chat.tap('いつでも');
    const carousel = chat.last.messages.find((m) => m.type === 'flex') as { contents: { type: string; contents: unknown[] } } | undefined;
    expect(carousel?.contents.type).toBe('carousel');
    expect(carousel?.contents.contents).toHaveLength(12);
    expect(chat.last.text).toContain('関町の講座0');
    await chat.press('詳しく見る', { card: '関町の講座0' });
    expect(chat.last.text).toContain('災害ボランティアセンターの運営を学びます。');
  });
});

describe('the waitlist', () => {
  it('full → waitlisted with how many are ahead; a freed seat goes to the first one still following, with a message', async () => {
    const small = await insertEvent(server.deps.db, { title: '介護者のつどい', kind: 'kaigosha-tsudoi', startsAt: tokyoDate('2026-12-03', '13:30'), capacity: 1 });
    const [a, b, c] = [await Chat.open(server), await Chat.open(server), await Chat.open(server)];
    for (const chat of [a, b, c]) {
      await chat.say('イベント');
      await chat.tap('すべての地区');
      await chat.tap('すべての種類');
      await chat.tap('いつでも');
    }
    await a.press('参加する', { card: '介護者のつどい' });
    expect(a.last.text).toContain('への参加を受け付けました');
    await b.press('参加する', { card: '介護者のつどい' });
    expect(b.last.text).toContain('満席のため、キャンセル待ちで受け付けました');
    expect(b.last.text).toContain('キャンセル待ちの1番目です');
    await c.press('参加する', { card: '介護者のつどい' });
    expect(c.last.text).toContain('あなたより前に、1人の方がお待ちです');

    // b blocks the account: the seat skips them.
    await server.post([unfollowEvent(b.userId, clock.now().getTime())]);
    await server.drain();
    server.emulator.unfollow(b.userId);
    const inboxB = server.emulator.inbox(b.userId).length;

    await a.press('参加をやめる', { card: '介護者のつどい' });
    await a.tap('参加をやめる');
    expect(a.last.text).toContain('参加のお申し込みを取り消しました');

    const pushed = server.emulator.inbox(c.userId).at(-1)!;
    expect(pushed.via).toBe('push');
    expect(JSON.stringify(pushed.messages)).toContain('【キャンセル待ちのお知らせ】');
    expect(JSON.stringify(pushed.messages)).toContain('参加をやめる');
    expect(await rsvpsOf(c, small.id)).toMatchObject([{ status: 'going', seat: 1 }]);
    expect(await rsvpsOf(b, small.id)).toMatchObject([{ status: 'waitlisted', seat: null }]);
    expect(server.emulator.inbox(b.userId)).toHaveLength(inboxB);

    // c's next reply is ordinary; the promotion was sent once.
    await c.say('メニュー');
    expect(promotionsTo(server, c.userId)).toHaveLength(1);
  });
});

describe('buttons on cards', () => {
  it('work from any state (an old carousel, after other steps) and answer kindly for cancelled, past and taken-down events', async () => {
    const chat = await Chat.open(server);
    const later = await insertEvent(server.deps.db, { title: '12月のたまり場', kind: 'tamariba', startsAt: tokyoDate('2026-12-12', '10:00') });
    const gone = await insertEvent(server.deps.db, { title: '中止になるサロン', startsAt: tokyoDate('2026-12-05', '10:00') });
    const hidden = await insertEvent(server.deps.db, { title: '非公開になるサロン', startsAt: tokyoDate('2026-12-06', '10:00') });
    await chat.say('イベント');
    await chat.tap('すべての地区');
    await chat.tap('すべての種類');
    await chat.tap('いつでも');
    const cards = chat.last;
    expect(cards.messages.find((m) => m.type === 'flex')).toMatchObject({ contents: { type: 'carousel' } });

    // Elsewhere in the conversation, then a tap on the old card.
    await chat.say('予約したい');
    await chat.press('参加する', { card: '12月のたまり場', reply: cards });
    expect(chat.last.text).toContain('「12月のたまり場」');
    expect(chat.last.text).toContain('への参加を受け付けました');
    expect(await rsvpsOf(chat, later.id)).toMatchObject([{ status: 'going' }]);

    await server.deps.db.update(events).set({ status: 'cancelled', cancelledAt: clock.now() }).where(eq(events.id, gone.id));
    await chat.press('参加する', { card: '中止になるサロン', reply: cards });
    expect(chat.last.text).toContain('このイベントは中止になりました');
    expect(chat.last.choices).toEqual(['イベント・サロンを探す', 'メニュー']);
    await chat.press('詳しく見る', { card: '中止になるサロン', reply: cards });
    expect(chat.last.text).toContain('このイベントは中止になりました');

    await server.deps.db.update(events).set({ status: 'draft' }).where(eq(events.id, hidden.id));
    await chat.press('詳しく見る', { card: '非公開になるサロン', reply: cards });
    expect(chat.last.text).toContain('このイベントは、いまはご案内していません');
    expect(chat.last.text).not.toContain('非公開になるサロン');

    clock.set(tokyoDate('2026-12-12', '10:30'));
    await chat.press('参加する', { card: '12月のたまり場', reply: cards });
    expect(chat.last.text).toContain('このイベントは、もう始まっているか、終わっています');
    expect(await server.deps.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, gone.id))).toEqual([]);
    clock.set(NOW);
  });
});
