import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueReminders } from '../../src/booking/reminders';
import { manualClock } from '../../src/time/clock';
import { addStaff } from '../auth/helpers';
import { launchChromium } from '../helpers/browser';
import { befriend, botText as botTextIn, eventually, newPage, quickReplies, say as sayIn, submitLogin, tap as tapIn } from '../helpers/simulator-page';
import { startTestServer, type TestServer } from '../helpers/test-server';

// A resident books in the simulator, sees it listed, changes it, gets the reminder on a
// fast-forwarded clock; staff see the same booking in the admin app and cancel it with a
// message; the resident books again and cancels it themselves.
const clock = manualClock('2026-11-24T10:00:00+09:00');
let server: TestServer;
let browser: Browser;
let resident: Page;
let staff: Page;

// The resident's side of the simulator.
const botText = () => botTextIn(resident);
const chips = () => quickReplies(resident);
const tap = (label: string) => tapIn(resident, label);
const say = (text: string) => sayIn(resident, text);

beforeAll(async () => {
  server = await startTestServer({ clock });
  await addStaff(server.deps.db, 'staff', 'madoguchi@example.jp');
  browser = await launchChromium();
  resident = await newPage(browser, 'resident');
  staff = await newPage(browser, 'staff');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('booking, end to end', () => {
  it('the resident books 成年後見制度専門相談 on 12月2日 13:30', async () => {
    await befriend(resident, server.url, '予約 よし子');
    await say('予約したい');
    await tap('成年後見制度専門相談');
    await tap('12月2日(水)');
    await tap('13:30');
    await tap('書かずに進む');
    await tap('LINEで');
    await tap('確定');
    await eventually(botText).toContain('ご予約が確定しました');
    expect(await resident.locator('.flex-bubble').last().innerText()).toContain('12月2日(水) 13:30');
  });

  it('sees it listed and changes it to 14:15', async () => {
    await say('予約の確認・変更・キャンセル');
    await eventually(botText).toContain('これからのご予約です');
    const listed = await chips().getByRole('button').allTextContents();
    await tap(listed.find((l) => l.includes('12月2日'))!);
    await tap('日時を変更する');
    await tap('12月2日(水)');
    await tap('14:15');
    await tap('変更を確定');
    await eventually(async () => (await resident.locator('.flex-bubble').last().innerText())).toContain('14:15');
  });

  it('gets the reminder the evening before (clock fast-forwarded)', async () => {
    clock.set('2026-12-01T18:05:00+09:00');
    const run = await runDueReminders(server.deps, clock.now());
    expect(run.sent).toBe(1);
    await eventually(botText).toContain('【ご予約のお知らせ】');
    expect(await botText()).toMatch(/12月2日\(水\) 14:15/);
  });

  it('staff see the same booking in the admin app and cancel it with a message', async () => {
    await staff.goto(`${server.url}/admin/login`);
    await submitLogin(staff, 'madoguchi@example.jp');
    await staff.goto(`${server.url}/admin/bookings?service=seinen-kouken-senmon&date=2026-12-02&view=day`);
    // The 13:30 booking was cancelled by the change; the live one is the only one that can be cancelled.
    const booking = staff.locator('li.booking', { hasText: '予約 よし子', has: staff.getByRole('button', { name: 'この予約をキャンセルする' }) });
    await eventually(() => booking.count()).toBe(1);
    expect(await staff.locator('main').innerText()).toContain('14:15');
    await booking.getByRole('textbox').fill('講師の都合により、お休みになりました');
    await booking.getByRole('button', { name: 'この予約をキャンセルする' }).click();
    await eventually(() => booking.count()).toBe(0);
    await eventually(botText).toContain('講師の都合により');
  });

  it('the resident books again and cancels it themselves', async () => {
    clock.set('2026-11-25T10:00:00+09:00');
    await say('予約したい');
    await tap('成年後見制度専門相談');
    await tap('12月2日(水)');
    await tap('15:00');
    await tap('書かずに進む');
    await tap('LINEで');
    await tap('確定');
    await eventually(botText).toContain('ご予約が確定しました');
    await say('予約の確認・変更・キャンセル');
    await eventually(() => chips().getByRole('button').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('15:00')]));
    const listed = await chips().getByRole('button').allTextContents();
    await tap(listed.find((l) => l.includes('15:00'))!);
    await tap('キャンセルする');
    await tap('キャンセルする');
    await eventually(botText).toContain('ご予約をキャンセルしました');
    mkdirSync('test-results', { recursive: true });
    await resident.screenshot({ path: 'test-results/booking-walkthrough.png' });
  });
});
