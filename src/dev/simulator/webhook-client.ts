import { serializeWebhookBody, type WebhookEvent } from './events';
import { signBody } from '../../line/signature';

export type WebhookResult = { status: number } | { status: null; error: string };

export type WebhookSender = (events: WebhookEvent[]) => Promise<WebhookResult>;

export function createWebhookSender(opts: {
  webhookUrl: string;
  channelSecret: string;
  destination: string;
  fetch: typeof fetch;
}): WebhookSender {
  return async (events) => {
    // Sign exactly the bytes that go on the wire.
    const body = serializeWebhookBody(opts.destination, events);
    const signature = await signBody(body, opts.channelSecret);
    try {
      const res = await opts.fetch(opts.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'LineBotWebhook/2.0',
          'x-line-signature': signature,
        },
        body,
      });
      await res.body?.cancel();
      return { status: res.status };
    } catch (err) {
      return { status: null, error: err instanceof Error ? err.message : String(err) };
    }
  };
}
