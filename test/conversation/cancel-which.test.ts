// A bare 「キャンセル」 may mean a consultation booking or an event the resident joined:
// the bot asks which instead of guessing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/time/clock';
import { tokyoDate } from '../../src/time/tokyo';
import { Chat } from '../helpers/chat';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { insertEvent } from '../events/support';

const clock = manualClock(tokyoDate('2026-11-24', '10:00'));
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock });
  await insertEvent(server.deps.db, { title: 'ふれあいサロン 練馬', startsAt: tokyoDate('2026-11-28', '14:00'), capacity: 10 });
});
afterAll(() => server.close());

describe('「キャンセル」', () => {
  it('asks whether it is about a booking or an event, and each choice leads to its list', async () => {
    const chat = await Chat.open(server);
    await chat.say('キャンセル');
    expect(chat.last.text).toContain('どちらを確認・キャンセルしますか');
    expect(chat.last.choices).toEqual(['相談の予約', '申し込んだイベント', 'メニュー']);

    await chat.tap('申し込んだイベント');
    expect(chat.last.text).toContain('申し込み');
    expect(chat.last.text).not.toContain('どちらを');

    await chat.say('キャンセル');
    await chat.tap('相談の予約');
    expect(chat.last.text).toMatch(/予約/);
  });

  it('「予約のキャンセル」 still goes straight to the bookings', async () => {
    const chat = await Chat.open(server);
    await chat.say('予約のキャンセル');
    expect(chat.last.text).not.toContain('どちらを');
    expect(chat.last.text).toMatch(/予約/);
  });
});
