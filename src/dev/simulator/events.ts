import { newMessageId, newQuoteToken, newWebhookEventId } from './ids';

/** The parts of a LINE webhook event the simulator produces (see shared/line-openapi/webhook.yml). */
export type WebhookEvent = {
  type: 'follow' | 'unfollow' | 'message' | 'postback';
  timestamp: number;
  mode: 'active';
  webhookEventId: string;
  deliveryContext: { isRedelivery: false };
  source: { type: 'user'; userId: string };
  replyToken?: string;
  follow?: { isUnblocked: boolean };
  message?: { type: 'text'; id: string; quoteToken: string; text: string };
  postback?: { data: string; params?: Record<string, string> };
};

export type PostbackParams = { date: string } | { time: string } | { datetime: string };

function base(type: WebhookEvent['type'], userId: string, now: number) {
  return {
    type,
    timestamp: now,
    mode: 'active' as const,
    webhookEventId: newWebhookEventId(now),
    deliveryContext: { isRedelivery: false as const },
    source: { type: 'user' as const, userId },
  };
}

export function followEvent(userId: string, replyToken: string, isUnblocked: boolean, now = Date.now()): WebhookEvent {
  return { ...base('follow', userId, now), replyToken, follow: { isUnblocked } };
}

export function unfollowEvent(userId: string, now = Date.now()): WebhookEvent {
  return base('unfollow', userId, now);
}

export function textMessageEvent(userId: string, replyToken: string, text: string, now = Date.now()): WebhookEvent {
  return {
    ...base('message', userId, now),
    replyToken,
    message: { type: 'text', id: newMessageId(), quoteToken: newQuoteToken(), text },
  };
}

export function postbackEvent(
  userId: string,
  replyToken: string,
  data: string,
  params?: PostbackParams,
  now = Date.now(),
): WebhookEvent {
  return { ...base('postback', userId, now), replyToken, postback: params ? { data, params } : { data } };
}

/**
 * LINE serialises characters outside the BMP (emoji) as \uXXXX surrogate escapes, so a bot that
 * re-serialises JSON before checking the signature breaks here just as it would in production.
 */
export function serializeWebhookBody(destination: string, events: WebhookEvent[]): Uint8Array<ArrayBuffer> {
  const json = JSON.stringify({ destination, events }).replace(/[\u{10000}-\u{10FFFF}]/gu, (ch) =>
    `${escapeUnit(ch.charCodeAt(0))}${escapeUnit(ch.charCodeAt(1))}`,
  );
  return new TextEncoder().encode(json);
}

function escapeUnit(unit: number): string {
  return `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`;
}
