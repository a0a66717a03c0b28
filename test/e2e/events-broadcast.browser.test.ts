import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/time/clock';
import { addStaff } from '../auth/helpers';
import { launchChromium } from '../helpers/browser';
import { befriend, botText, eventually, newPage, say, submitLogin, tap } from '../helpers/simulator-page';
import { startTestServer, type TestServer } from '../helpers/test-server';

// Issue 6 end to end, in headless Chromium: a resident opts in to notices for 練馬 and
// サロン in the simulator, a second one does not; staff create and publish a salon in the
// admin app, compose a notice with its card to 練馬 × サロン, check the count and send it;
// the first resident gets it, taps 参加する and is confirmed, and staff see the seat taken.
// The second resident receives nothing.
const clock = manualClock('2026-11-24T10:00:00+09:00');
let server: TestServer;
let browser: Browser;
let optedIn: Page;
let notOptedIn: Page;
let staff: Page;
let eventUrl: string;
const NOTICE = '12月5日（土）に歳末ふれあいサロンを開きます。どうぞお気軽にお越しください。';

beforeAll(async () => {
  server = await startTestServer({ clock });
  await addStaff(server.deps.db, 'staff', 'kouhou@example.jp');
  browser = await launchChromium();
  optedIn = await newPage(browser, 'resident');
  notOptedIn = await newPage(browser, 'resident');
  staff = await newPage(browser, 'staff');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('events and a broadcast, end to end', () => {
  it('one resident opts in to 練馬 × サロン through お知らせ設定; another only follows', async () => {
    await befriend(optedIn, server.url, 'お知らせ はなこ');
    await say(optedIn, 'お知らせ設定');
    await tap(optedIn, 'お知らせを受け取る');
    await tap(optedIn, '練馬');
    await tap(optedIn, '次へ');
    await tap(optedIn, 'ふれあい・いきいきサロン');
    await tap(optedIn, '決定');
    await eventually(() => botText(optedIn)).toContain('お知らせの設定を保存しました');

    await befriend(notOptedIn, server.url, 'せってい なし');
  });

  it('staff create a salon in the admin app and publish it', async () => {
    await staff.goto(`${server.url}/admin/events/new`);
    await submitLogin(staff, 'kouhou@example.jp');
    await eventually(() => staff.url()).toContain('/admin/events/new');
    await staff.getByLabel('題名').fill('歳末ふれあいサロン');
    await staff.getByLabel('種類').selectOption({ label: 'ふれあい・いきいきサロン' });
    await staff.getByLabel('地区').selectOption({ label: '練馬' });
    await staff.getByLabel('場所の名前').fill('地域集会所 2階和室');
    await staff.getByLabel('開始日').fill('2026-12-05');
    await staff.getByLabel('開始時刻').fill('14:00');
    await staff.getByLabel('終了時刻').fill('16:00');
    await staff.getByLabel('定員').fill('10');
    await staff.getByRole('button', { name: '下書きとして保存する' }).click();
    await eventually(() => staff.locator('h1').innerText()).toBe('歳末ふれあいサロン');
    eventUrl = staff.url().replace(/\?.*$/, '');
    await staff.getByRole('button', { name: '公開する（住民に表示する）' }).click();
    await eventually(() => staff.locator('main').innerText()).toContain('公開中');
  });

  it('staff compose a notice with the event card to 練馬 × サロン, check the count and quota, and send it', async () => {
    await staff.goto(`${server.url}/admin/broadcasts`);
    await staff.getByRole('button', { name: '新しいお知らせを作る' }).click();
    await staff.getByLabel('本文（5,000文字まで）').fill(NOTICE);
    await eventually(() => staff.locator('#notice-text-count').innerText()).toBe(`${NOTICE.length}／5,000文字`); // counted live by broadcast.js
    await staff.getByLabel('イベントのカード（本文の下に付けます）').selectOption({ label: '12月5日（土）14:00〜16:00 歳末ふれあいサロン' });
    await staff.getByLabel('地区と種類で選ぶ').check();
    await staff.getByRole('group', { name: '地区', exact: true }).getByLabel('練馬').check();
    await staff.getByLabel('ふれあい・いきいきサロン').check();
    await staff.getByLabel('すぐに送る').check();
    await staff.getByRole('button', { name: '確認へ進む' }).click();

    await eventually(() => staff.locator('h1').innerText()).toBe('送る前の確認');
    expect(await staff.locator('#recipient-count').innerText()).toBe('1人');
    expect(await staff.locator('#quota-left').innerText()).toContain('上限なし');
    expect(await staff.locator('main').innerText()).toContain('地区：練馬 ／ 種類：ふれあい・いきいきサロン');
    await staff.getByRole('button', { name: '1人に送信する' }).click();

    await eventually(() => staff.locator('h1').innerText()).toBe('お知らせの送信状況');
    // Updated live by broadcast.js, without a reload.
    await eventually(() => staff.locator('[data-field="statusLabel"]').innerText()).toBe('送信済み');
    await eventually(() => staff.locator('[data-field="sent"]').innerText()).toBe('1人');
    expect(await staff.locator('[data-field="remaining"]').innerText()).toBe('0人');
  });

  it('the opted-in resident sees the notice with the card, taps 参加する and is confirmed', async () => {
    await eventually(() => botText(optedIn)).toContain(NOTICE);
    const card = optedIn.locator('.flex-bubble', { hasText: '歳末ふれあいサロン' }).last();
    await eventually(() => card.count()).toBe(1);
    expect(await card.innerText()).toContain('12月5日（土）14:00〜16:00');
    await card.getByRole('button', { name: '参加する' }).click();
    await eventually(() => botText(optedIn)).toContain('参加を受け付けました');
  });

  it('the staff event page shows the seat taken; the resident who did not opt in received nothing', async () => {
    await staff.goto(eventUrl);
    await eventually(() => staff.locator('main').innerText()).toContain('参加 1 / 定員 10');
    expect(await staff.locator('main').innerText()).toContain('お知らせ はなこ');
    const quiet = server.emulator.listUsers().find((u) => u.displayName === 'せってい なし')!;
    expect(server.emulator.inbox(quiet.userId).filter((d) => d.via !== 'reply')).toEqual([]);
    expect(await botText(notOptedIn)).not.toContain(NOTICE);
    mkdirSync('test-results', { recursive: true });
    await optedIn.screenshot({ path: 'test-results/events-broadcast-resident.png' });
    await staff.screenshot({ path: 'test-results/events-broadcast-staff.png', fullPage: true });
  });
});
