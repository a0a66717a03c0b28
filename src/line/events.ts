import { z } from 'zod';

// Parsing is deliberately lenient: LINE adds fields and event types over time, and
// anything we do not know must be ignored, never a 500.
export const webhookBodySchema = z.object({
  destination: z.string().max(100),
  events: z.array(z.unknown()).max(1000),
});

const userSource = z.object({ type: z.literal('user'), userId: z.string().min(1).max(100) });

/** What every event must have for us to store it. */
export const eventEnvelopeSchema = z.object({
  type: z.string().min(1).max(100),
  webhookEventId: z.string().min(1).max(100),
  timestamp: z.number().finite(),
  mode: z.string().max(20).optional(),
});

const base = {
  webhookEventId: z.string(),
  timestamp: z.number(),
  mode: z.enum(['active', 'standby']).optional(),
  source: userSource,
};
const replyToken = z.string().min(1).max(200);

export const followEventSchema = z.object({ ...base, type: z.literal('follow'), replyToken: replyToken.optional() });
export const unfollowEventSchema = z.object({ ...base, type: z.literal('unfollow') });

export const messageEventSchema = z.object({
  ...base,
  type: z.literal('message'),
  replyToken: replyToken.optional(),
  message: z.looseObject({
    id: z.string().max(100),
    type: z.string().max(50),
    text: z.string().max(20_000).optional(),
  }),
});

export const postbackEventSchema = z.object({
  ...base,
  type: z.literal('postback'),
  replyToken: replyToken.optional(),
  postback: z.object({
    data: z.string().max(1_000),
    params: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const handledEventSchema = z.discriminatedUnion('type', [
  followEventSchema,
  unfollowEventSchema,
  messageEventSchema,
  postbackEventSchema,
]);

export type HandledEvent = z.infer<typeof handledEventSchema>;
export type MessageEvent = z.infer<typeof messageEventSchema>;
export type PostbackEvent = z.infer<typeof postbackEventSchema>;
