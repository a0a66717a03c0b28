import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser, fakeUserId, replyToken, startEmulator, text, uuid } from './helpers';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

describe('fault injection', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.state.reset());

  const push = (to: string, headers: Record<string, string> = {}) =>
    emu.api.post('/v2/bot/message/push', { to, messages: [text()] }, headers);

  it('fails the next matching requests with the queued status, then recovers', async () => {
    const queued = await emu.api.post('/__emulator/faults', { status: 429, count: 2, pathPrefix: '/v2/bot/message/push', retryAfter: 3 });
    expect(queued.status).toBe(201);
    expect((await emu.api.get('/v2/bot/message/quota')).status).toBe(200); // other paths are untouched
    const first = await push(fakeUserId(1));
    expect(first).toMatchObject({ status: 429, body: { message: 'Too many requests' } });
    expect(first.headers.get('retry-after')).toBe('3');
    expect(first.headers.get('x-line-request-id')).toBeTruthy();
    expect((await push(fakeUserId(1))).status).toBe(429);
    expect((await push(fakeUserId(1))).status).toBe(200);
  });

  it('queues several faults in order and clears them', async () => {
    await emu.api.post('/__emulator/faults', [{ status: 500 }, { status: 503 }]);
    expect((await push(fakeUserId(1))).body).toEqual({ message: 'Internal server error' });
    expect((await push(fakeUserId(1))).status).toBe(503);
    await emu.api.post('/__emulator/faults', { status: 500, count: 5 });
    await emu.api.call('DELETE', '/__emulator/faults');
    expect((await push(fakeUserId(1))).status).toBe(200);
  });

  it('delivers nothing and consumes neither the retry key nor the reply token', async () => {
    const user = await createUser(emu.api);
    const key = uuid();
    emu.state.addFault({ status: 500 });
    expect((await push(user.userId, { 'x-line-retry-key': key })).status).toBe(500);
    expect(emu.state.inbox(user.userId)).toEqual([]);
    expect((await push(user.userId, { 'x-line-retry-key': key })).status).toBe(200);
    expect((await push(user.userId, { 'x-line-retry-key': key })).status).toBe(409);

    const token = await replyToken(emu.api, user.userId);
    emu.state.addFault({ status: 503, pathPrefix: '/v2/bot/message/reply' });
    expect((await emu.api.post('/v2/bot/message/reply', { replyToken: token, messages: [text()] })).status).toBe(503);
    expect((await emu.api.post('/v2/bot/message/reply', { replyToken: token, messages: [text()] })).status).toBe(200);
    expect(emu.state.inbox(user.userId).map((d) => d.via)).toEqual(['push', 'reply']);
  });

  it('is repeatable in random mode for the same seed', async () => {
    const run = async () => {
      emu.state.reset();
      await emu.api.post('/__emulator/faults', { rate: 0.3, statuses: [500, 429], seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await push(fakeUserId(1))).status);
      return statuses;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a.filter((s) => s !== 200).length).toBeGreaterThan(3);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(20);
    expect(new Set(a)).toEqual(new Set([200, 500, 429]));
  });

  it('records faulted calls in the request log', async () => {
    emu.state.addFault({ status: 500 });
    await push(fakeUserId(1));
    expect(emu.state.requests().map((r) => [r.path, r.status, r.recipients])).toEqual([['/v2/bot/message/push', 500, 0]]);
  });

  it('rejects malformed fault specs', async () => {
    expect((await emu.api.post('/__emulator/faults', { status: 418 })).status).toBe(400);
    expect((await emu.api.post('/__emulator/faults', { rate: 2, statuses: [500], seed: 1 })).status).toBe(400);
  });
});
