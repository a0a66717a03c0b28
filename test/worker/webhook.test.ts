import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { createClient } from '@libsql/client/web';
import { afterAll, describe, expect, it } from 'vitest';
import worker from '../../src/worker';
import { serializeWebhookBody, textMessageEvent, type WebhookEvent } from '../../src/dev/simulator/events';
import { signBody } from '../../src/line/signature';
import { emulatorCaller } from './emulator';

const DESTINATION = 'U7e5a09c1d2b3a4f5e6d7c8b9a0f1e2d3';
const emulatorCall = emulatorCaller(env.LINE_API_BASE_URL);
// A separate connection to sqld, so the assertions see what the Worker committed, not its own state.
const sqld = createClient({ url: env.DATABASE_URL });
afterAll(() => sqld.close());

const newUser = async () => (await emulatorCall<{ userId: string }>('/users', { displayName: 'ワーカー 試験' })).userId;
const replyTokenFor = async (userId: string) =>
  (await emulatorCall<{ replyToken: string }>('/reply-tokens', { userId })).replyToken;
const inbox = async (userId: string) =>
  (await emulatorCall<{ deliveries: { via: string; messages: SentMessage[] }[] }>(`/inbox/${userId}`)).deliveries;

type SentMessage = { type: string; text?: string; altText?: string };
// What the resident sees in the chat list: text for text messages, altText for flex and template ones.
const visibleText = (m: SentMessage) => (m.text ?? m.altText ?? '').trim();

function webhookRequest(body: Uint8Array<ArrayBuffer>, signature: string): Request {
  return new Request('https://tsunagu.example/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-line-signature': signature },
    body,
  });
}

/** Calls the Worker's fetch handler and waits for everything it handed to waitUntil. */
async function deliver(events: WebhookEvent[], signWith = env.LINE_CHANNEL_SECRET): Promise<number> {
  const body = serializeWebhookBody(DESTINATION, events);
  const ctx = createExecutionContext();
  const res = await worker.fetch(webhookRequest(body, await signBody(body, signWith)), env, ctx);
  await res.arrayBuffer();
  await waitOnExecutionContext(ctx);
  return res.status;
}

async function storedEvents(webhookEventId: string) {
  const result = await sqld.execute({
    sql: 'select status from webhook_events where webhook_event_id = ?',
    args: [webhookEventId],
  });
  return result.rows.map((row) => row.status);
}

describe('the Worker in workerd, against sqld and the LINE emulator', () => {
  it('answers a signed text message with 200, then replies once and records the event in sqld', async () => {
    const userId = await newUser();
    const event = textMessageEvent(userId, await replyTokenFor(userId), 'こんにちは');

    expect(await deliver([event])).toBe(200);

    const deliveries = await inbox(userId);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.via).toBe('reply');
    const { messages } = deliveries[0]!;
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(visibleText(message)).not.toBe('');
    expect(await storedEvents(event.webhookEventId)).toEqual(['processed']);
    const stored = await sqld.execute('select count(*) as n from messages');
    expect(Number(stored.rows[0]!.n)).toBeGreaterThan(0);
  });

  it('rejects a bad signature with 401 and stores nothing', async () => {
    const userId = await newUser();
    const event = textMessageEvent(userId, await replyTokenFor(userId), 'こんにちは');

    expect(await deliver([event], 'not-the-channel-secret')).toBe(401);

    expect(await storedEvents(event.webhookEventId)).toEqual([]);
    expect(await inbox(userId)).toEqual([]);
  });

  it('answers the verify-style empty webhook with 200', async () => {
    expect(await deliver([])).toBe(200);
  });

  it('handles a redelivered webhookEventId once: one row, one reply', async () => {
    const userId = await newUser();
    const event = textMessageEvent(userId, await replyTokenFor(userId), 'もしもし');

    expect(await deliver([event])).toBe(200);
    expect(await deliver([event])).toBe(200);

    expect(await storedEvents(event.webhookEventId)).toEqual(['processed']);
    expect(await inbox(userId)).toHaveLength(1);
  });

  it('is reachable through the runtime entry (exports.default)', async () => {
    const body = serializeWebhookBody(DESTINATION, []);
    const ok = await exports.default.fetch(webhookRequest(body, await signBody(body, env.LINE_CHANNEL_SECRET)));
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
    const forged = await exports.default.fetch(webhookRequest(body, await signBody(body, 'forged')));
    expect(forged.status).toBe(401);
    await forged.arrayBuffer();
  });
});
