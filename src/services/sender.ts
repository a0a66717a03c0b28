import type { Deps } from '../deps';
import { updateDelivery, updateDeliveryQuery } from '../db/repos/deliveries';
import { deliveries, messages, type DeliveryRow } from '../db/schema';
import { describeResult, isRetriable, type LineMessage, type LineResult } from '../line/port';
import { retryKeyMayBeForgotten } from '../line/retry-key';
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
  /** The webhook event being answered (at most one delivery per event). */
  sourceEventId?: string;
  /** A delivery id the caller already recorded elsewhere (e.g. a reminder's claim), so a crash in between can be finished. */
  deliveryId?: string;
}

type Outcome = 'sent' | 'failed' | 'monthly_limit';

/**
 * Sends with the reply token while it is fresh, else by push with a retry key that is
 * stored before the first attempt, so a retry (now or after a crash) is never doubled.
 */
export async function sendToResident(deps: Deps, req: SendRequest): Promise<Outcome> {
  return dispatchDelivery(deps, await recordDelivery(deps, req), req);
}

/** Stores the delivery row (and so its retry key) before any attempt. */
export async function recordDelivery(deps: Deps, req: SendRequest): Promise<DeliveryRow> {
  const delivery = planDelivery(deps, req);
  await deps.db.insert(deliveries).values(delivery);
  return delivery;
}

/** The delivery row for a send, to be stored (possibly in a batch with other writes) before dispatch. */
export function planDelivery(deps: Deps, req: SendRequest): DeliveryRow {
  const now = deps.clock.now();
  const fresh = req.replyToken && req.eventTime && now.getTime() - req.eventTime.getTime() < REPLY_TOKEN_FRESH_MS;
  return {
    id: req.deliveryId ?? crypto.randomUUID(),
    residentId: req.to.residentId,
    method: fresh ? 'reply' : 'push',
    sourceEventId: req.sourceEventId ?? null,
    retryKey: crypto.randomUUID(),
    messages: JSON.stringify(req.messages),
    status: 'pending',
    attempts: 0,
    lineRequestId: null,
    lastError: null,
    createdAt: now,
    sentAt: null,
  };
}

/** Sends a stored delivery: the reply token while fresh, else push with the stored retry key. */
export async function dispatchDelivery(deps: Deps, delivery: DeliveryRow, req: SendRequest): Promise<Outcome> {
  if (delivery.method === 'reply') {
    const replied = await attempt(deps, delivery, () => deps.line.reply(req.replyToken!, req.messages));
    // Only a token LINE refused outright (never accepted before) is safe to replace by a push.
    const refusedOutright = !replied.result.ok && replied.result.kind === 'invalid_reply_token' && replied.tries === 1;
    if (!refusedOutright) {
      return settle(deps, delivery, req, replied);
    }
    await updateDelivery(deps.db, delivery.id, { method: 'push' });
  }
  return pushDelivery(deps, delivery, req);
}

/**
 * Finishes a delivery that an earlier run recorded but did not settle: a push is sent
 * again with its stored retry key (LINE drops a repeat); a reply has no retry key, so
 * after an interruption we cannot know whether it arrived, and it is left as failed
 * (visible to staff) rather than risk sending it twice. So is a push older than LINE's
 * memory of retry keys (e.g. the machine was off over a weekend).
 */
export async function resumeDelivery(deps: Deps, delivery: DeliveryRow, to: Recipient): Promise<Outcome | 'done'> {
  if (delivery.status !== 'pending') return 'done';
  if (delivery.method === 'reply') {
    await updateDelivery(deps.db, delivery.id, { status: 'failed', lastError: 'interrupted_reply' });
    return 'failed';
  }
  if (retryKeyMayBeForgotten(delivery.createdAt, deps.clock.now())) {
    await updateDelivery(deps.db, delivery.id, { status: 'failed', lastError: 'outcome_unknown' });
    deps.log.warn('line.delivery_abandoned', { deliveryId: delivery.id, reason: 'retry_key_expired' });
    return 'failed';
  }
  return pushDelivery(deps, delivery, { to, messages: JSON.parse(delivery.messages) as LineMessage[] });
}

/** Sends a recorded push with its stored retry key. */
export async function pushDelivery(deps: Deps, delivery: DeliveryRow, req: SendRequest): Promise<Outcome> {
  const pushed = await attempt(deps, delivery, () => deps.line.push(req.to.lineUserId, req.messages, delivery.retryKey));
  return settle(deps, delivery, req, pushed);
}

interface Attempted {
  result: LineResult;
  tries: number;
}

async function attempt(deps: Deps, delivery: DeliveryRow, call: () => Promise<LineResult>): Promise<Attempted> {
  for (let tries = 1; ; tries++) {
    const result = await call();
    const retriable = isRetriable(result);
    const wait = deps.retry.delaysMs[tries - 1];
    if (!retriable || wait === undefined) return { result, tries };
    await updateDelivery(deps.db, delivery.id, { attempts: delivery.attempts + tries, lastError: describeResult(result) });
    await deps.sleep(!result.ok && result.retryAfterMs ? Math.max(wait, result.retryAfterMs) : wait);
  }
}


async function settle(deps: Deps, delivery: DeliveryRow, req: SendRequest, attempted: Attempted): Promise<Outcome> {
  const { result, tries } = attempted;
  const now = deps.clock.now();
  // 409: LINE already accepted this retry key, so the messages did arrive.
  const outcome: Outcome =
    result.ok || result.kind === 'already_accepted' ? 'sent' : result.kind === 'monthly_limit' ? 'monthly_limit' : 'failed';
  const recordOutcome = updateDeliveryQuery(deps.db, delivery.id, {
    status: outcome,
    attempts: delivery.attempts + tries,
    lineRequestId: result.requestId ?? null,
    lastError: describeResult(result),
    sentAt: outcome === 'sent' ? now : null,
  });
  if (outcome !== 'sent') {
    await recordOutcome;
    deps.log.warn('line.send_failed', { deliveryId: delivery.id, residentId: req.to.residentId, outcome, error: describeResult(result) });
    return outcome;
  }
  const transcript = req.messages.map((m) => ({
    residentId: req.to.residentId,
    direction: 'out' as const,
    kind: m.type,
    body: summarizeForTranscript(m),
    deliveryId: delivery.id,
    createdAt: now,
  }));
  await deps.db.batch([recordOutcome, deps.db.insert(messages).values(transcript)]);
  return outcome;
}
