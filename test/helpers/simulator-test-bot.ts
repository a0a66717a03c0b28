import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * A tiny LINE bot for the simulator's browser test: it checks x-line-signature on the raw bytes
 * (node:crypto, independent of the simulator's Web Crypto signer) and answers through the emulator.
 */
export type ReceivedEvent = {
  type: string;
  webhookEventId: string;
  timestamp: number;
  mode: string;
  deliveryContext: { isRedelivery: boolean };
  source: { type: string; userId: string };
  replyToken?: string;
  follow?: { isUnblocked: boolean };
  message?: { type: string; id: string; text: string; quoteToken: string };
  postback?: { data: string; params?: Record<string, string> };
};

export type TestBot = {
  url: string;
  events: ReceivedEvent[];
  destinations: string[];
  rawBodies: string[];
  signatureFailures: number;
  close(): Promise<void>;
};

export const FAIL_TEXT = 'エラーを起こして';

const quickReply = {
  items: [
    { type: 'action', action: { type: 'message', label: 'こんにちは', text: 'こんにちは' } },
    { type: 'action', action: { type: 'postback', label: '相談の予約', data: 'action=book&step=1', displayText: '相談を予約したい' } },
    { type: 'action', action: { type: 'camera', label: 'カメラ' } },
  ],
};

const bookingFlex = {
  type: 'flex',
  altText: 'ご予約の確認',
  contents: {
    type: 'bubble',
    header: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: 'ご予約', weight: 'bold', size: 'xl', color: '#06c755' }] },
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'md',
      contents: [
        { type: 'text', text: '相談の日時を選んでください。\n<b>太字にはなりません</b>', wrap: true },
        { type: 'separator' },
        {
          type: 'box',
          layout: 'baseline',
          spacing: 'sm',
          contents: [
            { type: 'text', text: '場所', size: 'sm', color: '#888888', flex: 1 },
            { type: 'text', text: '練馬区役所東庁舎4階', size: 'sm', flex: 4, wrap: true },
          ],
        },
      ],
    },
    footer: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: [
        {
          type: 'button',
          style: 'primary',
          action: {
            type: 'datetimepicker',
            label: '日時を選ぶ',
            data: 'action=book&step=2',
            mode: 'datetime',
            initial: '2030-04-01T10:00',
            min: '2030-04-01T09:00',
            max: '2030-04-30T17:00',
          },
        },
        { type: 'button', style: 'link', action: { type: 'uri', label: '電話する', uri: 'tel:0339925600' } },
      ],
    },
  },
};

function replyFor(event: ReceivedEvent): unknown[] | null {
  switch (event.type) {
    case 'follow':
      return [{ type: 'text', text: event.follow?.isUnblocked ? 'おかえりなさい。' : '友だち追加ありがとうございます。\nなんでもご相談ください。' }];
    case 'message':
      return [{ type: 'text', text: `「${event.message?.text ?? ''}」を受け取りました。`, quickReply }];
    case 'postback':
      if (event.postback?.params) {
        return [{ type: 'text', text: `選ばれた日時：${Object.values(event.postback.params).join(' ')}`, quickReply }];
      }
      return [bookingFlex];
    default:
      return null;
  }
}

function signatureOk(raw: Uint8Array, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = createHmac('sha256', secret).update(raw).digest();
  const given = Buffer.from(header, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function startTestBot(opts: { channelSecret: string; emulatorUrl: string; channelAccessToken: string }): Promise<TestBot> {
  const app = new Hono();
  const bot: Omit<TestBot, 'url' | 'close'> = { events: [], destinations: [], rawBodies: [], signatureFailures: 0 };

  app.post('/webhook', async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (!signatureOk(raw, c.req.header('x-line-signature'), opts.channelSecret)) {
      bot.signatureFailures++;
      return c.json({ message: 'bad signature' }, 401);
    }
    const text = new TextDecoder().decode(raw);
    const body = JSON.parse(text) as { destination: string; events: ReceivedEvent[] };
    bot.rawBodies.push(text);
    bot.destinations.push(body.destination);
    for (const event of body.events) {
      bot.events.push(event);
      if (event.type === 'message' && event.message?.text === FAIL_TEXT) return c.json({ message: 'boom' }, 500);
      const messages = replyFor(event);
      if (!messages || !event.replyToken) continue;
      const res = await fetch(`${opts.emulatorUrl}/v2/bot/message/reply`, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.channelAccessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ replyToken: event.replyToken, messages }),
      });
      if (!res.ok) throw new Error(`reply failed: ${res.status} ${await res.text()}`);
    }
    return c.json({});
  });

  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve(
        Object.assign(bot, {
          url: `http://127.0.0.1:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        }),
      );
    });
  });
}
