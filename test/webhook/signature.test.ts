import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeWebhookBody, textMessageEvent } from '../../src/dev/simulator/events';
import { signBody } from '../../src/line/signature';
import { EMULATOR_CHANNEL_SECRET } from '../../src/node/local-tools';
import { BOT_DESTINATION, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function postRaw(body: Uint8Array<ArrayBuffer> | string, signature: string | undefined): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== undefined) headers['x-line-signature'] = signature;
  const res = await fetch(`${server.url}/webhook`, { method: 'POST', headers, body });
  return { status: res.status, body: await res.text() };
}

describe('webhook signature', () => {
  const userId = 'U1234567890abcdef1234567890abcdef';
  // LINE escapes emoji as \uD83D\uDE00 in the bytes it signs.
  const body = serializeWebhookBody(BOT_DESTINATION, [textMessageEvent(userId, 'token-x', '家賃が払えない😀')]);
  const reserialized: Uint8Array<ArrayBuffer> = new TextEncoder().encode(JSON.stringify(JSON.parse(new TextDecoder().decode(body))));

  type Case = [string, () => Promise<string | undefined>, Uint8Array<ArrayBuffer>, number];
  it.each<Case>([
    ['wrong secret', () => signBody(body, 'another-secret'), body, 401],
    ['missing header', async () => undefined, body, 401],
    ['empty header', async () => '', body, 401],
    ['truncated signature', async () => (await signBody(body, EMULATOR_CHANNEL_SECRET)).slice(0, 20), body, 401],
    ['signature of other bytes', () => signBody('{}', EMULATOR_CHANNEL_SECRET), body, 401],
    ['re-serialized JSON (emoji unescaped)', () => signBody(body, EMULATOR_CHANNEL_SECRET), reserialized, 401],
  ])('%s → %i and nothing stored', async (_name, sign, sent, expected) => {
    expect(new TextDecoder().decode(body)).toContain('\\uD83D\\uDE00');
    const { status } = await postRaw(sent, await sign());
    expect(status).toBe(expected);
    await server.drain();
    expect(await server.count('webhook_events')).toBe(0);
    expect(await server.count('messages')).toBe(0);
    expect(await server.count('residents')).toBe(0);
    expect(server.logs.join('\n')).not.toContain(userId);
  });

  it('valid signature over the exact bytes → 200 and stored', async () => {
    const { status } = await postRaw(body, await signBody(body, EMULATOR_CHANNEL_SECRET));
    expect(status).toBe(200);
    await server.drain();
    expect(await server.count('webhook_events')).toBe(1);
  });

  it('valid signature but invalid JSON → 400, nothing stored', async () => {
    const before = await server.count('webhook_events');
    const bad = '{"destination":"x","events":[';
    expect((await postRaw(bad, await signBody(bad, EMULATOR_CHANNEL_SECRET))).status).toBe(400);
    const wrongShape = '{"events":"no"}';
    expect((await postRaw(wrongShape, await signBody(wrongShape, EMULATOR_CHANNEL_SECRET))).status).toBe(400);
    expect(await server.count('webhook_events')).toBe(before);
  });

  it("LINE's verify button (no events) → 200", async () => {
    const verify = JSON.stringify({ destination: BOT_DESTINATION, events: [] });
    const { status, body: text } = await postRaw(verify, await signBody(verify, EMULATOR_CHANNEL_SECRET));
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({});
  });

  it('logs the rejection without the body', () => {
    const rejected = server.logs.filter((l) => l.includes('webhook.bad_signature'));
    expect(rejected.length).toBe(6);
    expect(rejected.join('\n')).not.toContain('家賃');
  });
});

describe('webhook body size', () => {
  it('a body over 1 MiB is refused with 413 before it is read and hashed, nothing stored', async () => {
    const before = await server.count('webhook_events');
    const huge = JSON.stringify({ destination: BOT_DESTINATION, events: [], pad: 'x'.repeat(1024 * 1024) });
    const { status } = await postRaw(huge, await signBody(huge, EMULATOR_CHANNEL_SECRET));
    expect(status).toBe(413);
    expect(await server.count('webhook_events')).toBe(before);
  });
});
