import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textMessageEvent } from '../../src/dev/simulator/events';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const repliesTo = (userId: string) => server.emulator.inbox(userId).length;

describe('a redelivered webhookEventId does nothing twice', () => {
  it('3× sequentially → 1 stored event, 1 reply', async () => {
    const userId = server.newResident();
    const event = textMessageEvent(userId, server.emulator.issueReplyToken(userId), 'こんにちは');
    for (let i = 0; i < 3; i++) expect(await server.post([event])).toBe(200);
    await server.drain();
    expect(await server.count('webhook_events')).toBe(1);
    expect(repliesTo(userId)).toBe(1);
  });

  it('3× in parallel → 1 stored event, 1 reply', async () => {
    const userId = server.newResident();
    const event = textMessageEvent(userId, server.emulator.issueReplyToken(userId), 'こんにちは');
    const statuses = await Promise.all([0, 1, 2].map(() => server.post([event])));
    expect(statuses).toEqual([200, 200, 200]);
    await server.drain();
    expect(await server.count("webhook_events where webhook_event_id = '" + event.webhookEventId + "'")).toBe(1);
    expect(repliesTo(userId)).toBe(1);
  });

  it('the same event twice inside one request → handled once', async () => {
    const userId = server.newResident();
    const event = textMessageEvent(userId, server.emulator.issueReplyToken(userId), 'もしもし');
    expect(await server.post([event, event])).toBe(200);
    await server.drain();
    expect(repliesTo(userId)).toBe(1);
  });
});
