import type { MiddlewareHandler } from 'hono';
import { FAULT_BODIES } from './faults';
import { type EmulatorEnv, lineError, linePathOf } from './http';
import { newRequestId } from './ids';
import type { EmulatorState } from './state';

type Middleware = MiddlewareHandler<EmulatorEnv>;

/** Gives every LINE call an x-line-request-id and records it in the request log (never the body). */
export function requestLogging(state: EmulatorState): Middleware {
  return async (c, next) => {
    const requestId = newRequestId();
    const linePath = linePathOf(c.req.path);
    c.set('requestId', requestId);
    c.set('linePath', linePath);
    c.set('recipients', 0);
    c.header('x-line-request-id', requestId);
    await next();
    if (!c.res.headers.has('x-line-request-id')) c.res.headers.set('x-line-request-id', requestId);
    const retryKey = c.req.header('x-line-retry-key');
    state.log.record({
      method: c.req.method,
      path: linePath,
      status: c.res.status,
      requestId,
      ...(retryKey !== undefined ? { retryKey } : {}),
      recipients: c.get('recipients'),
      at: state.now(),
    });
  };
}

const BEARER = /^Bearer\s+(\S.*)$/i;

export function authentication(state: EmulatorState): Middleware {
  return async (c, next) => {
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
    const expected = state.channelAccessToken;
    if (!token || (expected !== undefined && token !== expected)) {
      return lineError(c, 401, 'Authentication failed. Confirm that the access token in the authorization header is valid.');
    }
    await next();
  };
}

/**
 * Injected failures happen before any validation, so they consume no retry key, reply token or
 * quota; except a lost response, where the request takes full effect and only its answer is lost.
 */
export function faultInjection(state: EmulatorState): Middleware {
  return async (c, next) => {
    const fault = state.faults.take(c.get('linePath'));
    if (!fault) return next();
    if (fault.lostResponse) await next();
    if (fault.retryAfter !== undefined) c.header('retry-after', String(fault.retryAfter));
    // Assigned, not returned: after next() Hono keeps the handler's response unless replaced.
    c.res = lineError(c, fault.status, FAULT_BODIES[fault.status]);
  };
}
