import { createHmac } from 'node:crypto';
import { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLineEmulator } from '../../src/dev/line-emulator';
import { createSimulator } from '../../src/dev/simulator';

const EMULATOR = 'http://emulator.test';
const WEBHOOK = 'http://app.test/webhook';
const SECRET = 'api-test-secret';

type Captured = { raw: string; signature: string | null; headers: Headers };

/** The simulator wired to an in-process emulator and a capturing webhook, with no sockets. */
function setup(webhookStatus = 200) {
  const emulator = createLineEmulator({ channelAccessToken: 'token' });
  const webhooks: Captured[] = [];
  let emulatorUp = true;
  const fakeFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (request.url.startsWith(EMULATOR)) {
      if (!emulatorUp) throw new TypeError('fetch failed');
      return emulator.app.fetch(request);
    }
    webhooks.push({ raw: await request.text(), signature: request.headers.get('x-line-signature'), headers: request.headers });
    return new Response('{}', { status: webhookStatus });
  };
  const host = new Hono();
  host.route('/simulator', createSimulator({ emulatorBaseUrl: EMULATOR, webhookUrl: WEBHOOK, channelSecret: SECRET, fetch: fakeFetch }));
  const call = (method: string, path: string, body?: unknown) =>
    host.request(`/simulator${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  return {
    emulator,
    webhooks,
    call,
    stopEmulator: () => {
      emulatorUp = false;
    },
    lastEvent: () => (JSON.parse(webhooks.at(-1)?.raw ?? 'null') as { events: Record<string, any>[] }).events[0] as Record<string, any>,
  };
}

describe('simulator API', () => {
  let t: ReturnType<typeof setup>;
  let userId: string;

  beforeEach(async () => {
    t = setup();
    const res = await t.call('POST', '/api/residents', { displayName: '山田 太郎' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { resident: { userId: string }; ok: boolean; webhookStatus: number };
    expect(body).toMatchObject({ ok: true, webhookStatus: 200, resident: { displayName: '山田 太郎', following: true } });
    userId = body.resident.userId;
  });

  it('signs the exact bytes it sends, as LINE does', () => {
    const { raw, signature, headers } = t.webhooks[0] as Captured;
    expect(signature).toBe(createHmac('sha256', SECRET).update(Buffer.from(raw, 'utf8')).digest('base64'));
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = JSON.parse(raw) as { destination: string; events: unknown[] };
    expect(body.destination).toMatch(/^U[0-9a-f]{32}$/);
    expect(body.events).toHaveLength(1);
  });

  it('builds follow, message, postback and unfollow events with fresh ids and reply tokens', async () => {
    const follow = t.lastEvent();
    expect(follow).toMatchObject({ type: 'follow', mode: 'active', deliveryContext: { isRedelivery: false }, source: { type: 'user', userId }, follow: { isUnblocked: false } });

    await t.call('POST', '/api/send', { userId, text: '家賃が払えない😢' });
    const message = t.lastEvent();
    expect(message).toMatchObject({ type: 'message', message: { type: 'text', text: '家賃が払えない😢' } });
    expect(message.message.id).toMatch(/^\d{18}$/);
    expect(message.webhookEventId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(message.webhookEventId).not.toBe(follow.webhookEventId);
    expect(message.replyToken).not.toBe(follow.replyToken);
    expect(t.webhooks.at(-1)?.raw).toContain('\\uD83D\\uDE22');

    await t.call('POST', '/api/postback', { userId, data: 'step=2', params: { date: '2030-04-01' } });
    expect(t.lastEvent()).toMatchObject({ type: 'postback', postback: { data: 'step=2', params: { date: '2030-04-01' } } });
    expect(t.lastEvent().replyToken).toBeTruthy();

    await t.call('POST', `/api/residents/${userId}/block`);
    expect(t.lastEvent()).toMatchObject({ type: 'unfollow', source: { userId } });
    expect(t.lastEvent().replyToken).toBeUndefined();
    expect(t.emulator.state.getUser(userId)?.following).toBe(false);

    await t.call('POST', `/api/residents/${userId}/unblock`);
    expect(t.lastEvent()).toMatchObject({ type: 'follow', follow: { isUnblocked: true } });
    expect(t.emulator.state.getUser(userId)?.following).toBe(true);
  });

  it('reply tokens it sends are ones the emulator accepts', async () => {
    await t.call('POST', '/api/send', { userId, text: 'こんにちは' });
    const reply = await t.emulator.app.request('/v2/bot/message/reply', {
      method: 'POST',
      headers: { authorization: 'Bearer token', 'content-type': 'application/json' },
      body: JSON.stringify({ replyToken: t.lastEvent().replyToken, messages: [{ type: 'text', text: 'はい' }] }),
    });
    expect(reply.status).toBe(200);
    const inbox = (await (await t.call('GET', `/api/inbox/${userId}?after=0`)).json()) as { deliveries: { messages: unknown[] }[] };
    expect(inbox.deliveries.map((d) => d.messages)).toEqual([[{ type: 'text', text: 'はい' }]]);
  });

  it('keeps what the resident said for redrawing the chat', async () => {
    await t.call('POST', '/api/send', { userId, text: 'ひとつめ' });
    await t.call('POST', '/api/postback', { userId, data: 'x', displayText: 'ふたつめ' });
    await t.call('POST', '/api/postback', { userId, data: 'y' });
    const { entries } = (await (await t.call('GET', `/api/history/${userId}`)).json()) as { entries: { text: string }[] };
    expect(entries.map((e) => e.text)).toEqual(['ひとつめ', 'ふたつめ']);
  });

  it('reports the webhook status when the app does not answer 200', async () => {
    const failing = setup(500);
    const res = await failing.call('POST', '/api/residents', { displayName: '失敗 さん' });
    expect(await res.json()).toMatchObject({ ok: false, webhookStatus: 500 });
  });

  it('rejects bad input with a Japanese message and sends nothing', async () => {
    const before = t.webhooks.length;
    for (const [path, body] of [
      ['/api/send', { userId, text: '   ' }],
      ['/api/send', { userId, text: 'あ'.repeat(5001) }],
      ['/api/send', { userId: 'not-a-user', text: 'hi' }],
      ['/api/postback', { userId, data: 'x', params: { datetime: 'tomorrow' } }],
      ['/api/residents', { displayName: '' }],
    ] as const) {
      const res = await t.call('POST', path, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: '入力内容をご確認ください。' });
    }
    expect(t.webhooks.length).toBe(before);
  });

  it('says so in Japanese when the emulator does not know the resident', async () => {
    t.emulator.state.reset();
    const res = await t.call('POST', '/api/send', { userId, text: 'こんにちは' });
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: 'この住民は LINE エミュレーターに見つかりません。ページを再読み込みしてください。' });
  });

  it('says so in Japanese when the emulator cannot be reached', async () => {
    t.stopEmulator();
    const res = await t.call('GET', '/api/residents');
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: 'LINE エミュレーターに接続できませんでした。起動しているかご確認ください。' });
  });

  it('serves the page with a trailing slash so relative URLs stay under the mount', async () => {
    const redirect = await t.call('GET', '');
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe('/simulator/');
    const page = await t.call('GET', '/');
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('src="app.js"');
    expect((await t.call('GET', '/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await t.call('GET', '/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await t.call('GET', '/secrets.js')).status).toBe(404);
  });
});
