import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser, startEmulator, TOKEN } from './helpers';
import { onePixelPng } from './png';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

const area = (x: number, width: number, height = 843) => ({
  bounds: { x, y: 0, width, height },
  action: { type: 'postback', data: `x=${x}`, label: 'メニュー' },
});
const menu = (extra: Record<string, unknown> = {}) => ({
  size: { width: 2500, height: 843 },
  selected: false,
  name: 'main',
  chatBarText: 'メニュー',
  areas: [area(0, 1250), area(1250, 1250)],
  ...extra,
});

describe('rich menus', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.state.reset());

  const upload = (id: string, body: Uint8Array<ArrayBuffer>, type = 'image/png') =>
    fetch(`${emu.url}/v2/bot/richmenu/${id}/content`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': type },
      body,
    });

  it.each([
    ['chatBarText of 15', { chatBarText: 'あ'.repeat(15) }, 'chatBarText'],
    ['name of 301', { name: 'x'.repeat(301) }, 'name'],
    ['21 areas', { areas: Array.from({ length: 21 }, (_, i) => area(i * 100, 100)) }, 'areas'],
    ['area outside the menu', { areas: [area(2000, 600)] }, 'areas[0].bounds'],
    ['width too small', { size: { width: 700, height: 250 } }, 'size.width'],
    ['too tall for the width', { size: { width: 1200, height: 1000 }, areas: [] }, 'size'],
    ['missing selected', { selected: undefined }, 'selected'],
    ['quick-reply-only action', { areas: [{ bounds: { x: 0, y: 0, width: 10, height: 10 }, action: { type: 'camera' } }] }, 'areas[0].action.type'],
    ['bad action', { areas: [{ bounds: { x: 0, y: 0, width: 10, height: 10 }, action: { type: 'postback' } }] }, 'areas[0].action.data'],
  ])('rejects %s', async (_name, extra, property) => {
    const res = await emu.api.post('/v2/bot/richmenu', menu(extra));
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { property: string }) => d.property)).toContain(property);
    expect((await emu.api.get('/v2/bot/richmenu/list')).body).toEqual({ richmenus: [] });
  });

  it('accepts a 1686-high menu with richmenuswitch and validates without creating', async () => {
    const body = menu({
      size: { width: 2500, height: 1686 },
      areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 1686 }, action: { type: 'richmenuswitch', richMenuAliasId: 'b', data: 'to=b' } }],
    });
    expect((await emu.api.post('/v2/bot/richmenu/validate', body)).status).toBe(200);
    expect((await emu.api.get('/v2/bot/richmenu/list')).body.richmenus).toHaveLength(0);
    expect((await emu.api.post('/v2/bot/richmenu', body)).body.richMenuId).toMatch(/^richmenu-[0-9a-f]{32}$/);
  });

  it('requires a matching image before it can be the default or linked', async () => {
    const user = await createUser(emu.api);
    const { richMenuId } = (await emu.api.post('/v2/bot/richmenu', menu())).body;
    expect((await emu.api.post(`/v2/bot/user/all/richmenu/${richMenuId}`)).status).toBe(400);
    expect((await emu.api.post(`/v2/bot/user/${user.userId}/richmenu/${richMenuId}`)).status).toBe(400);

    expect((await upload(richMenuId, onePixelPng(2500, 843), 'text/plain')).status).toBe(415);
    expect((await upload(richMenuId, onePixelPng(2500, 1686))).status).toBe(400);
    expect((await upload(richMenuId, onePixelPng(2500, 843), 'image/jpeg')).status).toBe(400);
    expect((await upload(richMenuId, onePixelPng(2500, 843))).status).toBe(200);
    expect((await upload(richMenuId, onePixelPng(2500, 843))).status).toBe(400); // only once

    const image = await fetch(`${emu.url}/v2/bot/richmenu/${richMenuId}/content`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(onePixelPng(2500, 843));

    expect((await emu.api.post(`/v2/bot/user/all/richmenu/${richMenuId}`)).status).toBe(200);
    expect((await emu.api.get('/v2/bot/user/all/richmenu')).body).toEqual({ richMenuId });
    expect((await emu.api.post(`/v2/bot/user/${user.userId}/richmenu/${richMenuId}`)).status).toBe(200);
    expect((await emu.api.get(`/v2/bot/user/${user.userId}/richmenu`)).body).toEqual({ richMenuId });

    expect((await emu.api.call('DELETE', `/v2/bot/richmenu/${richMenuId}`)).status).toBe(200);
    expect((await emu.api.get('/v2/bot/user/all/richmenu')).status).toBe(404);
    expect((await emu.api.get(`/v2/bot/user/${user.userId}/richmenu`)).status).toBe(404);
    expect((await emu.api.get(`/v2/bot/richmenu/${richMenuId}`)).status).toBe(404);
    expect((await emu.api.call('DELETE', `/v2/bot/richmenu/${richMenuId}`)).status).toBe(404);
  });

  it('answers 404 for unknown menus', async () => {
    expect((await emu.api.post('/v2/bot/user/all/richmenu/richmenu-unknown')).status).toBe(404);
    expect((await upload('richmenu-unknown', onePixelPng(10, 10))).status).toBe(404);
  });
});
