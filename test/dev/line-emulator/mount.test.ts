import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLineEmulator } from '../../../src/dev/line-emulator';
import { apiFor, text } from './helpers';

describe('mounted inside another Hono app', () => {
  const emulator = createLineEmulator({ channelAccessToken: 'tok' });
  const root = new Hono();
  root.get('/health', (c) => c.text('ok'));
  root.route('/line', emulator.app);
  let server: ReturnType<typeof serve>;
  let origin = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: root.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        origin = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('serves LINE and control routes under the prefix and logs the LINE path', async () => {
    const api = apiFor(`${origin}/line`, 'tok');
    const user = (await api.post('/__emulator/users', { displayName: '高橋' })).body;
    const res = await api.post('/v2/bot/message/push', { to: user.userId, messages: [text()] });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-line-request-id')).toBeTruthy();
    expect((await api.get(`/__emulator/inbox/${user.userId}`)).body.deliveries).toHaveLength(1);
    expect(emulator.state.requests().map((r) => r.path)).toEqual(['/v2/bot/message/push']);
    expect((await api.get('/v2/bot/unknown')).body).toEqual({ message: 'Not found' });
    expect(await (await fetch(`${origin}/health`)).text()).toBe('ok');
  });
});
