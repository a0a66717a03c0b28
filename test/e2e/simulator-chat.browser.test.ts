import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/time/clock';
import { launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';

// The whole path a newcomer takes after `npm start`: the real app in emulator mode,
// the simulator page in Chromium, signed webhooks, replies through the LINE emulator.
// The council's clock is fixed on 勤労感謝の日 (2026-11-23, a Monday).
let server: TestServer;
let browser: Browser;
let page: Page;

const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const timeline = () => page.locator('#timeline');
const chips = () => page.getByRole('group', { name: 'クイックリプライ' });
const botText = () => timeline().locator('.row.bot').allInnerTexts();

async function send(text: string) {
  const input = page.getByRole('textbox', { name: 'メッセージ' });
  await input.fill(text);
  await input.press('Enter');
}

beforeAll(async () => {
  server = await startTestServer({ clock: manualClock('2026-11-23T10:00:00+09:00'), seedDemo: true });
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 1000, height: 900 } })).newPage();
  await page.goto(`${server.url}/simulator`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('chatting with the real bot in the simulator', () => {
  it('a demo resident says hello and gets the menu', async () => {
    await page.getByRole('list', { name: '住民の一覧' }).getByRole('button', { name: /ねりま はなこ/ }).click();
    await send('こんにちは');
    await eventually(async () => (await botText()).join('\n')).toContain('ご相談の内容に近いものを選んでください');
    await eventually(() => chips().getByRole('button').allTextContents()).toContain('お金・生活費');
  });

  it('家賃が払えない → 生活サポートセンター, closed today for 勤労感謝の日', async () => {
    await send('家賃が払えない');
    const card = timeline().locator('.flex-bubble').last();
    await eventually(() => card.innerText()).toContain('生活サポートセンター');
    expect(await card.innerText()).toContain('勤労感謝の日');
    expect(await card.innerText()).toContain('11月24日(火)');
  });

  it('a new resident who writes a crisis first gets the hotline numbers in the first reply', async () => {
    await page.getByLabel('新しい住民の表示名').fill('はじめて 太郎');
    await page.getByRole('button', { name: '友だち追加' }).click();
    await eventually(() => chips().getByRole('button').allTextContents()).toEqual(['同意する', '同意しない']);
    const before = (await botText()).length;
    await send('もうしにたい');
    await eventually(async () => (await botText()).slice(before).join('\n')).toContain('0570-783-556');
    const reply = (await botText()).slice(before).join('\n');
    expect(reply).toContain('0120-279-338');
    expect(reply).not.toContain('同意しますか');
    await eventually(() => chips().getByRole('button').allTextContents()).toEqual(['人と話したい', 'メニュー']);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/simulator-crisis.png', fullPage: false });
  });
});
