import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/db/schema';
import { manualClock } from '../../src/time/clock';
import { Chat } from '../helpers/chat';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  // Late at night on a holiday: no counselor is reading, the numbers matter most.
  server = await startTestServer({ clock: manualClock('2026-11-23T23:30:00+09:00') });
});
afterAll(() => server.close());

const SUICIDE_LINES = ['0570-783-556', '0120-279-338', '0570-064-556'];

function expectCrisisAnswer(chat: Chat, numbers: string[]) {
  // The very first message of the reply is the caring word, the second the numbers: never a menu first.
  const [first, second] = chat.last.messages;
  expect(first?.type).toBe('text');
  expect(second?.type).toBe('flex');
  for (const n of numbers) expect(chat.last.text).toContain(n);
  expect(chat.last.text).not.toContain('同意する');
  expect(chat.last.choices).toEqual(['人と話したい', 'メニュー']);
}

describe('crisis first, everywhere', () => {
  it('as the very first message, before following or consenting', async () => {
    const chat = await Chat.open(server, { follow: false });
    await chat.say('もう死にたい');
    expectCrisisAnswer(chat, SUICIDE_LINES);
    const kase = await chat.openCase();
    expect(kase).toMatchObject({ urgency: 'crisis', status: 'waiting', crisisKinds: 'suicide' });
    // Life first: the words are kept for the counselor even without consent.
    expect(kase?.summary).toBe('もう死にたい');
  });

  it('on the consent screen, before answering it', async () => {
    const chat = await Chat.open(server);
    await chat.say('夫に殴られています。こわい');
    expectCrisisAnswer(chat, ['#8008', '110']);
  });

  it('in the middle of a question, and the question can still be answered after', async () => {
    const chat = await Chat.open(server);
    await chat.tap('同意する');
    await chat.tap('お金・生活費');
    await chat.say('借金で首が回らない。もう消えてしまいたい');
    expectCrisisAnswer(chat, SUICIDE_LINES);
    expect((await chat.openCase())?.category).toBe('money');
  });

  it('child abuse → 189; someone collapsed → 119', async () => {
    const chat = await Chat.open(server, { follow: false });
    await chat.say('子どもを叩いてしまいそうです');
    expectCrisisAnswer(chat, ['189']);
    await chat.say('母が倒れて動かない');
    expectCrisisAnswer(chat, ['119']);
  });

  it('after consent was refused, the crisis case is still first-class, hiragana and all', async () => {
    const chat = await Chat.open(server);
    await chat.tap('同意しない');
    await chat.say('しにたい');
    expectCrisisAnswer(chat, SUICIDE_LINES);
    expect(await chat.openCase()).toMatchObject({ urgency: 'crisis', status: 'waiting' });
    const resident = await chat.resident();
    const inbound = await server.deps.db.select().from(messages).where(eq(messages.residentId, resident.id));
    expect(inbound.filter((m) => m.direction === 'in').map((m) => m.body)).toContain('しにたい');
  });

  it('a normal message after a crisis does not lower the case urgency', async () => {
    const chat = await Chat.open(server, { follow: false });
    await chat.say('死にたい');
    await chat.say('介護保険の使い方がわからない');
    expect((await chat.openCase())?.urgency).toBe('crisis');
  });

  it('crisis-looking idioms are not crises', async () => {
    const chat = await Chat.open(server);
    await chat.tap('同意する');
    await chat.say('仕事が死ぬほど忙しいです');
    expect(chat.last.text).not.toContain('0570-783-556');
  });
});
