import type { Deps } from '../deps';
import { recordNewEvents, type IncomingEvent } from '../db/repos/webhook-events';
import { eventEnvelopeSchema } from '../line/events';
import type { StoredEvent } from './event-processor';

/**
 * Stores every well-formed event under its webhookEventId before any work, and
 * returns only those seen for the first time. Events without an id are ignored.
 */
export async function acceptEvents(deps: Deps, rawEvents: unknown[]): Promise<StoredEvent[]> {
  const incoming: IncomingEvent[] = [];
  const seen = new Set<string>();
  for (const raw of rawEvents) {
    const envelope = eventEnvelopeSchema.safeParse(raw);
    if (!envelope.success || seen.has(envelope.data.webhookEventId)) continue;
    seen.add(envelope.data.webhookEventId);
    incoming.push({ webhookEventId: envelope.data.webhookEventId, type: envelope.data.type, payload: JSON.stringify(raw) });
  }
  if (!incoming.length) return [];
  const fresh = await recordNewEvents(deps.db, incoming, deps.clock.now());
  return incoming
    .filter((e) => fresh.has(e.webhookEventId))
    .map((e) => ({ webhookEventId: e.webhookEventId, payload: e.payload, attempts: 0 }));
}
