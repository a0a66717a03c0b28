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
  for (const [index, raw] of rawEvents.entries()) {
    const envelope = eventEnvelopeSchema.safeParse(raw);
    if (!envelope.success || seen.has(envelope.data.webhookEventId)) continue;
    let payload: string;
    try {
      payload = JSON.stringify(raw);
    } catch {
      // JSON.parse takes nesting that JSON.stringify cannot write back (RangeError, about
      // 5,000 levels); no LINE event is shaped like that, so it is dropped, not a 500.
      deps.log.warn('webhook.event_unstorable', { index });
      continue;
    }
    seen.add(envelope.data.webhookEventId);
    incoming.push({ webhookEventId: envelope.data.webhookEventId, type: envelope.data.type, payload });
  }
  if (!incoming.length) return [];
  const fresh = await recordNewEvents(deps.db, incoming, deps.clock.now());
  return incoming
    .filter((e) => fresh.has(e.webhookEventId))
    .map((e) => ({ webhookEventId: e.webhookEventId, payload: e.payload, attempts: 0 }));
}
