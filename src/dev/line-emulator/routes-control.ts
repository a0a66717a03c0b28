import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { FAULT_STATUSES } from './faults';
import { USER_ID_RE } from './ids';
import { EmulatorError, type EmulatorState } from './state';

const userInput = z.object({
  displayName: z.string().min(1),
  userId: z.string().regex(USER_ID_RE).optional(),
  pictureUrl: z.string().optional(),
  statusMessage: z.string().optional(),
  language: z.string().optional(),
  following: z.boolean().optional(),
});
const usersBody = z.union([userInput, z.array(userInput), z.object({ users: z.array(userInput) })]);

const faultStatus = z.union(FAULT_STATUSES.map((s) => z.literal(s)));
const queuedFault = z.object({
  status: faultStatus,
  count: z.number().int().min(1).optional(),
  pathPrefix: z.string().optional(),
  retryAfter: z.number().int().min(0).optional(),
  lostResponse: z.boolean().optional(),
});
const randomFault = z.object({
  rate: z.number().min(0).max(1),
  statuses: z.array(faultStatus).min(1),
  seed: z.number().int(),
  pathPrefix: z.string().optional(),
  retryAfter: z.number().int().min(0).optional(),
  lostResponseRate: z.number().min(0).max(1).optional(),
});
const faultsBody = z.union([randomFault, queuedFault, z.array(queuedFault)]);

const quotaBody = z.object({
  monthlyLimit: z.number().int().min(0).nullable().optional(),
  totalUsage: z.number().int().min(0).optional(),
});

const replyTokenBody = z.object({ userId: z.string().min(1) });

async function parse<T>(c: Context, schema: z.ZodType<T>): Promise<T | Response> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return c.json({ message: 'The request body must be JSON' }, 400);
  }
  const result = schema.safeParse(raw);
  if (!result.success) return c.json({ message: 'Invalid request', issues: result.error.issues }, 400);
  return result.data;
}

function afterParam(c: Context): number {
  const after = Number(c.req.query('after') ?? 0);
  return Number.isFinite(after) ? after : 0;
}

/** Test/simulator control API (not LINE's); mounted under /__emulator. */
export function controlRoutes(state: EmulatorState): Hono {
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof EmulatorError) return c.json({ message: err.message }, err.status);
    throw err;
  });

  app.post('/users', async (c) => {
    const body = await parse(c, usersBody);
    if (body instanceof Response) return body;
    if (!Array.isArray(body) && !('users' in body)) return c.json(state.addUser(body), 201);
    const inputs = Array.isArray(body) ? body : body.users;
    return c.json({ users: inputs.map((input) => state.addUser(input)) }, 201);
  });

  app.get('/users', (c) => c.json({ users: state.listUsers() }));

  app.get('/users/:userId', (c) => {
    const user = state.getUser(c.req.param('userId'));
    return user ? c.json(user) : c.json({ message: 'Unknown user' }, 404);
  });

  app.post('/users/:userId/follow', (c) => c.json(state.follow(c.req.param('userId'))));
  app.post('/users/:userId/unfollow', (c) => c.json(state.unfollow(c.req.param('userId'))));

  app.post('/reply-tokens', async (c) => {
    const body = await parse(c, replyTokenBody);
    if (body instanceof Response) return body;
    return c.json({ replyToken: state.issueReplyToken(body.userId) }, 201);
  });

  app.get('/inbox/:userId', (c) => c.json({ deliveries: state.inbox(c.req.param('userId'), afterParam(c)) }));

  app.get('/requests', (c) => c.json({ requests: state.requests(afterParam(c)) }));

  app.get('/stats', (c) => c.json(state.stats()));

  app.get('/faults', (c) => c.json(state.faults.snapshot()));

  app.post('/faults', async (c) => {
    const body = await parse(c, faultsBody);
    if (body instanceof Response) return body;
    if (Array.isArray(body)) body.forEach((spec) => state.addFault(spec));
    else if ('rate' in body) state.setRandomFaults(body);
    else state.addFault(body);
    return c.json(state.faults.snapshot(), 201);
  });

  app.delete('/faults', (c) => {
    state.clearFaults();
    return c.json({});
  });

  app.get('/quota', (c) => c.json({ monthlyLimit: state.quota.limit, totalUsage: state.quota.totalUsage }));

  app.put('/quota', async (c) => {
    const body = await parse(c, quotaBody);
    if (body instanceof Response) return body;
    if (body.monthlyLimit !== undefined) state.setMonthlyLimit(body.monthlyLimit);
    if (body.totalUsage !== undefined) state.setConsumption(body.totalUsage);
    return c.json({ monthlyLimit: state.quota.limit, totalUsage: state.quota.totalUsage });
  });

  app.post('/reset', (c) => {
    state.reset();
    return c.json({});
  });

  return app;
}
