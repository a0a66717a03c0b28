import { Hono } from 'hono';
import type { Deps } from '../deps';
import { verifySignature } from '../line/signature';
import { webhookBodySchema } from '../line/events';
import { acceptEvents } from '../services/webhook-intake';
import { processStoredEvent } from '../services/event-processor';

/** POST /webhook: verify, store, answer LINE fast, then work in the background. */
export function webhookRoutes(deps: Deps) {
  return new Hono().post('/', async (c) => {
    const raw = await c.req.arrayBuffer();
    if (!(await verifySignature(raw, c.req.header('x-line-signature'), deps.channelSecret))) {
      deps.log.warn('webhook.bad_signature', { bytes: raw.byteLength });
      return c.json({ message: 'invalid signature' }, 401);
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      return c.json({ message: 'invalid JSON' }, 400);
    }
    const body = webhookBodySchema.safeParse(json);
    if (!body.success) return c.json({ message: 'invalid webhook body' }, 400);

    const fresh = await acceptEvents(deps, body.data.events);
    if (fresh.length) {
      c.executionCtx.waitUntil(
        (async () => {
          for (const event of fresh) await processStoredEvent(deps, event);
        })(),
      );
    }
    return c.json({});
  });
}
