import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { StaffRole } from '../../db/schema';
import type { StaffPrincipal } from '../../auth/sessions';
import { CSRF_FIELD } from '../../auth/csrf';

export const ROLE_LABELS: Record<StaffRole, string> = { admin: '管理者', counselor: '相談員', staff: '職員' };
export const ADMIN_CSS_PATH = '/admin/assets/admin.css';

/** The hidden field every admin form that changes something must carry. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />;
}

/**
 * The admin page shell. No inline script or style anywhere (the CSP forbids both):
 * behaviour and looks come from files under /admin/assets/.
 */
export function AdminLayout(props: { title: string; staff?: StaffPrincipal; nav?: Child; children?: Child }) {
  const { staff } = props;
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title}｜つなぐ 管理画面`}</title>
        <link rel="stylesheet" href={ADMIN_CSS_PATH} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          本文へ移動
        </a>
        <header class="site-header">
          <p class="site-name">つなぐ 管理画面</p>
          {props.nav}
          {staff && (
            <div class="account">
              <span class="account-name">
                {staff.displayName}（{ROLE_LABELS[staff.role]}）
              </span>
              <form method="post" action="/admin/logout" class="logout">
                <CsrfField token={staff.csrfToken} />
                <button type="submit" class="secondary">
                  ログアウト
                </button>
              </form>
            </div>
          )}
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A short page with one message (errors, notices). */
export function MessagePage(props: { title: string; message: string; staff?: StaffPrincipal; link?: { href: string; label: string } }) {
  return (
    <AdminLayout title={props.title} staff={props.staff}>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      {props.link && (
        <p>
          <a href={props.link.href}>{props.link.label}</a>
        </p>
      )}
    </AdminLayout>
  );
}

type HtmlStatus = 200 | 400 | 401 | 403 | 404 | 409 | 429 | 500;

/** Renders a page (JSX escapes every text and attribute, resident input included). */
export async function renderAdminPage(c: Context, page: JSX.Element, status: HtmlStatus = 200) {
  // At run time `page` is a JSX node whose toString() may be async (async components).
  const html = await (await page).toString();
  return c.html(`<!doctype html>${html}`, status);
}
