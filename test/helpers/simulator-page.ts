// Driving the LINE simulator and the admin login in a real browser page (see browser.ts).
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PASSWORD } from '../auth/helpers';

/** Polls until the assertion holds (15 s): pages update on their own, after the bot or a script. */
export const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });

/** A resident's phone-sized page, or a staff member's wider one, in its own browser context (own cookies). */
export const newPage = async (browser: Browser, who: 'resident' | 'staff') =>
  (await browser.newContext({ locale: 'ja-JP', viewport: who === 'resident' ? { width: 1000, height: 900 } : { width: 1100, height: 1000 } })).newPage();

/** Everything the bot has said in the simulator's timeline. */
export const botText = async (page: Page) => (await page.locator('#timeline .row.bot').allInnerTexts()).join('\n');
export const quickReplies = (page: Page) => page.getByRole('group', { name: 'クイックリプライ' });

/** Taps the quick reply with exactly this label, once it is the only one. */
export async function tap(page: Page, label: string) {
  await eventually(() => quickReplies(page).getByRole('button', { name: label, exact: true }).count()).toBe(1);
  await quickReplies(page).getByRole('button', { name: label, exact: true }).click();
}

export async function say(page: Page, text: string) {
  const input = page.getByRole('textbox', { name: 'メッセージ' });
  await input.fill(text);
  await input.press('Enter');
}

/** A new simulated resident adds the account as a friend and agrees to the terms. */
export async function befriend(page: Page, serverUrl: string, displayName: string) {
  await page.goto(`${serverUrl}/simulator/`);
  await page.getByLabel('新しい住民の表示名').fill(displayName);
  await page.getByRole('button', { name: '友だち追加' }).click();
  await tap(page, '同意する');
}

/** Fills in and submits the admin login form the page is showing (staff made with addStaff). */
export async function submitLogin(page: Page, email: string) {
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
}
