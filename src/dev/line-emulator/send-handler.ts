import { type EmulatorContext, lineError, readJsonObject, validationError } from './http';
import { retryGate } from './retry-gate';
import type { EmulatorState, SendInput } from './state';
import { Issues, type Json } from './validate-common';

export type SendFields = Omit<SendInput, 'via' | 'requestId'>;

/** What sets push, multicast, broadcast and narrowcast apart; everything else is in sendHandler. */
export interface SendRoute {
  /** Checks the body; LINE lists the errors in the order they are checked. */
  check(issues: Issues, body: Json): SendFields;
  /** Push alone answers with the sent messages' ids, and a retry of it gets them back with the 409. */
  answersSentMessages?: boolean;
  /** The answer after a successful send; 200 {} unless given. */
  answer?(c: EmulatorContext, outcome: { delivered: number; targeted: number }): Response;
}

export function sendHandler(state: EmulatorState, via: SendInput['via'], route: SendRoute) {
  return async (c: EmulatorContext): Promise<Response> => {
    const body = await readJsonObject(c);
    if (body instanceof Response) return body;
    const gate = retryGate(c, state);
    if (gate instanceof Response) return gate;
    const issues = new Issues();
    const fields = route.check(issues, body);
    if (!issues.ok) return validationError(c, issues.details);
    const requestId = c.get('requestId');
    const outcome = state.send({ ...fields, via, requestId });
    if (!outcome.ok) return lineError(c, 429, 'You have reached your monthly limit.');
    c.set('recipients', outcome.delivered);
    const sentMessages = route.answersSentMessages ? state.sentMessagesFor(fields.messages) : undefined;
    if (gate.key) state.retryKeys.accept(gate.key, { requestId, ...(sentMessages ? { sentMessages } : {}) });
    if (sentMessages) return c.json({ sentMessages });
    return route.answer ? route.answer(c, outcome) : c.json({});
  };
}
