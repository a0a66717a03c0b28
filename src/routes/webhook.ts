import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Deps } from '../deps';
import { verifySignature } from '../line/signature';
import { webhookBodySchema } from '../line/events';
import { acceptEvents } from '../services/webhook-intake';
import { processEvents } from '../services/event-processor';

/** POST /webhook: verify, store, answer LINE fast, then work in the background. */
// LINE's webhook bodies are a few KB; refuse anything large before reading and hashing it.
const MAX_BODY_BYTES = 1024 * 1024;

export function webhookRoutes(deps: Deps) {
  // The unread rest of the body makes the connection unusable: tell the client to open a new one.
  const tooLarge = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json({ message: 'payload too large' }, 413, { connection: 'close' }),
  });
  return new Hono().post('/', tooLarge, async (c) => {
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
    if (fresh.length) c.executionCtx.waitUntil(processEvents(deps, fresh));
    return c.json({});
  });
}
