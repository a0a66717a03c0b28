import { type EmulatorContext, lineError } from './http';
import { UUID_RE } from './ids';
import type { EmulatorState } from './state';

/**
 * Checks X-Line-Retry-Key before anything is sent: malformed → 400; already accepted within 24 h →
 * 409 carrying the original request id (and its sentMessages for push) so the caller knows it went out.
 */
export function retryGate(c: EmulatorContext, state: EmulatorState): { key?: string } | Response {
  const key = c.req.header('x-line-retry-key');
  if (key === undefined) return {};
  if (!UUID_RE.test(key)) return lineError(c, 400, 'The retry key must be a UUID in hexadecimal format');
  const accepted = state.retryKeys.get(key);
  if (!accepted) return { key };
  c.header('x-line-accepted-request-id', accepted.requestId);
  return lineError(c, 409, 'The retry key is already accepted', accepted.sentMessages ? { sentMessages: accepted.sentMessages } : {});
}
