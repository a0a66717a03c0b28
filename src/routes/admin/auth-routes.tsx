import { Hono, type Context } from 'hono';
import { recordAudit } from '../../auth/audit';
import { clientAddress } from '../../auth/client-address';
import {
  clearLoginCsrfCookie,
  clearSessionCookie,
  readLoginCsrfCookie,
  readSessionCookie,
  setLoginCsrfCookie,
  setSessionCookie,
} from '../../auth/cookies';
import { CSRF_FIELD, csrfTokenMatches } from '../../auth/csrf';
import { randomToken } from '../../auth/bytes';
import { attemptLogin } from '../../auth/login';
import { MAX_PASSWORD_LENGTH } from '../../auth/password';
import { requireStaff } from '../../auth/require-staff';
import { safeNextPath, wantsHtml } from '../../auth/respond';
import { deleteSession, loadSession } from '../../auth/sessions';
import { ADMIN_HOME_PATH, ADMIN_LOGIN_PATH, type AdminEnv, type AuthDeps } from '../../auth/types';
import { tokyoParts } from '../../time/tokyo';
import { renderAdminPage } from './layout';
import { LoginPage, type LoginErrors } from './login-page';

const LOGIN_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const NOTICES: Record<string, string> = {
  loggedOut: 'ログアウトしました。',
  expired: '一定時間操作がなかったか、ログインの有効期限が切れたため、ログアウトしました。もう一度ログインしてください。',
};

/** The login form's double-submit token: reuse the cookie's (other open tabs stay valid), refresh its lifetime. */
function loginFormToken(c: Context): string {
  const existing = readLoginCsrfCookie(c);
  const token = existing && LOGIN_TOKEN_SHAPE.test(existing) ? existing : randomToken();
  setLoginCsrfCookie(c, token);
  return token;
}

function retryMessage(retryAt: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  return `ログインの失敗が続いたため、しばらくログインできません。${tokyoParts(retryAt).hhmm}ごろ（約${minutes}分後）に、もう一度お試しください。`;
}

const field = (body: Record<string, unknown>, name: string) => {
  const value = body[name];
  return typeof value === 'string' ? value : '';
};

/** GET/POST /login, POST /logout and `/` (→ the queue), for mounting under /admin. */
export function adminAuthRoutes(deps: AuthDeps) {
  const routes = new Hono<AdminEnv>();

  const home = (c: Context) => c.redirect(ADMIN_HOME_PATH, 302);
  routes.get('/', home);
  routes.get('/:empty{.{0}}', home);

  routes.get('/login', async (c) => {
    const next = safeNextPath(c.req.query('next'));
    const lookup = await loadSession(deps.db, readSessionCookie(c), deps.clock.now());
    if (lookup.status === 'valid') return c.redirect(next ?? ADMIN_HOME_PATH, 303);
    if (lookup.status === 'expired') clearSessionCookie(c);
    const notice = c.req.query('loggedOut') ? NOTICES.loggedOut : c.req.query('expired') ? NOTICES.expired : undefined;
    return renderAdminPage(c, <LoginPage csrfToken={loginFormToken(c)} next={next} notice={notice} />);
  });

  routes.post('/login', async (c) => {
    let body: Record<string, unknown>;
    try {
      body = await c.req.parseBody();
    } catch {
      body = {};
    }
    const email = field(body, 'email').trim();
    const password = field(body, 'password');
    const next = safeNextPath(field(body, 'next'));
    const page = (errors: LoginErrors, status: 400 | 401 | 403 | 429) =>
      renderAdminPage(c, <LoginPage csrfToken={loginFormToken(c)} next={next} email={email} errors={errors} />, status);

    if (!csrfTokenMatches(field(body, CSRF_FIELD), readLoginCsrfCookie(c))) {
      deps.log.info('auth.login.csrf_rejected');
      return page({ form: '画面の有効期限が切れました。もう一度メールアドレスとパスワードを入力してください。' }, 403);
    }
    const errors: LoginErrors = {};
    if (!email) errors.email = 'メールアドレスを入力してください。';
    else if (email.length > 254 || !email.includes('@')) errors.email = 'メールアドレスの形式が正しくありません。';
    if (!password) errors.password = 'パスワードを入力してください。';
    else if (password.length > MAX_PASSWORD_LENGTH) errors.password = `パスワードは${MAX_PASSWORD_LENGTH}文字以内です。`;
    if (errors.email || errors.password) return page(errors, 400);

    const result = await attemptLogin(deps, { email, password, address: clientAddress(c), previousToken: readSessionCookie(c) });
    if (!result.ok && result.reason === 'throttled') {
      const now = deps.clock.now();
      c.header('Retry-After', String(Math.max(1, Math.ceil((result.retryAt.getTime() - now.getTime()) / 1000))));
      return page({ form: retryMessage(result.retryAt, now) }, 429);
    }
    if (!result.ok) return page({ password: 'メールアドレスまたはパスワードが違います。' }, 401);

    setSessionCookie(c, result.session.token);
    clearLoginCsrfCookie(c);
    return c.redirect(next ?? ADMIN_HOME_PATH, 303);
  });

  routes.post('/logout', requireStaff(deps), async (c) => {
    const { staff } = c.var;
    await deleteSession(deps.db, staff.sessionId);
    await recordAudit(deps.db, { at: deps.clock.now(), actorUserId: staff.userId, action: 'auth.logout' });
    deps.log.info('auth.logout', { userId: staff.userId });
    clearSessionCookie(c);
    if (wantsHtml(c)) return c.redirect(`${ADMIN_LOGIN_PATH}?loggedOut=1`, 303);
    return c.body(null, 204);
  });

  return routes;
}
