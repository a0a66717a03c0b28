import { Hono, type Context } from 'hono';
import { recordAudit } from '../../auth/audit';
import { requireStaff } from '../../auth/require-staff';
import type { StaffPrincipal } from '../../auth/sessions';
import type { AdminEnv } from '../../auth/types';
import type { CannedReplyRow } from '../../db/schema';
import type { Deps } from '../../deps';
import { createCannedReply, deleteCannedReply, listCannedReplies } from '../../services/handoff';
import { formBody } from './form';
import { AdminLayout, CsrfField, renderAdminPage } from './layout';
import { AdminNav } from './nav';

function CannedPage(p: { staff: StaffPrincipal; replies: CannedReplyRow[]; error?: string; values?: Record<string, string>; notice?: string }) {
  const manage = p.staff.role === 'admin';
  return (
    <AdminLayout title="定型文" staff={p.staff} nav={<AdminNav staff={p.staff} current="/admin/canned" />}>
      <h1>定型文</h1>
      <p>相談者への返信に使える文です。返信欄の「定型文を入れる」から選べます。</p>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <ul class="canned">
        {p.replies.map((r) => (
          <li class="card">
            <h2>{r.title}</h2>
            <p class="pre">{r.body}</p>
            {manage && (
              <form method="post" action={`/admin/canned/${r.id}/delete`}>
                <CsrfField token={p.staff.csrfToken} />
                <button type="submit" class="secondary">
                  削除する
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {manage && (
        <form method="post" action="/admin/canned" class="card">
          <h2>定型文を追加する</h2>
          <CsrfField token={p.staff.csrfToken} />
          {p.error && (
            <p class="error" role="alert">
              {p.error}
            </p>
          )}
          <div class="field">
            <label for="canned-title">題名（40文字以内）</label>
            <input id="canned-title" name="title" value={p.values?.title ?? ''} />
          </div>
          <div class="field">
            <label for="canned-body">本文</label>
            <textarea id="canned-body" name="body" rows={4}>
              {p.values?.body ?? ''}
            </textarea>
          </div>
          <button type="submit">追加する</button>
        </form>
      )}
    </AdminLayout>
  );
}

/** 定型文: counselors read them, admins manage them. */
export function cannedRoutes(deps: Deps) {
  const r = new Hono<AdminEnv>();
  const page = async (c: Context<AdminEnv>, extra: { error?: string; values?: Record<string, string>; notice?: string } = {}, status: 200 | 400 = 200) =>
    renderAdminPage(c, <CannedPage staff={c.var.staff} replies={await listCannedReplies(deps.db)} {...extra} />, status);

  r.get('/', requireStaff(deps, ['admin', 'counselor']), (c) => page(c, { notice: c.req.query('done') ? '保存しました。' : undefined }));
  r.post('/', requireStaff(deps, ['admin']), async (c) => {
    const b = await formBody(c);
    const result = await createCannedReply(deps, c.var.staff.userId, { title: b.title ?? '', body: b.body ?? '' });
    if (!result.ok) return page(c, { error: result.message, values: b }, 400);
    await recordAudit(deps.db, { at: deps.clock.now(), actorUserId: c.var.staff.userId, action: 'canned.create', detail: { id: result.reply.id } });
    return c.redirect('/admin/canned?done=1', 303);
  });
  r.post('/:id/delete', requireStaff(deps, ['admin']), async (c) => {
    await deleteCannedReply(deps, c.req.param('id'));
    await recordAudit(deps.db, { at: deps.clock.now(), actorUserId: c.var.staff.userId, action: 'canned.delete', detail: { id: c.req.param('id') } });
    return c.redirect('/admin/canned?done=1', 303);
  });
  return r;
}
