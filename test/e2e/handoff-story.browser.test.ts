import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/time/clock';
import { addStaff, PASSWORD } from '../auth/helpers';
import { launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';

// The whole story in two browser windows: a resident in the simulator asks for a person;
// a counselor logs in, takes the case from the top of the queue, replies, sees the answer
// arrive live, and closes; the bot then answers the resident again.
let server: TestServer;
let browser: Browser;
let resident: Page;
let counselor: Page;
const dialogs: string[] = [];

const eventually = <T>(fn: () => T | Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout, interval: 100 });
const botText = async () => (await resident.locator('#timeline .row.bot').allInnerTexts()).join('\n');
async function residentSays(text: string) {
  const input = resident.getByRole('textbox', { name: 'メッセージ' });
  await input.fill(text);
  await input.press('Enter');
}

beforeAll(async () => {
  server = await startTestServer({ clock: manualClock('2026-11-24T10:00:00+09:00') });
  await addStaff(server.deps.db, 'counselor', 'soudan@example.jp');
  browser = await launchChromium();
  resident = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 1000, height: 900 } })).newPage();
  counselor = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 1100, height: 1000 } })).newPage();
  for (const p of [resident, counselor]) p.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a resident asks for a person, a counselor answers', () => {
  it('the resident asks for a person and is told where they stand', async () => {
    await resident.goto(`${server.url}/simulator/`);
    await resident.getByLabel('新しい住民の表示名').fill('相談 花子');
    await resident.getByRole('button', { name: '友だち追加' }).click();
    await resident.getByRole('group', { name: 'クイックリプライ' }).getByRole('button', { name: '同意する' }).click();
    await eventually(botText).toContain('ご相談の内容に近いもの');
    await residentSays('人と話したい');
    await eventually(botText).toContain('相談員にお伝えしました');
    expect(await botText()).toMatch(/1\s*番目/);
  });

  it('the counselor logs in, sees the case at the top, claims it and replies', async () => {
    await counselor.goto(`${server.url}/admin/queue`);
    await counselor.getByLabel('メールアドレス').fill('soudan@example.jp');
    await counselor.getByLabel('パスワード').fill(PASSWORD);
    await counselor.getByRole('button', { name: 'ログイン' }).click();
    await eventually(() => counselor.url()).toContain('/admin/queue');
    const firstRow = counselor.locator('table.queue tbody tr').first();
    expect(await firstRow.innerText()).toContain('相談 花子');
    await firstRow.getByRole('button', { name: '担当する' }).click();
    await eventually(() => counselor.locator('h1').innerText()).toContain('相談 花子 さんのケース');
    await counselor.getByLabel('相談者への返信').fill('相談員の山田です。どうされましたか？');
    await counselor.getByRole('button', { name: '送信する' }).click();
    await eventually(() => counselor.getByRole('status').innerText()).toContain('返信を送りました');
  });

  it('the resident sees the reply and writes back; the counselor sees it live, without reloading', async () => {
    await eventually(botText).toContain('相談員の山田です');
    const before = counselor.url();
    await residentSays('家賃のことで困っています');
    await eventually(() => counselor.locator('#transcript').innerText(), 5_000).toContain('家賃のことで困っています');
    expect(counselor.url()).toBe(before);
    expect(await botText()).not.toContain('いちばん近いもの'); // the bot stayed quiet while the counselor had the case
  });

  it('the counselor closes; the bot answers the resident again', async () => {
    await counselor.getByLabel('解決').check();
    await counselor.getByRole('button', { name: '終了して、ボットに戻す' }).click();
    await eventually(() => counselor.getByRole('status').innerText()).toContain('終了しました');
    await eventually(botText).toContain('終了');
    await residentSays('こんにちは');
    await eventually(botText).toContain('ご相談の内容に近いものを選んでください');
    mkdirSync('test-results', { recursive: true });
    await counselor.screenshot({ path: 'test-results/admin-case.png', fullPage: true });
    expect(dialogs).toEqual([]);
  });
});
