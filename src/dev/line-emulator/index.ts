import { Hono } from 'hono';
import { type EmulatorEnv, notFound } from './http';
import { authentication, faultInjection, requestLogging } from './middleware';
import { controlRoutes } from './routes-control';
import { messagingRoutes } from './routes-messaging';
import { richMenuRoutes } from './routes-rich-menu';
import { userRoutes } from './routes-users';
import { type EmulatorOptions, EmulatorState } from './state';

export { EmulatorError, EmulatorState } from './state';
export type { AcceptedSend, EmulatorOptions, EmulatorStats } from './state';
export type { EmulatorEnv } from './http';
export type { FaultStatus, QueuedFaultSpec, RandomFaultSpec } from './faults';
export type { Delivery, DeliveryVia, EmulatorUser, NewUserInput, RequestLogEntry, SentMessage } from './types';

export interface LineEmulator {
  app: Hono<EmulatorEnv>;
  state: EmulatorState;
}

/**
 * A stand-in for api.line.me (and the rich menu image part of api-data.line.me) plus a control API
 * under /__emulator. Every route is relative, so the app can be mounted under any prefix.
 */
export function createLineEmulator(options: EmulatorOptions = {}): LineEmulator {
  const state = new EmulatorState(options);
  const app = new Hono<EmulatorEnv>();

  app.use('/v2/*', requestLogging(state), authentication(state), faultInjection(state));
  app.route('/', messagingRoutes(state));
  app.route('/', userRoutes(state));
  app.route('/', richMenuRoutes(state));
  app.all('/v2/*', (c) => notFound(c));
  app.route('/__emulator', controlRoutes(state));

  app.onError((err, c) => {
    // Never echo request bodies: they may hold consultation text.
    console.error(`[line-emulator] ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.name : 'error'}`);
    return c.json({ message: 'Internal server error' }, 500);
  });
  app.notFound((c) => notFound(c));

  return { app, state };
}
