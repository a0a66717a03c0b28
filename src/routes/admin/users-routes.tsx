import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { recordAudit } from '../../auth/audit';
import { requireStaff } from '../../auth/require-staff';
import { revokeUserSessions, type StaffPrincipal } from '../../auth/sessions';
import type { AdminEnv } from '../../auth/types';
import { createStaffUser, passwordProblem } from '../../auth/users';
import { STAFF_ROLES, staffUsers, type StaffRole, type StaffUser } from '../../db/schema';
import type { Deps } from '../../deps';
import { invalid } from './field';
import { formBody } from './form';
import { AdminLayout, CsrfField, ROLE_LABELS, renderAdminPage } from './layout';
import { AdminNav } from './nav';

type Errors = Partial<Record<'email' | 'displayName' | 'role' | 'password', string>>;

function UsersPage(p: { staff: StaffPrincipal; users: StaffUser[]; errors?: Errors; values?: Record<string, string>; notice?: string }) {
  const v = p.values ?? {};
  const err = (k: keyof Errors) =>
    p.errors?.[k] && (
      <p class="error" id={`${k}-error`}>
        {p.errors[k]}
      </p>
    );
  return (
    <AdminLayout title="ユーザーと権限" staff={p.staff} nav={<AdminNav staff={p.staff} current="/admin/users" />}>
      <h1>ユーザーと権限</h1>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">名前</th>
            <th scope="col">メールアドレス</th>
            <th scope="col">権限</th>
            <th scope="col">状態</th>
          </tr>
        </thead>
        <tbody>
          {p.users.map((u) => (
            <tr>
              <td>{u.displayName}</td>
              <td>{u.email}</td>
              <td>
                <form method="post" action={`/admin/users/${u.id}/role`} class="inline">
                  <CsrfField token={p.staff.csrfToken} />
                  <label class="visually-hidden" for={`role-${u.id}`}>
                    {u.displayName} の権限
                  </label>
                  <select id={`role-${u.id}`} name="role">
                    {STAFF_ROLES.map((r) => (
                      <option value={r} selected={u.role === r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                  <button type="submit" class="secondary">
                    変更
                  </button>
                </form>
              </td>
              <td>
                <form method="post" action={`/admin/users/${u.id}/active`} class="inline">
                  <CsrfField token={p.staff.csrfToken} />
                  <input type="hidden" name="active" value={u.active ? 'false' : 'true'} />
                  {u.active ? '有効' : '停止中'}{' '}
                  <button type="submit" class="secondary" disabled={u.id === p.staff.userId}>
                    {u.active ? '停止する' : '有効にする'}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>ユーザーを追加する</h2>
      <form method="post" action="/admin/users" class="card" novalidate>
        <CsrfField token={p.staff.csrfToken} />
        <div class="field">
          <label for="new-name">名前</label>
          <input id="new-name" name="displayName" value={v.displayName ?? ''} {...invalid(p.errors?.displayName, 'displayName-error')} />
          {err('displayName')}
        </div>
        <div class="field">
          <label for="new-email">メールアドレス</label>
          <input id="new-email" name="email" type="email" value={v.email ?? ''} {...invalid(p.errors?.email, 'email-error')} />
          {err('email')}
        </div>
        <div class="field">
          <label for="new-role">権限</label>
          <select id="new-role" name="role">
            {STAFF_ROLES.map((r) => (
              <option value={r} selected={(v.role ?? 'counselor') === r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          {err('role')}
        </div>
        <div class="field">
          <label for="new-password">はじめのパスワード（12文字以上）</label>
          <input id="new-password" name="password" type="password" autocomplete="new-password" {...invalid(p.errors?.password, 'password-error')} />
          {err('password')}
        </div>
        <button type="submit">追加する</button>
      </form>
    </AdminLayout>
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isRole = (v: string | undefined): v is StaffRole => STAFF_ROLES.includes(v as StaffRole);

/** Admins manage staff accounts and roles. */
export function usersRoutes(deps: Deps) {
  const r = new Hono<AdminEnv>();
  r.use('*', requireStaff(deps, ['admin']));
  const list = () => deps.db.select().from(staffUsers).orderBy(staffUsers.createdAt);
  const page = async (c: Context<AdminEnv>, extra: { errors?: Errors; values?: Record<string, string>; notice?: string } = {}, status: 200 | 400 = 200) =>
    renderAdminPage(c, <UsersPage staff={c.var.staff} users={await list()} {...extra} />, status);

  r.get('/', (c) => page(c, { notice: c.req.query('done') ? '保存しました。' : undefined }));

  r.post('/', async (c) => {
    const b = await formBody(c);
    const errors: Errors = {};
    if (!b.displayName?.trim()) errors.displayName = '名前を入力してください。';
    if (!b.email || !EMAIL.test(b.email.trim())) errors.email = 'メールアドレスを正しく入力してください（例：name@example.jp）。';
    if (!isRole(b.role)) errors.role = '権限を選んでください。';
    const pw = passwordProblem(b.password ?? '');
    if (pw) errors.password = pw;
    const values = { displayName: b.displayName ?? '', email: b.email ?? '', role: b.role ?? '' };
    if (Object.keys(errors).length) return page(c, { errors, values }, 400);
    const user = await createStaffUser(deps.db, { email: b.email!, displayName: b.displayName!, role: b.role as StaffRole, password: b.password! }, deps.clock.now());
    if (!user) return page(c, { errors: { email: 'このメールアドレスは、すでに使われています。' }, values }, 400);
    await recordAudit(deps.db, { at: deps.clock.now(), actorUserId: c.var.staff.userId, action: 'staff.create', detail: { userId: user.id, role: user.role } });
    return c.redirect('/admin/users?done=1', 303);
  });

  r.post('/:id/role', async (c) => {
    const { role } = await formBody(c);
    if (!isRole(role)) return page(c, { notice: '権限を選んでください。' }, 400);
    if (c.req.param('id') === c.var.staff.userId && role !== 'admin') return page(c, { notice: '自分の管理者権限は外せません。' }, 400);
    await deps.db.update(staffUsers).set({ role }).where(eq(staffUsers.id, c.req.param('id')));
    await revokeUserSessions(deps.db, c.req.param('id')); // a new role applies from the next login
    await recordAudit(deps.db, { at: deps.clock.now(), actorUserId: c.var.staff.userId, action: 'staff.role', detail: { userId: c.req.param('id'), role } });
    return c.redirect('/admin/users?done=1', 303);
  });

  r.post('/:id/active', async (c) => {
    const active = (await formBody(c)).active === 'true';
    if (c.req.param('id') === c.var.staff.userId) return page(c, { notice: '自分のアカウントは停止できません。' }, 400);
    await deps.db.update(staffUsers).set({ active }).where(eq(staffUsers.id, c.req.param('id')));
    if (!active) await revokeUserSessions(deps.db, c.req.param('id'));
    await recordAudit(deps.db, { at: deps.clock.now(), actorUserId: c.var.staff.userId, action: 'staff.active', detail: { userId: c.req.param('id'), active } });
    return c.redirect('/admin/users?done=1', 303);
  });
  return r;
}
