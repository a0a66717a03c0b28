import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { EmulatorError, type EmulatorClient } from './emulator-client';
import { followEvent, postbackEvent, textMessageEvent, unfollowEvent, type WebhookEvent } from './events';
import { afterQuery, newResidentBody, postbackBody, sendBody, userIdParam } from './schemas';
import type { SentLog } from './sent-log';
import type { WebhookResult, WebhookSender } from './webhook-client';

// Words shown to the person using the simulator, in the page's language.
const MSG = {
  badRequest: '入力内容をご確認ください。',
  emulatorDown: 'LINE エミュレーターに接続できませんでした。起動しているかご確認ください。',
  unknownResident: 'この住民は LINE エミュレーターに見つかりません。ページを再読み込みしてください。',
  emulatorFailed: (status: number) => `LINE エミュレーターがエラーを返しました（HTTP ${status}）。`,
};

function emulatorMessage(err: EmulatorError): string {
  if (err.status === 0) return MSG.emulatorDown;
  if (err.status === 404) return MSG.unknownResident;
  return MSG.emulatorFailed(err.status);
}

export function createApi(deps: { emulator: EmulatorClient; sendWebhook: WebhookSender; sentLog: SentLog }) {
  const { emulator, sendWebhook, sentLog } = deps;
  const api = new Hono();

  api.onError((err, c) => {
    if (err instanceof EmulatorError) {
      console.error('[simulator]', err.message);
      return c.json({ error: emulatorMessage(err) }, 502);
    }
    throw err;
  });

  api.get('/residents', async (c) => c.json({ residents: await emulator.listResidents() }));

  api.post('/residents', async (c) => {
    const body = await parseJson(c, newResidentBody);
    if (!body) return badRequest(c);
    const resident = await emulator.createResident(body.displayName);
    const replyToken = await emulator.issueReplyToken(resident.userId);
    const result = await sendWebhook([followEvent(resident.userId, replyToken, false)]);
    return c.json({ resident, ...report(result) });
  });

  api.post('/residents/:userId/block', async (c) => {
    const userId = userIdOf(c);
    if (!userId) return badRequest(c);
    await emulator.unfollow(userId);
    return c.json(report(await sendWebhook([unfollowEvent(userId)])));
  });

  api.post('/residents/:userId/unblock', async (c) => {
    const userId = userIdOf(c);
    if (!userId) return badRequest(c);
    await emulator.follow(userId);
    const replyToken = await emulator.issueReplyToken(userId);
    return c.json(report(await sendWebhook([followEvent(userId, replyToken, true)])));
  });

  api.post('/send', async (c) => {
    const body = await parseJson(c, sendBody);
    if (!body) return badRequest(c);
    return c.json(await sendWithReplyToken(body.userId, body.text, (t) => textMessageEvent(body.userId, t, body.text)));
  });

  api.post('/postback', async (c) => {
    const body = await parseJson(c, postbackBody);
    if (!body) return badRequest(c);
    return c.json(
      await sendWithReplyToken(body.userId, body.displayText, (t) => postbackEvent(body.userId, t, body.data, body.params)),
    );
  });

  api.get('/inbox/:userId', async (c) => {
    const userId = userIdOf(c);
    if (!userId) return badRequest(c);
    return c.json(await emulator.inbox(userId, afterQuery.parse(c.req.query('after'))));
  });

  api.get('/history/:userId', (c) => {
    const userId = userIdOf(c);
    if (!userId) return badRequest(c);
    return c.json({ entries: sentLog.list(userId) });
  });

  async function sendWithReplyToken(userId: string, shownText: string | undefined, build: (t: string) => WebhookEvent) {
    const replyToken = await emulator.issueReplyToken(userId);
    // Logged before the webhook goes out so the resident's bubble sorts before the bot's answer.
    if (shownText) sentLog.add(userId, shownText);
    return report(await sendWebhook([build(replyToken)]));
  }

  return api;
}

function report(result: WebhookResult) {
  return result.status === null
    ? { ok: false, webhookStatus: null, error: result.error }
    : { ok: result.status === 200, webhookStatus: result.status };
}

function badRequest(c: Context) {
  return c.json({ error: MSG.badRequest }, 400);
}

function userIdOf(c: Context): string | null {
  const parsed = userIdParam.safeParse(c.req.param('userId'));
  return parsed.success ? parsed.data : null;
}

async function parseJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T> | null> {
  const raw: unknown = await c.req.json().catch(() => null);
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
