import { Hono } from 'hono';
import { type EmulatorEnv, notFound, readJsonObject, validationError } from './http';
import { USER_ID_RE } from './ids';
import type { EmulatorState } from './state';
import { checkNumber, checkString, Issues } from './validate-common';

const BOT_USER_ID = `U${'0'.repeat(31)}1`;

export function userRoutes(state: EmulatorState): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();

  // LINE hides the profile of users who blocked the account; unknown and blocked look the same.
  app.get('/v2/bot/profile/:userId', (c) => {
    const user = state.users.get(c.req.param('userId'));
    if (!user || !user.following) return notFound(c);
    const { userId, displayName, pictureUrl, statusMessage, language } = user;
    return c.json({ userId, displayName, ...(pictureUrl ? { pictureUrl } : {}), ...(statusMessage ? { statusMessage } : {}), language });
  });

  app.post('/v2/bot/chat/loading/start', async (c) => {
    const body = await readJsonObject(c);
    if (body instanceof Response) return body;
    const issues = new Issues();
    const chatId = checkString(issues, body, 'chatId', '', { required: true });
    if (chatId !== undefined && !USER_ID_RE.test(chatId)) issues.add('chatId', 'must be a user ID');
    const seconds = checkNumber(issues, body, 'loadingSeconds', '', { integer: true, min: 5, max: 60 });
    if (seconds !== undefined && seconds % 5 !== 0) issues.add('loadingSeconds', 'must be a multiple of 5');
    if (!issues.ok) return validationError(c, issues.details);
    return c.json({}, 202);
  });

  app.get('/v2/bot/info', (c) =>
    c.json({
      userId: BOT_USER_ID,
      basicId: '@000emulator',
      displayName: 'LINE emulator',
      chatMode: 'bot',
      markAsReadMode: 'auto',
    }),
  );

  return app;
}
