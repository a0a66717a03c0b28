import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiFor, createUser, fakeUserId, manualClock, replyToken, startEmulator, text, uuid } from './helpers';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

describe('LINE emulator messaging over HTTP', () => {
  const clock = manualClock();
  let emu: Emulator;

  beforeAll(async () => {
    emu = await startEmulator({ now: clock.now, replyTokenTtlMs: 60_000 });
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.state.reset());

  describe('authentication and headers', () => {
    it('answers 401 for a missing or wrong token, with x-line-request-id', async () => {
      for (const api of [apiFor(emu.url, null), apiFor(emu.url, 'wrong')]) {
        const res = await api.post('/v2/bot/message/push', { to: fakeUserId(1), messages: [text()] });
        expect(res.status).toBe(401);
        expect(res.body.message).toMatch(/^Authentication failed/);
        expect(res.headers.get('x-line-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      }
    });

    it('accepts any non-empty token when no channelAccessToken is configured', async () => {
      const open = await startEmulator({ channelAccessToken: undefined });
      try {
        expect((await apiFor(open.url, 'anything').get('/v2/bot/message/quota')).status).toBe(200);
        expect((await apiFor(open.url, null).get('/v2/bot/message/quota')).status).toBe(401);
      } finally {
        await open.close();
      }
    });

    it('answers unknown LINE paths with a JSON 404 and a request id', async () => {
      const res = await emu.api.get('/v2/bot/nothing-here');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ message: 'Not found' });
      expect(res.headers.get('x-line-request-id')).toBeTruthy();
    });

    it('rejects a body that is not JSON', async () => {
      const res = await emu.api.call('POST', '/v2/bot/message/push', undefined, { 'content-type': 'application/json' });
      expect(res.status).toBe(400);
    });
  });

  describe('reply', () => {
    it('rejects unknown, reused and expired tokens with "Invalid reply token"', async () => {
      const user = await createUser(emu.api);
      const unknown = await emu.api.post('/v2/bot/message/reply', { replyToken: 'nope', messages: [text()] });
      expect(unknown).toMatchObject({ status: 400, body: { message: 'Invalid reply token' } });

      const token = await replyToken(emu.api, user.userId);
      expect((await emu.api.post('/v2/bot/message/reply', { replyToken: token, messages: [text()] })).status).toBe(200);
      expect((await emu.api.post('/v2/bot/message/reply', { replyToken: token, messages: [text()] })).body).toEqual({
        message: 'Invalid reply token',
      });

      const stale = await replyToken(emu.api, user.userId);
      clock.advance(60_001);
      expect((await emu.api.post('/v2/bot/message/reply', { replyToken: stale, messages: [text()] })).status).toBe(400);
      expect(emu.state.inbox(user.userId)).toHaveLength(1);
    });

    it('does not consume the token when the body fails validation', async () => {
      const user = await createUser(emu.api);
      const token = await replyToken(emu.api, user.userId);
      const bad = await emu.api.post('/v2/bot/message/reply', { replyToken: token, messages: [text('')] });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ message: 'May not be empty', property: 'messages[0].text' }]);
      expect((await emu.api.post('/v2/bot/message/reply', { replyToken: token, messages: [text()] })).status).toBe(200);
    });

    it('is free: it never touches the monthly quota', async () => {
      const user = await createUser(emu.api);
      emu.state.setMonthlyLimit(0);
      const token = await replyToken(emu.api, user.userId);
      expect((await emu.api.post('/v2/bot/message/reply', { replyToken: token, messages: [text()] })).status).toBe(200);
      expect((await emu.api.get('/v2/bot/message/quota/consumption')).body).toEqual({ totalUsage: 0 });
    });

    it('refuses reply tokens for unknown users on the control API', async () => {
      expect((await emu.api.post('/__emulator/reply-tokens', { userId: fakeUserId(9) })).status).toBe(404);
    });
  });

  describe('push and multicast', () => {
    it('accepts well-formed unknown users and groups, rejects malformed ids', async () => {
      const unknown = await emu.api.post('/v2/bot/message/push', { to: fakeUserId(7), messages: [text()] });
      expect(unknown.status).toBe(200);
      expect(unknown.body.sentMessages).toHaveLength(1);
      const group = await emu.api.post('/v2/bot/message/push', { to: `C${'a'.repeat(32)}`, messages: [text()] });
      expect(group.status).toBe(200);
      const bad = await emu.api.post('/v2/bot/message/push', { to: 'someone', messages: [text()] });
      expect(bad.status).toBe(400);
      expect(bad.body).toEqual({
        message: 'The request body has 1 error(s)',
        details: [{ message: 'must be a user, group or room ID', property: 'to' }],
      });
      expect(emu.state.stats().deliveries).toBe(1); // only the group
    });

    it('delivers nothing to a user who blocked the account and hides the profile', async () => {
      const user = await createUser(emu.api);
      expect((await emu.api.get(`/v2/bot/profile/${user.userId}`)).status).toBe(200);
      await emu.api.post(`/__emulator/users/${user.userId}/unfollow`);
      expect((await emu.api.post('/v2/bot/message/push', { to: user.userId, messages: [text()] })).status).toBe(200);
      expect(emu.state.inbox(user.userId)).toEqual([]);
      expect(await emu.api.get(`/v2/bot/profile/${user.userId}`)).toMatchObject({ status: 404, body: { message: 'Not found' } });
      await emu.api.post(`/__emulator/users/${user.userId}/follow`);
      await emu.api.post('/v2/bot/message/push', { to: user.userId, messages: [text()] });
      expect(emu.state.inbox(user.userId)).toHaveLength(1);
    });

    it('limits multicast to 1..500 user ids', async () => {
      const ok = await emu.api.post('/v2/bot/message/multicast', {
        to: Array.from({ length: 500 }, (_, i) => fakeUserId(i)),
        messages: [text()],
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({});
      const tooMany = await emu.api.post('/v2/bot/message/multicast', {
        to: Array.from({ length: 501 }, (_, i) => fakeUserId(i)),
        messages: [text()],
      });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.details[0]).toEqual({ message: 'Size must be between 1 and 500', property: 'to' });
      expect((await emu.api.post('/v2/bot/message/multicast', { to: [], messages: [text()] })).status).toBe(400);
      const group = await emu.api.post('/v2/bot/message/multicast', { to: [`C${'a'.repeat(32)}`], messages: [text()] });
      expect(group.body.details).toEqual([{ message: 'must be a user ID', property: 'to[0]' }]);
    });

    it('delivers a multicast once per user even if an id is repeated', async () => {
      const user = await createUser(emu.api);
      await emu.api.post('/v2/bot/message/multicast', { to: [user.userId, user.userId], messages: [text()] });
      expect(emu.state.inbox(user.userId)).toHaveLength(1);
    });
  });

  describe('retry keys', () => {
    it('rejects a retry key that is not a UUID', async () => {
      const res = await emu.api.post('/v2/bot/message/push', { to: fakeUserId(1), messages: [text()] }, { 'x-line-retry-key': 'abc' });
      expect(res.status).toBe(400);
    });

    it('answers 409 for a key accepted within 24 h, with no second delivery, for every send kind', async () => {
      const user = await createUser(emu.api);
      const sends: Array<[string, unknown]> = [
        ['/v2/bot/message/push', { to: user.userId, messages: [text()] }],
        ['/v2/bot/message/multicast', { to: [user.userId], messages: [text()] }],
        ['/v2/bot/message/broadcast', { messages: [text()] }],
        ['/v2/bot/message/narrowcast', { messages: [text()] }],
      ];
      for (const [path, body] of sends) {
        const key = uuid();
        const first = await emu.api.post(path, body, { 'x-line-retry-key': key });
        expect(first.status).toBeLessThan(300);
        const second = await emu.api.post(path, body, { 'x-line-retry-key': key });
        expect(second.status).toBe(409);
        expect(second.body.message).toBe('The retry key is already accepted');
        expect(second.headers.get('x-line-accepted-request-id')).toBe(first.headers.get('x-line-request-id'));
      }
      expect(emu.state.inbox(user.userId)).toHaveLength(4);
    });

    it('forgets keys after 24 h', async () => {
      const key = uuid();
      const send = () => emu.api.post('/v2/bot/message/push', { to: fakeUserId(1), messages: [text()] }, { 'x-line-retry-key': key });
      expect((await send()).status).toBe(200);
      clock.advance(24 * 60 * 60 * 1000 + 1);
      expect((await send()).status).toBe(200);
    });

    it('does not consume the key on a validation error or a quota refusal', async () => {
      const user = await createUser(emu.api);
      const key = uuid();
      const headers = { 'x-line-retry-key': key };
      expect((await emu.api.post('/v2/bot/message/push', { to: user.userId, messages: [] }, headers)).status).toBe(400);
      emu.state.setMonthlyLimit(0);
      expect((await emu.api.post('/v2/bot/message/push', { to: user.userId, messages: [text()] }, headers)).status).toBe(429);
      emu.state.setMonthlyLimit(null);
      expect((await emu.api.post('/v2/bot/message/push', { to: user.userId, messages: [text()] }, headers)).status).toBe(200);
    });
  });

  describe('monthly quota', () => {
    it('charges one per delivered recipient and refuses, delivering nothing, past the limit', async () => {
      const users = [await createUser(emu.api, 'a'), await createUser(emu.api, 'b'), await createUser(emu.api, 'c')];
      await emu.api.call('PUT', '/__emulator/quota', { monthlyLimit: 4 });
      const ids = users.map((u) => u.userId);
      expect((await emu.api.post('/v2/bot/message/multicast', { to: [...ids, fakeUserId(1)], messages: [text()] })).status).toBe(200);
      expect((await emu.api.get('/v2/bot/message/quota/consumption')).body).toEqual({ totalUsage: 3 });
      const refused = await emu.api.post('/v2/bot/message/broadcast', { messages: [text()] });
      expect(refused).toMatchObject({ status: 429, body: { message: 'You have reached your monthly limit.' } });
      expect(emu.state.stats().deliveries).toBe(3);
      expect((await emu.api.post('/v2/bot/message/push', { to: ids[0], messages: [text()] })).status).toBe(200);
      expect((await emu.api.post('/v2/bot/message/push', { to: ids[0], messages: [text()] })).status).toBe(429);
      expect((await emu.api.get('/v2/bot/message/quota')).body).toEqual({ type: 'limited', value: 4 });
    });

    it('lets a narrowcast send up to the remaining quota when asked', async () => {
      for (const name of ['a', 'b', 'c']) await createUser(emu.api, name);
      emu.state.setMonthlyLimit(2);
      const res = await emu.api.post('/v2/bot/message/narrowcast', { messages: [text()], limit: { upToRemainingQuota: true } });
      expect(res.status).toBe(202);
      const progress = await emu.api.get(`/v2/bot/message/progress/narrowcast?requestId=${res.headers.get('x-line-request-id')}`);
      expect(progress.body).toMatchObject({ phase: 'succeeded', successCount: 2, targetCount: 3 });
      expect((await emu.api.get('/v2/bot/message/progress/narrowcast?requestId=unknown')).status).toBe(404);
    });

    it('resets consumption when the month changes in Japan time', async () => {
      const user = await createUser(emu.api);
      emu.state.setMonthlyLimit(1);
      expect((await emu.api.post('/v2/bot/message/push', { to: user.userId, messages: [text()] })).status).toBe(200);
      expect((await emu.api.post('/v2/bot/message/push', { to: user.userId, messages: [text()] })).status).toBe(429);
      clock.advance(40 * 24 * 60 * 60 * 1000);
      expect((await emu.api.post('/v2/bot/message/push', { to: user.userId, messages: [text()] })).status).toBe(200);
    });
  });

  describe('loading animation', () => {
    it('accepts 5..60 seconds in steps of 5', async () => {
      const chatId = fakeUserId(3);
      expect((await emu.api.post('/v2/bot/chat/loading/start', { chatId, loadingSeconds: 20 })).status).toBe(202);
      expect((await emu.api.post('/v2/bot/chat/loading/start', { chatId })).status).toBe(202);
      for (const loadingSeconds of [0, 3, 7, 65]) {
        expect((await emu.api.post('/v2/bot/chat/loading/start', { chatId, loadingSeconds })).status).toBe(400);
      }
      expect((await emu.api.post('/v2/bot/chat/loading/start', { chatId: 'x', loadingSeconds: 5 })).status).toBe(400);
    });
  });
});
