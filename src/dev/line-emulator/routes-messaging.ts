import { Hono } from 'hono';
import { type EmulatorEnv, lineError, notFound, readJsonObject, validationError } from './http';
import { GROUP_OR_ROOM_ID_RE, USER_ID_RE } from './ids';
import { sendHandler } from './send-handler';
import type { EmulatorState } from './state';
import { checkArray, checkBoolean, checkNumber, checkObject, checkString, Issues, type Json } from './validate-common';
import { validateMessages } from './validate-messages';

const MULTICAST_MAX = 500;

function commonFields(issues: Issues, body: Json): { messages: unknown[]; notificationDisabled: boolean } {
  validateMessages(body.messages, 'messages', issues);
  const notificationDisabled = checkBoolean(issues, body, 'notificationDisabled', '') ?? false;
  return { messages: body.messages as unknown[], notificationDisabled };
}

export function messagingRoutes(state: EmulatorState): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  app.post('/v2/bot/message/reply', async (c) => {
    const body = await readJsonObject(c);
    if (body instanceof Response) return body;
    const issues = new Issues();
    const replyToken = checkString(issues, body, 'replyToken', '', { required: true });
    const { messages, notificationDisabled } = commonFields(issues, body);
    if (!issues.ok) return validationError(c, issues.details);
    const chatId = state.replyTokens.peek(replyToken as string);
    if (chatId === null) return lineError(c, 400, 'Invalid reply token');
    state.replyTokens.consume(replyToken as string);
    c.set('recipients', state.deliverReply(chatId, messages, c.get('requestId'), notificationDisabled));
    return c.json({ sentMessages: state.sentMessagesFor(messages) });
  });

  app.post('/v2/bot/message/push', sendHandler(state, 'push', {
    check(issues, body) {
      const to = checkString(issues, body, 'to', '', { required: true });
      if (to !== undefined && !USER_ID_RE.test(to) && !GROUP_OR_ROOM_ID_RE.test(to)) {
        issues.add('to', 'must be a user, group or room ID');
      }
      // Well-formed but unknown or blocked recipients are accepted and silently dropped, as on LINE.
      return { chatIds: [to as string], ...commonFields(issues, body) };
    },
    answersSentMessages: true,
  }));

  app.post('/v2/bot/message/multicast', sendHandler(state, 'multicast', {
    check(issues, body) {
      const to = checkArray(issues, body, 'to', '', { required: true, min: 1, max: MULTICAST_MAX });
      to?.forEach((id, i) => {
        if (typeof id !== 'string' || !USER_ID_RE.test(id)) issues.add(`to[${i}]`, 'must be a user ID');
      });
      return { chatIds: to as string[], ...commonFields(issues, body) };
    },
  }));

  app.post('/v2/bot/message/broadcast', sendHandler(state, 'broadcast', {
    check: (issues, body) => ({ ...commonFields(issues, body), chatIds: state.users.following() }),
  }));

  app.post('/v2/bot/message/narrowcast', sendHandler(state, 'narrowcast', {
    check(issues, body) {
      const fields = commonFields(issues, body);
      checkObject(issues, body, 'recipient', '');
      checkObject(issues, body, 'filter', '');
      const limit = checkObject(issues, body, 'limit', '');
      const max = limit ? checkNumber(issues, limit, 'max', 'limit', { integer: true, min: 1 }) : undefined;
      const upToRemainingQuota = limit ? checkBoolean(issues, limit, 'upToRemainingQuota', 'limit') : undefined;
      const forbidPartial = limit ? checkBoolean(issues, limit, 'forbidPartialDelivery', 'limit') : undefined;
      if (forbidPartial && !upToRemainingQuota) issues.add('limit.forbidPartialDelivery', 'can be true only if upToRemainingQuota is true');
      // Audiences and demographic filters are not modelled: the emulator targets every following user.
      return { ...fields, chatIds: state.users.following(), max, upToRemainingQuota };
    },
    answer(c, { delivered, targeted }) {
      state.recordNarrowcast(c.get('requestId'), targeted, delivered);
      return c.json({}, 202);
    },
  }));

  app.get('/v2/bot/message/progress/narrowcast', (c) => {
    const requestId = c.req.query('requestId');
    if (!requestId) return validationError(c, [{ property: 'requestId', message: 'must be specified' }]);
    const progress = state.narrowcastProgress(requestId);
    return progress ? c.json(progress) : notFound(c);
  });

  for (const kind of ['reply', 'push', 'multicast', 'narrowcast', 'broadcast']) {
    app.post(`/v2/bot/message/validate/${kind}`, async (c) => {
      const body = await readJsonObject(c);
      if (body instanceof Response) return body;
      const issues = validateMessages(body.messages);
      return issues.ok ? c.json({}) : validationError(c, issues.details);
    });
  }

  app.get('/v2/bot/message/quota', (c) => {
    const limit = state.quota.limit;
    return c.json(limit === null ? { type: 'none' } : { type: 'limited', value: limit });
  });

  app.get('/v2/bot/message/quota/consumption', (c) => c.json({ totalUsage: state.quota.totalUsage }));

  return app;
}
