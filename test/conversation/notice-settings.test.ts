// お知らせ設定 in LINE over the real local server: nobody is opted in until they choose;
// choosing areas and kinds (a page at a time, tap again to remove), changing them,
// stopping all notices, and keeping the choice across unfollow and re-follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followEvent, unfollowEvent } from '../../src/dev/simulator/events';
import { noticeSettingsOf } from '../../src/notices/settings';
import { manualClock } from '../../src/time/clock';
import { tokyoDate } from '../../src/time/tokyo';
import { Chat } from '../helpers/chat';
import { startTestServer, type TestServer } from '../helpers/test-server';

const clock = manualClock(tokyoDate('2026-11-24', '10:00'));
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(() => server.close());

const settingsOf = async (chat: Chat) => noticeSettingsOf(server.deps.db, (await chat.resident()).id);

describe('お知らせ設定', () => {
  it('opt in with areas and kinds, see them, change them, stop all notices', async () => {
    const chat = await Chat.open(server);
    expect(await settingsOf(chat)).toEqual({ optedIn: false, areas: [], kinds: [] });

    await chat.say('お知らせ設定');
    expect(chat.last.text).toContain('いまは、お知らせをお送りしていません');
    expect(chat.last.choices).toEqual(['お知らせを受け取る', 'イベント・サロンを探す', 'メニュー']);
    await chat.tap('お知らせを受け取る');
    expect(chat.last.choices).toEqual(['練馬', '光が丘', '石神井', '大泉', '関町', '土支田', 'すべての地区', '次へ', 'やめる']);

    // 次へ with nothing chosen asks again.
    await chat.tap('次へ');
    expect(chat.last.text).toContain('地区を1つ以上選んでください');
    await chat.tap('練馬');
    expect(chat.last.choices[0]).toBe('✓練馬');
    expect(chat.last.text).toContain('地区：練馬');
    await chat.tap('光が丘');
    await chat.tap('大泉');
    await chat.tap('✓大泉'); // tapped again: removed
    expect(chat.last.text).toContain('地区：練馬、光が丘');
    await chat.tap('次へ');

    // 14 kinds: nine a page, 「ほかの種類」, and the flow's three: LINE's 13.
    expect(chat.last.choices).toHaveLength(13);
    await chat.tap('こども食堂');
    await chat.tap('ほかの種類');
    await chat.tap('マルシェ');
    expect(chat.last.text).toContain('種類：こども食堂、マルシェ');
    await chat.tap('決定');
    expect(chat.last.text).toContain('お知らせの設定を保存しました');
    expect(await settingsOf(chat)).toEqual({
      optedIn: true,
      areas: expect.arrayContaining(['nerima', 'hikarigaoka']),
      kinds: expect.arrayContaining(['kodomo-shokudo', 'marche']),
    });
    expect((await settingsOf(chat)).areas).toHaveLength(2);

    await chat.say('お知らせ設定');
    expect(chat.last.text).toContain('いまは、次のお知らせをお送りしています');
    expect(chat.last.text).toContain('地区：練馬、光が丘');
    expect(chat.last.text).toContain('種類：こども食堂、マルシェ');
    await chat.tap('設定を変える');
    // The stored choice is where editing starts.
    expect(chat.last.choices.slice(0, 2)).toEqual(['✓練馬', '✓光が丘']);
    await chat.tap('すべての地区');
    await chat.tap('すべての種類');
    expect(chat.last.text).toContain('地区：すべての地区');
    expect(await settingsOf(chat)).toEqual({ optedIn: true, areas: ['*'], kinds: ['*'] });

    await chat.say('お知らせを止めたい');
    expect(chat.last.text).toContain('お知らせを止めますか');
    await chat.tap('止める');
    expect(chat.last.text).toContain('お知らせを止めました');
    // Stopped: nothing is sent; the choice is kept for when they start again.
    expect(await settingsOf(chat)).toEqual({ optedIn: false, areas: ['*'], kinds: ['*'] });
    await chat.say('お知らせ設定');
    expect(chat.last.text).toContain('いまは、お知らせをお送りしていません');
  });

  it('やめる while choosing changes nothing; 決定 with no kind asks for one', async () => {
    const chat = await Chat.open(server);
    await chat.say('お知らせ');
    await chat.tap('お知らせを受け取る');
    await chat.tap('土支田');
    await chat.tap('やめる');
    expect(chat.last.text).toContain('設定は変えていません');
    expect(await settingsOf(chat)).toEqual({ optedIn: false, areas: [], kinds: [] });

    await chat.tap('お知らせを受け取る');
    await chat.tap('すべての地区');
    await chat.tap('決定');
    expect(chat.last.text).toContain('種類を1つ以上選んでください');
    expect(await settingsOf(chat)).toMatchObject({ optedIn: false });
  });

  it('unfollow and follow again: the settings are kept (broadcasts skip residents while they do not follow)', async () => {
    const chat = await Chat.open(server);
    await chat.say('お知らせ設定');
    await chat.tap('お知らせを受け取る');
    await chat.tap('すべての地区');
    await chat.tap('すべての種類');
    const now = clock.now().getTime();
    await server.post([unfollowEvent(chat.userId, now)]);
    await server.drain();
    expect(await chat.resident()).toMatchObject({ following: false });
    expect(await settingsOf(chat)).toEqual({ optedIn: true, areas: ['*'], kinds: ['*'] });
    await server.post([followEvent(chat.userId, server.emulator.issueReplyToken(chat.userId), true, now)]);
    await server.drain();
    expect(await chat.resident()).toMatchObject({ following: true });
    expect(await settingsOf(chat)).toEqual({ optedIn: true, areas: ['*'], kinds: ['*'] });
  });
});
