import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followEvent, postbackEvent, textMessageEvent, unfollowEvent } from '../../src/dev/simulator/events';
import { messages, residents, webhookEvents } from '../../src/db/schema';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const residentRow = async (lineUserId: string) =>
  (await server.deps.db.select().from(residents).where(eq(residents.lineUserId, lineUserId)))[0];
const transcript = async (lineUserId: string) => {
  const r = await residentRow(lineUserId);
  return server.deps.db.select().from(messages).where(eq(messages.residentId, r!.id)).orderBy(messages.id);
};
const eventStatus = async (id: string) =>
  (await server.deps.db.select().from(webhookEvents).where(eq(webhookEvents.webhookEventId, id)))[0];

describe('LINE events', () => {
  it('follow → resident row with display name, greeting reply, transcript', async () => {
    const userId = server.newResident('練馬 はるこ');
    await server.post([followEvent(userId, server.emulator.issueReplyToken(userId), false)]);
    await server.drain();
    const row = await residentRow(userId);
    expect(row).toMatchObject({ displayName: '練馬 はるこ', following: true });
    const [reply] = server.emulator.inbox(userId);
    expect(reply?.via).toBe('reply');
    expect(JSON.stringify(reply?.messages)).toContain('友だち追加ありがとうございます');
    const log = await transcript(userId);
    expect(log.map((m) => m.direction)).toEqual(['in', ...reply!.messages.map(() => 'out')]);
  });

  it('unfollow → resident inactive, nothing sent', async () => {
    const userId = server.newResident();
    await server.say(userId, 'こんにちは');
    const before = server.emulator.inbox(userId).length;
    server.emulator.unfollow(userId);
    await server.post([unfollowEvent(userId)]);
    await server.drain();
    expect(await residentRow(userId)).toMatchObject({ following: false });
    expect(server.emulator.inbox(userId).length).toBe(before);
  });

  it('text and postback → a reply each; text is kept only after consent', async () => {
    const userId = server.newResident();
    await server.say(userId, '相談したいです');
    await server.post([postbackEvent(userId, server.emulator.issueReplyToken(userId), 'g=giveConsent')]);
    await server.drain();
    await server.say(userId, '家賃のことで相談したいです');
    expect(server.emulator.inbox(userId).length).toBe(3);
    const inbound = (await transcript(userId)).filter((m) => m.direction === 'in');
    expect(inbound.map((m) => m.kind)).toEqual(['text', 'postback', 'text']);
    expect(inbound[0]!.body).not.toContain('相談したいです');
    expect(inbound[2]!.body).toBe('家賃のことで相談したいです');
  });

  it('standby-mode events are stored but not answered', async () => {
    const userId = server.newResident();
    const event = { ...textMessageEvent(userId, server.emulator.issueReplyToken(userId), 'こんにちは'), mode: 'standby' };
    expect(await server.post([event])).toBe(200);
    await server.drain();
    expect(server.emulator.inbox(userId)).toHaveLength(0);
    expect((await eventStatus(event.webhookEventId))?.status).toBe('ignored');
  });

  it('unknown event and message types are ignored without error', async () => {
    const userId = server.newResident();
    const base = textMessageEvent(userId, server.emulator.issueReplyToken(userId), 'x');
    const unknownEvent = { ...base, webhookEventId: '01UNKNOWNEVENT000000000000', type: 'futureThing', futureThing: { a: 1 } };
    const noId = { type: 'message', timestamp: Date.now() };
    expect(await server.post([unknownEvent, noId])).toBe(200);
    await server.drain();
    expect((await eventStatus(unknownEvent.webhookEventId))?.status).toBe('ignored');
    expect(server.emulator.inbox(userId)).toHaveLength(0);
  });

  it('a sticker gets a kind answer', async () => {
    const userId = server.newResident();
    const base = textMessageEvent(userId, server.emulator.issueReplyToken(userId), '');
    const sticker = { ...base, message: { type: 'sticker', id: '1', packageId: '446', stickerId: '1988' } };
    await server.post([sticker]);
    await server.drain();
    expect(server.emulator.inbox(userId)).toHaveLength(1);
  });

  it('payload is cleared once processed, and logs never hold text or LINE user ids', async () => {
    const userId = server.newResident();
    const event = textMessageEvent(userId, server.emulator.issueReplyToken(userId), '秘密の相談です');
    await server.post([event]);
    await server.drain();
    expect((await eventStatus(event.webhookEventId))?.payload).toBeNull();
    const logs = server.logs.join('\n');
    expect(logs).not.toContain('秘密');
    expect(logs).not.toMatch(/U[0-9a-f]{32}/);
  });
});
