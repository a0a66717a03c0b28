import { Hono } from 'hono';
import { type EmulatorContext, type EmulatorEnv, lineError, notFound, readJsonObject, validationError } from './http';
import { readImageInfo } from './image-info';
import { USER_ID_RE } from './ids';
import type { EmulatorState } from './state';
import { validateRichMenu } from './validate-rich-menu';

// Rich menu images: JPEG or PNG, at most 1 MB, same size as the menu, uploaded once
// (https://developers.line.biz/en/reference/messaging-api/#upload-rich-menu-image).
const IMAGE_MAX_BYTES = 1024 * 1024;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg']);

export function richMenuRoutes(state: EmulatorState): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>();
  const menus = state.richMenus;

  /** Why the menu cannot be applied (unknown, or no image yet), or null when it can. */
  const notApplicable = (c: EmulatorContext, richMenuId: string): Response | null => {
    if (!menus.get(richMenuId)) return notFound(c);
    if (!menus.hasImage(richMenuId)) return lineError(c, 400, 'must upload richmenu image before applying it to user');
    return null;
  };
  const invalidUserId = (c: EmulatorContext) => validationError(c, [{ property: 'userId', message: 'must be a user ID' }]);

  app.post('/v2/bot/richmenu', async (c) => {
    const body = await readJsonObject(c);
    if (body instanceof Response) return body;
    const { issues, menu } = validateRichMenu(body);
    if (!menu) return validationError(c, issues.details);
    return c.json({ richMenuId: menus.create(menu).richMenuId });
  });

  app.post('/v2/bot/richmenu/validate', async (c) => {
    const body = await readJsonObject(c);
    if (body instanceof Response) return body;
    const { issues } = validateRichMenu(body);
    return issues.ok ? c.json({}) : validationError(c, issues.details);
  });

  app.get('/v2/bot/richmenu/list', (c) => c.json({ richmenus: menus.list() }));

  app.get('/v2/bot/richmenu/:richMenuId', (c) => {
    const menu = menus.get(c.req.param('richMenuId'));
    return menu ? c.json(menu) : notFound(c);
  });

  app.delete('/v2/bot/richmenu/:richMenuId', (c) => (menus.delete(c.req.param('richMenuId')) ? c.json({}) : notFound(c)));

  // Lives on api-data.line.me in production; the emulator serves both hosts from one origin.
  app.post('/v2/bot/richmenu/:richMenuId/content', async (c) => {
    const richMenuId = c.req.param('richMenuId');
    const menu = menus.get(richMenuId);
    if (!menu) return notFound(c);
    const contentType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!IMAGE_TYPES.has(contentType)) return lineError(c, 415, 'Content-Type must be image/png or image/jpeg');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) return lineError(c, 400, 'The request body is empty');
    if (bytes.length > IMAGE_MAX_BYTES) return lineError(c, 413, 'The image must be at most 1 MB');
    if (menus.hasImage(richMenuId)) return lineError(c, 400, 'An image has already been uploaded to the richmenu');
    const info = readImageInfo(bytes);
    if (!info || info.type !== contentType) return lineError(c, 400, `The body is not a valid ${contentType} image`);
    if (info.width !== menu.size.width || info.height !== menu.size.height) {
      return lineError(c, 400, `The image size (${info.width}x${info.height}) must match the rich menu size (${menu.size.width}x${menu.size.height})`);
    }
    menus.setImage(richMenuId, { contentType, bytes });
    return c.json({});
  });

  app.get('/v2/bot/richmenu/:richMenuId/content', (c) => {
    const image = menus.getImage(c.req.param('richMenuId'));
    if (!image) return notFound(c);
    return c.body(image.bytes.slice().buffer as ArrayBuffer, 200, { 'content-type': image.contentType });
  });

  app.post('/v2/bot/user/all/richmenu/:richMenuId', (c) => {
    const richMenuId = c.req.param('richMenuId');
    const refusal = notApplicable(c, richMenuId);
    if (refusal) return refusal;
    menus.setDefault(richMenuId);
    return c.json({});
  });

  app.get('/v2/bot/user/all/richmenu', (c) => {
    const richMenuId = menus.defaultRichMenuId;
    return richMenuId ? c.json({ richMenuId }) : notFound(c);
  });

  app.delete('/v2/bot/user/all/richmenu', (c) => {
    menus.setDefault(null);
    return c.json({});
  });

  app.post('/v2/bot/user/:userId/richmenu/:richMenuId', (c) => {
    const userId = c.req.param('userId');
    const richMenuId = c.req.param('richMenuId');
    if (!USER_ID_RE.test(userId)) return invalidUserId(c);
    const refusal = notApplicable(c, richMenuId);
    if (refusal) return refusal;
    menus.link(userId, richMenuId);
    return c.json({});
  });

  app.get('/v2/bot/user/:userId/richmenu', (c) => {
    const richMenuId = menus.linkedTo(c.req.param('userId'));
    return richMenuId ? c.json({ richMenuId }) : lineError(c, 404, 'the user has no richmenu');
  });

  app.delete('/v2/bot/user/:userId/richmenu', (c) => {
    const userId = c.req.param('userId');
    if (!USER_ID_RE.test(userId)) return invalidUserId(c);
    menus.unlink(userId);
    return c.json({});
  });

  return app;
}
