import { Hono, type Context } from 'hono';
import { createApi } from './api';
import { assetType, isAssetName, loadAsset } from './assets';
import { createEmulatorClient } from './emulator-client';
import { newBotUserId } from './ids';
import { renderPage } from './page';
import { createSentLog } from './sent-log';
import { createWebhookSender } from './webhook-client';

export type SimulatorOptions = {
  /** Base URL of the LINE emulator (its control API lives under /__emulator). */
  emulatorBaseUrl: string;
  /** The app's webhook endpoint, e.g. http://127.0.0.1:8787/webhook. */
  webhookUrl: string;
  channelSecret: string;
  /** Bot user id sent as `destination` (U + 32 hex); a fresh one per simulator if omitted. */
  destination?: string;
  /** Name shown in the chat header. */
  accountName?: string;
  fetch?: typeof fetch;
};

/** The resident-side chat simulator, mounted by the app at `/simulator` in local mode. */
export function createSimulator(opts: SimulatorOptions): Hono {
  const fetchImpl = opts.fetch ?? ((input, init) => fetch(input, init));
  const emulator = createEmulatorClient(opts.emulatorBaseUrl, fetchImpl);
  const sendWebhook = createWebhookSender({
    webhookUrl: opts.webhookUrl,
    channelSecret: opts.channelSecret,
    destination: opts.destination ?? newBotUserId(),
    fetch: fetchImpl,
  });
  const accountName = opts.accountName ?? '社会福祉協議会';

  const app = new Hono();
  app.route('/api', createApi({ emulator, sendWebhook, sentLog: createSentLog() }));

  // app.js and its modules, app.css: a fixed list, so no request can name another file.
  app.get('/:file{[a-z-]+\\.(?:js|css)}', async (c) => {
    const file = c.req.param('file');
    if (!isAssetName(file)) return c.notFound();
    return c.body(await loadAsset(file), 200, { 'content-type': assetType(file), 'cache-control': 'no-cache' });
  });

  // The page uses relative URLs (app.js, api/…), which resolve under the mount point only when
  // the page URL ends with a slash; `/:empty{.{0}}` is that trailing-slash URL under strict routing.
  const page = async (c: Context) => {
    const url = new URL(c.req.url);
    if (!url.pathname.endsWith('/')) return c.redirect(`${url.pathname}/${url.search}`, 308);
    c.header('cache-control', 'no-store');
    return c.html(await renderPage(accountName));
  };
  app.get('/', page);
  app.get('/:empty{.{0}}', page);

  return app;
}
