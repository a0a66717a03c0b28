import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser, replyToken, startEmulator, text, TOKEN, uuid } from './helpers';
import { onePixelPng } from './png';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

describe('LINE emulator driven by @line/bot-sdk', () => {
  let emu: Emulator;
  let client: messagingApi.MessagingApiClient;

  beforeAll(async () => {
    emu = await startEmulator();
    client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: emu.url });
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.state.reset());

  it('pushes with a retry key, returns x-line-request-id, and answers 409 on the repeated key', async () => {
    const user = await createUser(emu.api);
    const key = uuid();
    const first = await client.pushMessageWithHttpInfo({ to: user.userId, messages: [text('お知らせです')] }, key);
    const requestId = first.httpResponse.headers.get('x-line-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.body.sentMessages).toHaveLength(1);
    expect(first.body.sentMessages[0]?.quoteToken).toBeTruthy();

    const error = await client.pushMessageWithHttpInfo({ to: user.userId, messages: [text('お知らせです')] }, key).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPFetchError);
    const httpError = error as HTTPFetchError;
    expect(httpError.status).toBe(409);
    expect(httpError.headers.get('x-line-accepted-request-id')).toBe(requestId);
    const body = JSON.parse(httpError.body);
    expect(body.message).toBe('The retry key is already accepted');
    expect(body.sentMessages).toEqual(first.body.sentMessages);

    const inbox = emu.state.inbox(user.userId);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ via: 'push', requestId, messages: [text('お知らせです')] });
  });

  it('replies with a token issued by the control API, once', async () => {
    const user = await createUser(emu.api);
    const token = await replyToken(emu.api, user.userId);
    const res = await client.replyMessage({ replyToken: token, messages: [text('ご相談ありがとうございます')] });
    expect(res.sentMessages).toHaveLength(1);
    const again = await client.replyMessage({ replyToken: token, messages: [text('x')] }).catch((e: unknown) => e as HTTPFetchError);
    expect(again).toBeInstanceOf(HTTPFetchError);
    expect((again as HTTPFetchError).status).toBe(400);
    expect(JSON.parse((again as HTTPFetchError).body)).toEqual({ message: 'Invalid reply token' });
    expect(emu.state.inbox(user.userId).map((d) => d.via)).toEqual(['reply']);
  });

  it('multicasts, broadcasts and narrowcasts to following users only', async () => {
    const a = await createUser(emu.api, 'A');
    const b = await createUser(emu.api, 'B');
    const blocked = await createUser(emu.api, 'C');
    await emu.api.post(`/__emulator/users/${blocked.userId}/unfollow`);

    await client.multicast({ to: [a.userId, b.userId, blocked.userId], messages: [text('m')] }, uuid());
    await client.broadcast({ messages: [text('b')] }, uuid());
    const narrow = await client.narrowcastWithHttpInfo({ messages: [text('n')] }, uuid());
    expect(narrow.httpResponse.status).toBe(202);
    const narrowId = narrow.httpResponse.headers.get('x-line-request-id') as string;
    const progress = await client.getNarrowcastProgress(narrowId);
    expect(progress).toMatchObject({ phase: 'succeeded', successCount: 2, failureCount: 0, targetCount: 2 });

    expect(emu.state.inbox(a.userId).map((d) => d.via)).toEqual(['multicast', 'broadcast', 'narrowcast']);
    expect(emu.state.inbox(b.userId)).toHaveLength(3);
    expect(emu.state.inbox(blocked.userId)).toHaveLength(0);
  });

  it('serves profiles, loading animation and quota', async () => {
    const user = await createUser(emu.api, '佐藤 一郎', { pictureUrl: 'https://example.com/p.png' });
    expect(await client.getProfile(user.userId)).toEqual({
      userId: user.userId,
      displayName: '佐藤 一郎',
      pictureUrl: 'https://example.com/p.png',
      language: 'ja',
    });
    await expect(client.showLoadingAnimation({ chatId: user.userId, loadingSeconds: 5 })).resolves.toBeDefined();
    expect(await client.getMessageQuota()).toEqual({ type: 'none' });
    emu.state.setMonthlyLimit(200);
    await client.pushMessage({ to: user.userId, messages: [text()] });
    expect(await client.getMessageQuota()).toEqual({ type: 'limited', value: 200 });
    expect(await client.getMessageQuotaConsumption()).toEqual({ totalUsage: 1 });
  });

  it('maps the monthly limit to a 429 the SDK surfaces', async () => {
    const user = await createUser(emu.api);
    emu.state.setMonthlyLimit(0);
    const error = (await client.pushMessage({ to: user.userId, messages: [text()] }).catch((e: unknown) => e)) as HTTPFetchError;
    expect(error.status).toBe(429);
    expect(JSON.parse(error.body)).toEqual({ message: 'You have reached your monthly limit.' });
  });

  it('runs a rich menu setup script end to end', async () => {
    const user = await createUser(emu.api);
    const blob = new messagingApi.MessagingApiBlobClient({ channelAccessToken: TOKEN, baseURL: emu.url });
    const { richMenuId } = await client.createRichMenu({
      size: { width: 2500, height: 843 },
      selected: true,
      name: 'main',
      chatBarText: 'メニュー',
      areas: [
        { bounds: { x: 0, y: 0, width: 1250, height: 843 }, action: { type: 'postback', data: 'menu=consult', label: '相談' } },
        { bounds: { x: 1250, y: 0, width: 1250, height: 843 }, action: { type: 'uri', uri: 'https://example.com' } },
      ],
    });
    await blob.setRichMenuImage(richMenuId, new Blob([onePixelPng(2500, 843)], { type: 'image/png' }));
    await client.setDefaultRichMenu(richMenuId);
    expect((await client.getDefaultRichMenuId()).richMenuId).toBe(richMenuId);
    await client.linkRichMenuIdToUser(user.userId, richMenuId);
    expect((await client.getRichMenuIdOfUser(user.userId)).richMenuId).toBe(richMenuId);
    expect((await client.getRichMenuList()).richmenus.map((m) => m.richMenuId)).toEqual([richMenuId]);
    expect((await client.getRichMenu(richMenuId)).chatBarText).toBe('メニュー');
    await client.unlinkRichMenuIdFromUser(user.userId);
    await client.cancelDefaultRichMenu();
    await client.deleteRichMenu(richMenuId);
    expect((await client.getRichMenuList()).richmenus).toEqual([]);
  });

  it('ignores the path of baseURL (SDK resolves "/v2/..." against it), so a prefixed mount is unreachable', async () => {
    // Documents @line/bot-sdk 11.0.0 behaviour: new URL('/v2/bot/...', 'http://host/prefix') drops /prefix.
    const user = await createUser(emu.api);
    const prefixed = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: `${emu.url}/some-prefix` });
    await prefixed.pushMessage({ to: user.userId, messages: [text()] });
    expect(emu.state.requests().at(-1)?.path).toBe('/v2/bot/message/push');
    expect(emu.state.inbox(user.userId)).toHaveLength(1);
  });
});
