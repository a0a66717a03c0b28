import type { Deps } from '../deps';
import { appendMessages } from '../db/repos/messages';
import { createDelivery, updateDelivery } from '../db/repos/deliveries';
import type { DeliveryRow } from '../db/schema';
import type { LineMessage, LineResult } from '../line/port';
import { summarizeForTranscript } from '../line/transcript';

// A reply token lives about a minute; past this age we push instead.
const REPLY_TOKEN_FRESH_MS = 50_000;

export interface Recipient {
  residentId: string;
  lineUserId: string;
}

export interface SendRequest {
  to: Recipient;
  messages: LineMessage[];
  replyToken?: string;
  /** When LINE created the event that carried the reply token. */
  eventTime?: Date;
}

type Outcome = 'sent' | 'failed' | 'monthly_limit';

/**
 * Sends with the reply token while it is fresh, else by push with a retry key that is
 * stored before the first attempt, so a retry (now or after a crash) is never doubled.
 */
export async function sendToResident(deps: Deps, req: SendRequest): Promise<Outcome> {
  const now = deps.clock.now();
  const fresh = req.replyToken && req.eventTime && now.getTime() - req.eventTime.getTime() < REPLY_TOKEN_FRESH_MS;
  const delivery = await createDelivery(
    deps.db,
    { residentId: req.to.residentId, method: fresh ? 'reply' : 'push', messages: JSON.stringify(req.messages) },
    now,
  );
  if (fresh) {
    const replied = await attempt(deps, delivery, () => deps.line.reply(req.replyToken!, req.messages));
    // Only a token LINE refused outright (never accepted before) is safe to replace by a push.
    const refusedOutright = !replied.result.ok && replied.result.kind === 'invalid_reply_token' && replied.tries === 1;
    if (!refusedOutright) {
      return settle(deps, delivery, req, replied.result);
    }
    await updateDelivery(deps.db, delivery.id, { method: 'push' });
  }
  return pushDelivery(deps, delivery, req);
}

/** (Re)tries a recorded push with its stored retry key; used by recovery after a crash. */
export async function pushDelivery(deps: Deps, delivery: DeliveryRow, req: SendRequest): Promise<Outcome> {
  const pushed = await attempt(deps, delivery, () => deps.line.push(req.to.lineUserId, req.messages, delivery.retryKey));
  return settle(deps, delivery, req, pushed.result);
}

interface Attempted {
  result: LineResult;
  tries: number;
}

async function attempt(deps: Deps, delivery: DeliveryRow, call: () => Promise<LineResult>): Promise<Attempted> {
  let tries = 0;
  for (;;) {
    tries++;
    const result = await call();
    await updateDelivery(deps.db, delivery.id, {
      attempts: delivery.attempts + tries,
      lineRequestId: result.requestId ?? null,
      lastError: result.ok ? null : `${result.kind}${result.status ? ` ${result.status}` : ''}`,
    });
    const retriable = !result.ok && ['rate_limited', 'server_error', 'network_error'].includes(result.kind);
    const wait = deps.retry.delaysMs[tries - 1];
    if (!retriable || wait === undefined) return { result, tries };
    await deps.sleep(!result.ok && result.retryAfterMs ? Math.max(wait, result.retryAfterMs) : wait);
  }
}

async function settle(deps: Deps, delivery: DeliveryRow, req: SendRequest, result: LineResult): Promise<Outcome> {
  const now = deps.clock.now();
  // 409: LINE already accepted this retry key, so the messages did arrive.
  const outcome: Outcome =
    result.ok || result.kind === 'already_accepted' ? 'sent' : result.kind === 'monthly_limit' ? 'monthly_limit' : 'failed';
  await updateDelivery(deps.db, delivery.id, { status: outcome, sentAt: outcome === 'sent' ? now : null });
  if (outcome === 'sent') {
    await appendMessages(
      deps.db,
      req.messages.map((m) => ({
        residentId: req.to.residentId,
        direction: 'out' as const,
        kind: m.type,
        body: summarizeForTranscript(m),
        deliveryId: delivery.id,
        createdAt: now,
      })),
    );
  } else {
    deps.log.warn('line.send_failed', { deliveryId: delivery.id, residentId: req.to.residentId, outcome, error: result.ok ? '' : result.kind });
  }
  return outcome;
}
