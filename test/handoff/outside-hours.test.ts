import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chat } from '../helpers/chat';
import type { TestServer } from '../helpers/test-server';
import { startHandoffServer } from './support';

let server: TestServer;
beforeAll(async () => {
  // A Sunday night: no counselor reads LINE until Monday morning.
  server = await startHandoffServer({ at: '2026-11-29T22:00:00+09:00' });
});
afterAll(() => server.close());

describe('outside the account’s hours', () => {
  it('the resident hears their place, when a counselor will answer, and where to call now — no wait figure', async () => {
    const chat = await Chat.open(server);
    await chat.tap('同意する');
    await chat.tap('人と話したい');
    const text = chat.last.text;
    expect(text).toContain('現在1番目です。');
    expect(text).not.toContain('目安');
    expect(text).toContain('いまは相談員の対応時間外です（毎週日曜日はお休みです）。11月30日(月) 8:30 から順にお返事します。');
    expect(text).toContain('よりそいホットライン 0120-279-338');
  });

  it('a crisis at night: the hotlines first, then the place and the hours', async () => {
    const chat = await Chat.open(server);
    await chat.say('死にたい');
    expect(chat.last.messages[1]?.type).toBe('flex');
    expect(chat.last.text).toContain('現在1番目です。');
    expect(chat.last.text).toContain('11月30日(月) 8:30 から順にお返事します。');
    expect(chat.last.messages.length).toBeLessThanOrEqual(5);
  });
});
