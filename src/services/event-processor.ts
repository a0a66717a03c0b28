import type { Deps } from '../deps';
import { markFollowing, residentForContact } from '../db/repos/residents';
import { claimEvent, finishEvent } from '../db/repos/webhook-events';
import { handledEventSchema, type HandledEvent } from '../line/events';
import { converse, type ConversationInput } from './conversation';
import { createLimiter } from './limiter';
import { resumeDelivery } from './sender';
import { deliveryForEvent } from '../db/repos/deliveries';

export interface StoredEvent {
  webhookEventId: string;
  payload: string;
  attempts: number;
}

// A burst of webhooks (a broadcast answered by many residents) must not become hundreds
// of concurrent database writers: that only adds contention (and sqld answers BUSY).
const eventSlots = createLimiter(8);

/** Processes one webhook request's new events in order, a bounded number of requests at a time. */
export function processEvents(deps: Deps, events: StoredEvent[]): Promise<void> {
  return eventSlots(async () => {
    for (const event of events) await processStoredEvent(deps, event);
  });
}

/** Does the work for one stored webhook event, exactly once across redeliveries and restarts. */
export async function processStoredEvent(deps: Deps, stored: StoredEvent): Promise<void> {
  if (!(await claimEvent(deps.db, stored.webhookEventId, stored.attempts))) return;
  const parsed = handledEventSchema.safeParse(JSON.parse(stored.payload));
  if (!parsed.success || parsed.data.mode === 'standby') {
    // Unknown types, unknown fields' shapes and standby-mode events are not ours to answer.
    await finishEvent(deps.db, stored.webhookEventId, 'ignored', deps.clock.now());
    return;
  }
  try {
    await handleEvent(deps, parsed.data);
    await finishEvent(deps.db, stored.webhookEventId, 'processed', deps.clock.now());
  } catch (error) {
    deps.log.error('webhook.event_failed', { webhookEventId: stored.webhookEventId, error: errorName(error) });
    await finishEvent(deps.db, stored.webhookEventId, 'failed', deps.clock.now());
  }
}

// Never the message: database errors quote the query parameters, which hold resident text.
const errorName = (error: unknown) => {
  if (!(error instanceof Error)) return 'unknown';
  const cause = error.cause as { code?: unknown } | undefined;
  return typeof cause?.code === 'string' ? `${error.name}/${cause.code}` : error.name;
};

async function handleEvent(deps: Deps, event: HandledEvent): Promise<void> {
  const now = deps.clock.now();
  const resident = await residentForContact(deps.db, event.source.userId, now);
  if (event.type === 'unfollow') {
    await markFollowing(deps.db, resident.id, false, now);
    return;
  }
  let input: ConversationInput;
  if (event.type === 'follow') {
    const displayName = await deps.line.getDisplayName(event.source.userId);
    await markFollowing(deps.db, resident.id, true, now, displayName);
    input = { kind: 'follow' };
  } else if (event.type === 'postback') {
    const date = event.postback.params?.date;
    input = { kind: 'postback', data: event.postback.data, ...(typeof date === 'string' ? { date } : {}) };
  } else if (event.message.type === 'text' && event.message.text !== undefined) {
    input = { kind: 'text', text: event.message.text };
  } else {
    input = { kind: 'unsupported', messageType: event.message.type };
  }
  // A retried event (after a failure or crash) finishes its recorded answer instead of answering again.
  const earlier = await deliveryForEvent(deps.db, event.webhookEventId);
  if (earlier) {
    await resumeDelivery(deps, earlier, { residentId: resident.id, lineUserId: event.source.userId });
    return;
  }
  await converse(
    deps,
    {
      resident,
      lineUserId: event.source.userId,
      webhookEventId: event.webhookEventId,
      replyToken: event.replyToken,
      eventTime: new Date(event.timestamp),
    },
    input,
  );
}
