import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser, fakeUserId, replyToken, startEmulator, text, uuid } from './helpers';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

describe('control API', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.state.reset());

  it('creates users with generated or given ids, lists them and tracks follow state', async () => {
    const generated = await createUser(emu.api, '田中');
    expect(generated).toMatchObject({ displayName: '田中', following: true, language: 'ja' });
    expect(generated.userId).toMatch(/^U[0-9a-f]{32}$/);
    const given = await createUser(emu.api, '鈴木', { userId: fakeUserId(5) });
    expect(given.userId).toBe(fakeUserId(5));
    expect((await emu.api.post('/__emulator/users', { displayName: 'dup', userId: fakeUserId(5) })).status).toBe(409);
    expect((await emu.api.post('/__emulator/users', { displayName: 'bad', userId: 'U123' })).status).toBe(400);

    const unfollowed = await emu.api.post(`/__emulator/users/${given.userId}/unfollow`);
    expect(unfollowed.body.following).toBe(false);
    const list = await emu.api.get('/__emulator/users');
    expect(list.body.users.map((u: { displayName: string }) => u.displayName)).toEqual(['田中', '鈴木']);
    expect((await emu.api.post(`/__emulator/users/${fakeUserId(99)}/follow`)).status).toBe(404);
  });

  it('creates many users in one call', async () => {
    const res = await emu.api.post('/__emulator/users', Array.from({ length: 50 }, (_, i) => ({ displayName: `u${i}` })));
    expect(res.status).toBe(201);
    expect(res.body.users).toHaveLength(50);
    expect(emu.state.stats().following).toBe(50);
  });

  it('pages the inbox and the request log by seq', async () => {
    const user = await createUser(emu.api);
    for (const t of ['1', '2', '3']) await emu.api.post('/v2/bot/message/push', { to: user.userId, messages: [text(t)] });
    const all = (await emu.api.get(`/__emulator/inbox/${user.userId}`)).body.deliveries;
    expect(all.map((d: { messages: Array<{ text: string }> }) => d.messages[0]?.text)).toEqual(['1', '2', '3']);
    expect(all[0]).toMatchObject({ via: 'push', notificationDisabled: false });
    expect(typeof all[0].at).toBe('number');
    const after = (await emu.api.get(`/__emulator/inbox/${user.userId}?after=${all[0].seq}`)).body.deliveries;
    expect(after).toHaveLength(2);

    const key = uuid();
    await emu.api.post('/v2/bot/message/push', { to: user.userId, messages: [text()] }, { 'x-line-retry-key': key });
    const requests = (await emu.api.get('/__emulator/requests')).body.requests;
    expect(requests).toHaveLength(4);
    expect(requests[3]).toMatchObject({ method: 'POST', path: '/v2/bot/message/push', status: 200, retryKey: key, recipients: 1 });
    expect((await emu.api.get(`/__emulator/requests?after=${requests[2].seq}`)).body.requests).toHaveLength(1);
  });

  it('reports stats and quota, and resets everything', async () => {
    const a = await createUser(emu.api, 'a');
    await createUser(emu.api, 'b');
    await emu.api.call('PUT', '/__emulator/quota', { monthlyLimit: 100, totalUsage: 10 });
    await emu.api.post('/v2/bot/message/broadcast', { messages: [text()] });
    const token = await replyToken(emu.api, a.userId);
    await emu.api.post('/v2/bot/message/reply', { replyToken: token, messages: [text()] });
    const stats = (await emu.api.get('/__emulator/stats')).body;
    expect(stats).toMatchObject({ deliveries: 3, requests: 2, consumption: 12, monthlyLimit: 100, users: 2, following: 2 });
    expect(stats.deliveriesByUser[a.userId]).toBe(2);
    expect((await emu.api.get('/__emulator/quota')).body).toEqual({ monthlyLimit: 100, totalUsage: 12 });

    await emu.api.post('/__emulator/reset');
    expect((await emu.api.get('/__emulator/stats')).body).toMatchObject({ deliveries: 0, requests: 0, consumption: 0, users: 0, monthlyLimit: null });
  });

  it('never logs message text to the console', async () => {
    const user = await createUser(emu.api);
    const secret = '秘密の相談内容';
    const seen: string[] = [];
    const original = { log: console.log, error: console.error, warn: console.warn, info: console.info };
    for (const k of Object.keys(original) as Array<keyof typeof original>) console[k] = (...args: unknown[]) => void seen.push(args.join(' '));
    try {
      await emu.api.post('/v2/bot/message/push', { to: user.userId, messages: [text(secret)] });
      await emu.api.post('/v2/bot/message/push', { to: user.userId, messages: [text(secret), { type: 'bogus', secret }] });
    } finally {
      Object.assign(console, original);
    }
    expect(seen.join('\n')).not.toContain(secret);
  });
});
