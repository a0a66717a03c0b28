import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningLineEmulator, startLineEmulator } from '../../src/dev/line-emulator/serve';
import { createSimulator } from '../../src/dev/simulator';
import { launchChromium } from '../helpers/browser';
import { FAIL_TEXT, type ReceivedEvent, startTestBot, type TestBot } from '../helpers/simulator-test-bot';

const SECRET = 'simulator-browser-test-secret';
const TOKEN = 'simulator-browser-test-token';
const DESTINATION = 'U0123456789abcdef0123456789abcdef';
const XSS = '<img src=x onerror=alert(1)>';
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

type Served = { url: string; close(): Promise<void> };

function serveApp(app: Hono): Promise<Served> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}

// The page polls the inbox every 700 ms; leave room for a slow CI machine.
const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 50 });

function tokyoClock(ms: number): string {
  return new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

describe('simulator page in Chromium', () => {
  let emulator: RunningLineEmulator;
  let bot: TestBot;
  let simulator: Served;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let userId: string;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  const eventsOf = (type: string): ReceivedEvent[] => bot.events.filter((e) => e.type === type);
  const timeline = () => page.locator('#timeline');
  const chips = () => page.getByRole('group', { name: 'クイックリプライ' });

  beforeAll(async () => {
    emulator = await startLineEmulator({ port: 0, channelAccessToken: TOKEN });
    bot = await startTestBot({ channelSecret: SECRET, emulatorUrl: emulator.url, channelAccessToken: TOKEN });
    const host = new Hono();
    // The strict policy the lead may apply later: the page must work under it unchanged.
    host.use('/simulator/*', async (c, next) => {
      await next();
      c.res.headers.set('content-security-policy', CSP);
    });
    host.route(
      '/simulator',
      createSimulator({
        emulatorBaseUrl: emulator.url,
        webhookUrl: `${bot.url}/webhook`,
        channelSecret: SECRET,
        destination: DESTINATION,
        accountName: '練馬区社会福祉協議会',
      }),
    );
    simulator = await serveApp(host);
    browser = await launchChromium();
    // A viewer far from Japan: every time shown must still be Tokyo time.
    context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'America/Los_Angeles', viewport: { width: 1000, height: 900 } });
    // uri actions open tabs; record them instead of leaving the test's sandbox.
    await context.addInitScript(() => {
      const opened: string[] = [];
      Object.assign(window, { __opened: opened });
      window.open = (url?: string | URL) => {
        opened.push(String(url));
        return null;
      };
    });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  afterAll(async () => {
    await browser?.close();
    await simulator?.close();
    await bot?.close();
    await emulator?.close();
  });

  it('serves the page under the mount prefix', async () => {
    const response = await page.goto(`${simulator.url}/simulator`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${simulator.url}/simulator/`);
    await eventually(() => page.locator('#account-name').textContent()).toBe('練馬区社会福祉協議会');
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    const html = await (await fetch(`${simulator.url}/simulator/`)).text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/);
  });

  it('creates a resident, whose follow event reaches the bot signed and well formed', async () => {
    await page.getByLabel('新しい住民の表示名').fill('ねりま 花子');
    await page.getByRole('button', { name: '友だち追加' }).click();

    await eventually(() => eventsOf('follow').length).toBe(1);
    const follow = eventsOf('follow')[0] as ReceivedEvent;
    userId = follow.source.userId;
    expect(userId).toMatch(/^U[0-9a-f]{32}$/);
    expect(follow).toMatchObject({
      mode: 'active',
      deliveryContext: { isRedelivery: false },
      source: { type: 'user' },
      follow: { isUnblocked: false },
    });
    expect(follow.webhookEventId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(follow.replyToken).toMatch(/\S{16,}/);
    expect(Math.abs(follow.timestamp - Date.now())).toBeLessThan(60_000);
    expect(bot.destinations).toEqual([DESTINATION]);

    await eventually(() => timeline().getByText('友だち追加ありがとうございます。').count()).toBe(1);
    await eventually(() => page.locator('#current-resident').textContent()).toBe('ねりま 花子 さんとして会話中');
    const listed = page.getByRole('list', { name: '住民の一覧' }).getByRole('button', { name: /ねりま 花子/ });
    expect(await listed.getAttribute('aria-current')).toBe('true');
  });

  it('sends typed text with Enter and shows the bot reply with Tokyo times', async () => {
    const input = page.getByRole('textbox', { name: 'メッセージ' });
    await input.fill('こんにちは 🙂\n相談したいです');
    await input.press('Enter');

    await eventually(() => eventsOf('message').length).toBe(1);
    const message = eventsOf('message')[0] as ReceivedEvent;
    expect(message.message).toMatchObject({ type: 'text', text: 'こんにちは 🙂\n相談したいです' });
    expect(message.message?.id).toMatch(/^\d{10,}$/);
    expect(message.message?.quoteToken).toBeTruthy();
    expect(message.replyToken).toBeTruthy();
    expect(message.replyToken).not.toBe(eventsOf('follow')[0]?.replyToken);
    // Emoji travel as \u escapes, as LINE sends them; the bot verified the signature on these bytes.
    expect(bot.rawBodies.at(-1)).toContain('\\uD83D\\uDE42');

    const residentBubble = timeline().locator('.bubble.resident').last();
    expect(await residentBubble.innerText()).toBe('こんにちは 🙂\n相談したいです');
    const reply = timeline().getByText('「こんにちは 🙂\n相談したいです」を受け取りました。');
    await eventually(() => reply.count()).toBe(1);

    const stamp = timeline().locator('.row.bot').last().locator('time');
    const iso = await stamp.getAttribute('datetime');
    expect(await stamp.textContent()).toBe(tokyoClock(Date.parse(iso ?? '')));
    expect(await input.inputValue()).toBe('');
  });

  it('shows quick replies under the newest bot message and answers unsupported actions politely', async () => {
    await eventually(() => chips().getByRole('button').allTextContents()).toEqual(['こんにちは', '相談の予約', 'カメラ']);
    const before = bot.events.length;
    await chips().getByRole('button', { name: 'カメラ' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('この操作はシミュレーターでは使えません。');
    expect(bot.events.length).toBe(before);
  });

  it('taps a postback chip: the displayText shows, the postback reaches the bot, the Flex renders', async () => {
    await chips().getByRole('button', { name: '相談の予約' }).click();

    await eventually(() => eventsOf('postback').length).toBe(1);
    const postback = eventsOf('postback')[0] as ReceivedEvent;
    expect(postback.postback).toEqual({ data: 'action=book&step=1' });
    expect(postback.replyToken).toBeTruthy();
    expect(eventsOf('message').length).toBe(1);
    expect(await timeline().locator('.bubble.resident').last().innerText()).toBe('相談を予約したい');

    const flex = timeline().locator('.flex-bubble').last();
    await eventually(() => flex.count()).toBe(1);
    expect(await flex.getByText('ご予約').count()).toBe(1);
    expect(await flex.getByText('練馬区役所東庁舎4階').count()).toBe(1);
    // Markup inside bot text stays text.
    expect(await flex.getByText('<b>太字にはなりません</b>', { exact: false }).count()).toBe(1);
    expect(await flex.locator('b').count()).toBe(0);
    expect(await flex.getByRole('button', { name: '日時を選ぶ' }).count()).toBe(1);
    // The quick replies belonged to the earlier message, so they are gone now.
    expect(await chips().isHidden()).toBe(true);

    await flex.getByRole('button', { name: '電話する' }).click();
    expect(await page.evaluate(() => (window as unknown as { __opened: string[] }).__opened)).toEqual(['tel:0339925600']);
  });

  it('uses a datetime picker and sends its params as a postback', async () => {
    await timeline().locator('.flex-bubble').last().getByRole('button', { name: '日時を選ぶ' }).click();
    const picker = page.locator('#picker-input');
    expect(await picker.getAttribute('type')).toBe('datetime-local');
    expect(await picker.inputValue()).toBe('2030-04-01T10:00');
    expect(await picker.getAttribute('min')).toBe('2030-04-01T09:00');
    expect(await picker.getAttribute('max')).toBe('2030-04-30T17:00');
    expect(await page.locator('#picker-label').textContent()).toContain('日時を選んでください');

    await picker.fill('2030-04-02T13:30');
    await page.getByRole('button', { name: '決定' }).click();

    await eventually(() => eventsOf('postback').length).toBe(2);
    expect(eventsOf('postback')[1]?.postback).toEqual({ data: 'action=book&step=2', params: { datetime: '2030-04-02T13:30' } });
    await eventually(() => timeline().getByText('選ばれた日時：2030-04-02T13:30').count()).toBe(1);
    expect(await page.locator('#picker').isHidden()).toBe(true);
    await eventually(() => chips().getByRole('button').count()).toBe(3);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/simulator.png', fullPage: false });
  });

  it('taps a message chip, which sends its text as the resident', async () => {
    await chips().getByRole('button', { name: 'こんにちは' }).click();
    await eventually(() => eventsOf('message').length).toBe(2);
    expect(eventsOf('message')[1]?.message?.text).toBe('こんにちは');
    await eventually(() => timeline().getByText('「こんにちは」を受け取りました。').count()).toBe(1);
  });

  it('renders HTML typed by the resident as literal text', async () => {
    const imagesBefore = await page.locator('img').count();
    const input = page.getByRole('textbox', { name: 'メッセージ' });
    await input.fill(XSS);
    await page.getByRole('button', { name: '送信', exact: true }).click();

    await eventually(() => eventsOf('message').length).toBe(3);
    expect(eventsOf('message')[2]?.message?.text).toBe(XSS);
    expect(await timeline().locator('.bubble.resident').last().textContent()).toBe(XSS);
    await eventually(() => timeline().getByText(`「${XSS}」を受け取りました。`).count()).toBe(1);
    expect(await page.locator('img').count()).toBe(imagesBefore);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('shows a Japanese error bubble when the webhook does not answer 200', async () => {
    const input = page.getByRole('textbox', { name: 'メッセージ' });
    await input.fill(FAIL_TEXT);
    await input.press('Enter');
    const error = timeline().getByRole('alert').last();
    await eventually(() => error.textContent()).toBe('ボットが受け付けませんでした（HTTP 500）。ボットのログをご確認ください。');
  });

  it('blocks and unblocks with unfollow and follow events', async () => {
    await page.getByRole('button', { name: 'ブロックする' }).click();
    await eventually(() => eventsOf('unfollow').length).toBe(1);
    expect(eventsOf('unfollow')[0]).toMatchObject({ source: { type: 'user', userId }, mode: 'active' });
    expect(eventsOf('unfollow')[0]?.replyToken).toBeUndefined();
    await eventually(() => page.getByRole('textbox', { name: 'メッセージ' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'ブロックを解除' }).click();
    await eventually(() => eventsOf('follow').length).toBe(2);
    expect(eventsOf('follow')[1]).toMatchObject({ follow: { isUnblocked: true }, source: { userId } });
    await eventually(() => timeline().getByText('おかえりなさい。').count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'メッセージ' }).isDisabled()).toBe(false);
  });

  it('redraws the whole conversation after a reload', async () => {
    await page.reload();
    await eventually(() => timeline().getByText('相談を予約したい').count()).toBe(1);
    const texts = await timeline().locator('.bubble').allInnerTexts();
    const order = ['友だち追加ありがとうございます。', 'こんにちは 🙂\n相談したいです', '「こんにちは 🙂', '相談を予約したい', 'ご予約', '選ばれた日時', 'おかえりなさい。'];
    const positions = order.map((t) => texts.findIndex((x) => x.startsWith(t)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('renders every message kind without breaking, ignoring unknown Flex components', async () => {
    // A string, so the test runner does not rewrite `import()` for Node; the modules load like app.js does.
    await page.evaluate(`Promise.all(['messages.js', 'actions.js'].map((f) => import(new URL(f, location.href).href)))
      .then(([m, a]) => { window.__sim = { renderMessage: m.renderMessage, createActionRunner: a.createActionRunner }; })`);
    const result = await page.evaluate(async () => {
      const { renderMessage, createActionRunner } = (window as unknown as { __sim: Record<string, Function> }).__sim as {
        renderMessage: (m: unknown, run: unknown) => Node;
        createActionRunner: (h: unknown) => unknown;
      };
      const notes: string[] = [];
      const sent: unknown[] = [];
      const run = createActionRunner({
        sendText: (t: string) => sent.push(['text', t]),
        sendPostback: (p: unknown) => sent.push(['postback', p]),
        openPicker: () => sent.push(['picker']),
        fillInput: () => undefined,
        notify: (t: string) => notes.push(t),
      });
      const messages = [
        { type: 'sticker', packageId: '446', stickerId: '1988' },
        { type: 'image', originalContentUrl: 'https://example.invalid/a.png', previewImageUrl: 'javascript:alert(1)' },
        { type: 'textV2', text: '{user}さん、こんにちは {{括弧}}', substitution: { user: { type: 'mention', mentionee: { type: 'all' } } } },
        {
          type: 'template',
          altText: 'ボタン',
          template: {
            type: 'buttons',
            title: '<script>タイトル</script>',
            text: '本文',
            actions: [
              { type: 'message', label: '送る', text: 'はい' },
              { type: 'uri', label: '危ない', uri: 'javascript:alert(1)' },
            ],
          },
        },
        { type: 'template', altText: '確認', template: { type: 'confirm', text: 'よろしいですか？', actions: [{ type: 'postback', label: 'はい', data: 'yes' }, { type: 'message', label: 'いいえ', text: 'いいえ' }] } },
        { type: 'template', altText: 'カルーセル', template: { type: 'carousel', columns: [{ title: '列1', text: 'その1', actions: [{ type: 'message', label: 'A', text: 'A' }] }, { title: '列2', text: 'その2', actions: [{ type: 'message', label: 'B', text: 'B' }] }] } },
        {
          type: 'flex',
          altText: 'フレックス',
          contents: {
            type: 'carousel',
            contents: [
              {
                type: 'bubble',
                body: {
                  type: 'box',
                  layout: 'vertical',
                  contents: [
                    { type: 'text', contents: [{ type: 'span', text: '太字', weight: 'bold' }, { type: 'span', text: 'と赤', color: '#ff0000' }] },
                    { type: 'hologram', text: '見えない部品' },
                    { type: 'spacer', size: 'md' },
                    { type: 'box', layout: 'baseline', contents: [{ type: 'icon', url: 'https://example.invalid/i.png' }, { type: 'text', text: 'アイコン付き' }, { type: 'filler' }] },
                    { type: 'image', url: 'https://example.invalid/p.png', size: 'full', aspectRatio: '20:13' },
                  ],
                },
              },
              { type: 'bubble', body: { type: 'box', layout: 'horizontal', contents: [{ type: 'text', text: '二枚目' }, { type: 'separator' }, { type: 'button', action: { type: 'postback', label: '押す', data: 'p=1', displayText: '押しました' } }] } },
              { type: 'not-a-bubble' },
            ],
          },
        },
        { type: 'hologram', altText: '新しい形式' },
      ];
      const host = document.createElement('div');
      for (const m of messages) host.append(renderMessage(m, run));
      for (const b of host.querySelectorAll('button')) b.click();
      return {
        text: host.textContent,
        imgSrcs: [...host.querySelectorAll('img')].map((i) => i.getAttribute('src')),
        scripts: host.querySelectorAll('script').length,
        buttons: [...host.querySelectorAll('button')].map((b) => b.textContent),
        sent,
        notes,
        opened: (window as unknown as { __opened: string[] }).__opened.length,
      };
    });
    expect(result.text).toContain('スタンプ 446/1988');
    expect(result.text).toContain('@Allさん、こんにちは {括弧}');
    expect(result.text).toContain('<script>タイトル</script>');
    expect(result.text).toContain('よろしいですか？');
    expect(result.text).toContain('列2');
    expect(result.text).toContain('太字と赤');
    expect(result.text).toContain('アイコン付き');
    expect(result.text).toContain('二枚目');
    expect(result.text).not.toContain('見えない部品');
    expect(result.text).toContain('このメッセージ形式「hologram」はシミュレーターでは表示できません');
    expect(result.scripts).toBe(0);
    expect(result.imgSrcs.every((s) => s?.startsWith('https://'))).toBe(true);
    expect(result.buttons).toEqual(['送る', '危ない', 'はい', 'いいえ', 'A', 'B', '押す']);
    expect(result.sent).toEqual([
      ['text', 'はい'],
      ['postback', { data: 'yes' }],
      ['text', 'いいえ'],
      ['text', 'A'],
      ['text', 'B'],
      ['postback', { data: 'p=1', displayText: '押しました' }],
    ]);
    expect(result.notes).toEqual(['このリンクはシミュレーターでは開けません。']);
    expect(result.opened).toBe(0);
  });

  it('fits a phone-width screen without sideways scrolling', async () => {
    const phone = await browser.newContext({ locale: 'ja-JP', viewport: { width: 375, height: 740 } });
    try {
      const p = await phone.newPage();
      await p.goto(`${simulator.url}/simulator/`);
      await eventually(() => p.locator('#timeline .bubble').count()).toBeGreaterThan(5);
      const overflowing = await p.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > 375.5 && !el.closest('.flex-carousel, .card-carousel, .quick-replies'))
          .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
      );
      expect(overflowing).toEqual([]);
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(await p.getByRole('textbox', { name: 'メッセージ' }).isVisible()).toBe(true);
    } finally {
      await phone.close();
    }
  });

  it('only ever sent correctly signed webhooks, and the bot does reject a bad signature', async () => {
    expect(bot.signatureFailures).toBe(0);
    expect(pageErrors).toEqual([]);
    const res = await fetch(`${bot.url}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': 'AAAA' },
      body: JSON.stringify({ destination: DESTINATION, events: [] }),
    });
    expect(res.status).toBe(401);
    expect(bot.signatureFailures).toBe(1);
  });
});
