import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookSlot } from '../../src/booking/bookings';
import { getBookableService } from '../../src/booking/service';
import { bookings } from '../../src/db/schema';
import { postbackEvent } from '../../src/dev/simulator/events';
import { manualClock } from '../../src/time/clock';
import { tokyoDate } from '../../src/time/tokyo';
import { Chat } from '../helpers/chat';
import { startTestServer, type TestServer } from '../helpers/test-server';

// A Tuesday morning. 成年後見制度専門相談 is on the first Wednesday (2026-12-02), 13:30 / 14:15 / 15:00, one seat each.
const clock = manualClock('2026-11-24T10:00:00+09:00');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(() => server.close());

const KOUKEN = '成年後見制度専門相談';

async function consented() {
  const chat = await Chat.open(server);
  await chat.tap('同意する');
  return chat;
}

const residentBookings = async (chat: Chat) =>
  server.deps.db.select().from(bookings).where(eq(bookings.residentId, (await chat.resident()).id));

/** From 予約 to the confirmation screen for a slot (consent given: the topic question is asked). */
async function upToConfirm(chat: Chat, day: string, time: string) {
  await chat.say('予約したい');
  expect(chat.last.choices).toContain(KOUKEN);
  await chat.tap(KOUKEN);
  await chat.tap(day);
  await chat.tap(time);
  await chat.tap('書かずに進む');
  await chat.tap('LINEで');
}

describe('booking a consultation in LINE', () => {
  it('books 成年後見制度専門相談 on 2026-12-02 13:30 end to end, with a confirmation card', async () => {
    const chat = await consented();
    await chat.say('予約したい');
    expect(chat.last.choices).toEqual(expect.arrayContaining([KOUKEN, '予約の確認・変更・キャンセル']));
    await chat.tap(KOUKEN);
    expect(chat.last.text).toContain(KOUKEN);
    expect(chat.last.choices[0]).toBe('12月2日(水)');
    expect(chat.last.choices).toContain('もっと先の日');
    const picker = chat.last.action('もっと先の日');
    expect(picker).toMatchObject({ type: 'datetimepicker', mode: 'date', min: '2026-11-25', max: '2027-01-25' });
    await chat.tap('12月2日(水)');
    expect(chat.last.text).toContain('12月2日(水)の空いている時間');
    expect(chat.last.choices.slice(0, 3)).toEqual(['13:30', '14:15', '15:00']);
    await chat.tap('13:30');
    expect(chat.last.text).toContain('ひとことで');
    await chat.say('母の財産管理のこと');
    expect(chat.last.choices).toEqual(['LINEで', '電話で']);
    await chat.tap('電話で');
    expect(chat.last.text).toContain('12月2日(水) 13:30〜14:15');
    expect(chat.last.choices).toEqual(['確定', '日時を選び直す', 'やめる']);
    await chat.tap('確定');
    const card = chat.last.messages.find((m) => m.type === 'flex');
    expect(card).toBeDefined();
    expect(chat.last.text).toContain('12月2日(水) 13:30〜14:15');
    expect(chat.last.text).toContain('東京都練馬区'); // the place
    expect(chat.last.text).toContain('地図を見る');
    expect(chat.last.text).toContain('予約の確認・変更・キャンセル');
    const rows = await residentBookings(chat);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      serviceId: 'seinen-kouken-senmon',
      status: 'booked',
      contact: 'phone',
      topic: '母の財産管理のこと',
      slotStart: new Date('2026-12-02T13:30:00+09:00'),
    });
  });

  it('without consent, the topic is not asked and nothing of the resident’s words is kept', async () => {
    const chat = await Chat.open(server);
    await chat.tap('同意しない');
    await chat.say('予約したい');
    await chat.tap(KOUKEN);
    await chat.tap('12月2日(水)');
    await chat.tap('15:00');
    expect(chat.last.choices).toEqual(['LINEで', '電話で']);
    await chat.tap('LINEで');
    await chat.tap('確定');
    expect((await residentBookings(chat))[0]).toMatchObject({ topic: null, contact: 'line' });
  });

  it('a double tap on 確定 makes one booking', async () => {
    const chat = await consented();
    await upToConfirm(chat, '12月2日(水)', '14:15');
    const confirmScreen = chat.last;
    const data = String(confirmScreen.action('確定').data);
    const userId = chat.userId;
    const now = clock.now().getTime();
    // Both taps arrive together (LINE delivers them as two events).
    const events = [0, 1].map(() => postbackEvent(userId, server.emulator.issueReplyToken(userId), data, undefined, now));
    expect(await server.post(events)).toBe(200);
    await server.drain();
    const rows = (await residentBookings(chat)).filter((b) => b.status === 'booked');
    expect(rows).toHaveLength(1);
    // And a late second tap on the same old button does not book again either.
    await chat.tap('確定', confirmScreen);
    expect((await residentBookings(chat)).filter((b) => b.status === 'booked')).toHaveLength(1);
  });

  it('the last seat taken between seeing the times and confirming → a kind message and the day’s remaining times', async () => {
    const chat = await consented();
    await chat.say('予約したい');
    await chat.tap(KOUKEN);
    await chat.tap('1月6日(水)');
    expect(chat.last.choices.slice(0, 3)).toEqual(['13:30', '14:15', '15:00']);
    await chat.tap('13:30');
    await chat.tap('書かずに進む');
    await chat.tap('LINEで');
    // Someone phones and staff book the same slot meanwhile.
    const service = getBookableService(server.deps.profile, 'seinen-kouken-senmon');
    const taken = await bookSlot(server.deps.db, service, {
      slotStart: tokyoDate('2027-01-06', '13:30'),
      requestKey: 'phone-1',
      now: clock.now(),
      contact: 'phone',
      contactName: '電話 たろう',
    });
    expect(taken.ok).toBe(true);
    await chat.tap('確定');
    expect(chat.last.text).toContain('満席');
    expect(chat.last.choices.slice(0, 2)).toEqual(['14:15', '15:00']);
    expect(await residentBookings(chat)).toHaveLength(0);
    await chat.tap('14:15');
    await chat.tap('書かずに進む');
    await chat.tap('LINEで');
    await chat.tap('確定');
    expect(chat.last.text).toContain('1月6日(水) 14:15〜15:00');
  });

  it('lists upcoming bookings; cancelling frees the seat', async () => {
    const chat = await consented();
    await upToConfirm(chat, '1月6日(水)', '15:00');
    await chat.tap('確定');
    await chat.say('予約の確認・変更・キャンセル');
    expect(chat.last.text).toContain('1月6日(水) 15:00〜15:45');
    expect(chat.last.text).toContain(KOUKEN);
    await chat.tap('1月6日(水) 15:00');
    expect(chat.last.choices).toEqual(['キャンセルする', '日時を変更する', '一覧に戻る']);
    await chat.tap('キャンセルする');
    expect(chat.last.text).toContain('キャンセルしてよろしいですか');
    await chat.tap('キャンセルする');
    expect(chat.last.text).toContain('キャンセルしました');
    expect((await residentBookings(chat)).map((b) => b.status)).toEqual(['cancelled']);
    // The seat is free again for someone else.
    const other = await consented();
    await other.say('予約したい');
    await other.tap(KOUKEN);
    await other.tap('1月6日(水)');
    expect(other.last.choices).toContain('15:00');
    await chat.say('予約の確認');
    expect(chat.last.text).toContain('これからのご予約はありません');
  });

  it('changes a booking: the old one stays until the new time is confirmed', async () => {
    const chat = await consented();
    await chat.say('予約');
    await chat.tap('予約面接（きらら）');
    await chat.tap('11月26日(木)');
    await chat.tap('10:00');
    await chat.tap('書かずに進む');
    await chat.tap('LINEで');
    await chat.tap('確定');
    await chat.tap('予約の確認・変更・キャンセル');
    await chat.tap('11月26日(木) 10:00');
    await chat.tap('日時を変更する');
    await chat.tap('11月30日(月)');
    await chat.tap('11:00');
    expect(chat.last.choices).toEqual(['変更を確定', '日時を選び直す', '変更をやめる']);
    expect((await residentBookings(chat)).map((b) => b.status)).toEqual(['booked']);
    await chat.tap('変更を確定');
    expect(chat.last.text).toContain('11月30日(月) 11:00〜12:00');
    const rows = await residentBookings(chat);
    expect(rows.map((b) => [b.status, b.slotStart.toISOString()]).sort()).toEqual([
      ['booked', '2026-11-30T02:00:00.000Z'],
      ['cancelled', '2026-11-26T01:00:00.000Z'],
    ]);
  });

  it('a later day from the date picker, and a closed day picked there', async () => {
    const chat = await consented();
    await chat.say('予約したい');
    await chat.tap('予約面接（きらら）');
    await chat.pickDate('もっと先の日', '2027-01-01'); // 元日: closed
    expect(chat.last.text).toContain('1月1日(金)は、ご予約できる時間がありません');
    await chat.pickDate('もっと先の日', '2027-01-07');
    expect(chat.last.text).toContain('1月7日(木)の空いている時間');
    expect(chat.last.choices[0]).toBe('9:00');
  });

  it('from a triage result: 予約する goes straight to きらら’s open days', async () => {
    const chat = await consented();
    await chat.say('障害年金のことを聞きたい');
    expect(chat.last.text).toContain('きらら');
    await chat.tap('予約する');
    expect(chat.last.text).toContain('予約面接（きらら）');
    // きらら: 月・木 and 火 mornings; 11/24 is today and bookings need a day's notice.
    expect(chat.last.choices.slice(0, 3)).toEqual(['11月26日(木)', '11月30日(月)', '12月1日(火)']);
  });

  it('from a triage result whose department has no bookable service: the honest phone message', async () => {
    const chat = await consented();
    await chat.say('ボランティアをしてみたい');
    await chat.tap('予約する');
    expect(chat.last.text).toContain('お電話で受け付けています');
  });
});
