import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, PASSWORD, startProbeServer } from './helpers';

let server: TestServer;
let browser: Browser;
let probe: Awaited<ReturnType<typeof startProbeServer>>;
beforeAll(async () => {
  server = await startTestServer();
  probe = await startProbeServer(server.deps); // the app plus a page behind requireStaff
  await addStaff(server.deps.db, 'counselor', 'browser@example.jp');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await probe?.close();
  await server?.close();
});

describe('login in headless Chromium', () => {
  it('keyboard only: error next to the field, email kept, then logged in; no CSP violation; cookie hidden from scripts', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${probe.url}/admin/probe`);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`/admin/login?next=${encodeURIComponent('/admin/probe')}`);
    // The stylesheet applied (the CSP allows our own file).
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.login')!).maxWidth)).not.toBe('none');
    // Focus starts in the email field; Tab goes to the password, then the button.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    await page.keyboard.type('browser@example.jp');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#password-error');
    expect(await page.textContent('#password-error')).toBe('メールアドレスまたはパスワードが違います。');
    expect(await page.inputValue('#email')).toBe('browser@example.jp');
    expect(await page.inputValue('#password')).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    const errorLabel = await page.locator('#password').evaluate((el) => el.getAttribute('aria-describedby'));
    expect(errorLabel).toBe('password-error');

    await page.keyboard.type(PASSWORD);
    const [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/admin/probe');
    expect(JSON.parse((await page.textContent('body'))!)).toMatchObject({ role: 'counselor' }); // back where the visitor wanted to go
    expect(response?.headers()['cache-control']).toBe('no-store');
    expect(await page.evaluate(() => document.cookie)).toBe(''); // HttpOnly
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'tsunagu_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
    await context.close();
  });

  it('a form on another site that posts to the admin app is refused, even carrying a valid token', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${probe.url}/admin/probe`);
    await page.fill('#email', 'browser@example.jp');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const { csrf } = JSON.parse((await page.textContent('body'))!);
    // The attacker's page: another origin (localhost vs 127.0.0.1) that somehow knows the token.
    const evil = new Hono().get('/', (c) =>
      c.html(`<form id="f" method="post" action="${probe.url}/admin/probe"><input name="_csrf" value="${csrf}"></form>`),
    );
    const evilServer = serve({ fetch: evil.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => (evilServer.listening ? resolve() : evilServer.once('listening', () => resolve())));
    try {
      await page.goto(`http://localhost:${(evilServer.address() as AddressInfo).port}/`);
      const [response] = await Promise.all([page.waitForNavigation(), page.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit())]);
      expect(response?.status()).toBe(403);
      expect(await page.textContent('main')).toContain('別のサイトから送られた操作');
    } finally {
      evilServer.close();
      if ('closeAllConnections' in evilServer) evilServer.closeAllConnections();
      await context.close();
    }
  });
});
