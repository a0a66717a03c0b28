import type { Context } from 'hono';
import { MessagePage, renderAdminPage } from '../routes/admin/layout';
import { ADMIN_LOGIN_PATH } from './types';

// How the auth middlewares answer: pages for browsers, JSON for fetch and API clients.
export const wantsHtml = (c: Context) => (c.req.header('accept') ?? '').includes('text/html');

export type ForbiddenReason = 'cross_site' | 'csrf' | 'role';

const FORBIDDEN: Record<ForbiddenReason, { title: string; message: string }> = {
  cross_site: {
    title: '操作を受け付けられませんでした',
    message: '別のサイトから送られた操作のため、受け付けませんでした。管理画面を開き直してから、もう一度お試しください。',
  },
  csrf: {
    title: '操作を受け付けられませんでした',
    message: '画面の有効期限が切れた可能性があります。ページを読み込み直してから、もう一度お試しください。',
  },
  role: { title: '権限がありません', message: 'この画面や操作を使う権限がありません。必要な場合は管理者にご相談ください。' },
};

export async function forbidden(c: Context, reason: ForbiddenReason) {
  const text = FORBIDDEN[reason];
  if (!wantsHtml(c)) return c.json({ error: reason, message: text.message }, 403);
  return renderAdminPage(c, <MessagePage title={text.title} message={text.message} link={{ href: '/admin', label: '管理画面のトップへ' }} />, 403);
}

/** Only our own admin paths, so `next` cannot send anyone to another site. */
export function safeNextPath(next: string | undefined | null): string | undefined {
  if (!next || next.length > 2000) return undefined;
  if (!/^\/admin(?:[/?#]|$)/.test(next) || /[\\\u0000-\u001f]/.test(next)) return undefined;
  if (next.startsWith(ADMIN_LOGIN_PATH)) return undefined;
  return next;
}

/** Logged out: browsers go to the login page (and come back after), others get 401. */
export function unauthenticated(c: Context, expired: boolean) {
  const message = expired ? 'ログインの有効期限が切れました。もう一度ログインしてください。' : 'ログインしてください。';
  if (!wantsHtml(c)) return c.json({ error: 'unauthenticated', message, login: ADMIN_LOGIN_PATH }, 401);
  const url = new URL(c.req.url);
  const params = new URLSearchParams();
  const next = c.req.method === 'GET' || c.req.method === 'HEAD' ? safeNextPath(url.pathname + url.search) : undefined;
  if (next) params.set('next', next);
  if (expired) params.set('expired', '1');
  const query = params.toString();
  return c.redirect(query ? `${ADMIN_LOGIN_PATH}?${query}` : ADMIN_LOGIN_PATH, 303);
}
