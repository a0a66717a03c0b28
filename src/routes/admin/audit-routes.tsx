import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { requireStaff } from '../../auth/require-staff';
import type { AdminEnv } from '../../auth/types';
import { auditLog, staffUsers } from '../../db/schema';
import type { Deps } from '../../deps';
import { AdminLayout, renderAdminPage } from './layout';
import { AdminNav } from './nav';
import { shownTime } from './time';

const PAGE = 200;

/** GET /admin/audit: who read or changed what, newest first (admins only). */
export function auditRoutes(deps: Deps) {
  return new Hono<AdminEnv>().get('/', requireStaff(deps, ['admin']), async (c) => {
    const rows = await deps.db
      .select({ at: auditLog.at, action: auditLog.action, caseId: auditLog.caseId, detail: auditLog.detail, name: staffUsers.displayName })
      .from(auditLog)
      .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorUserId))
      .orderBy(desc(auditLog.id))
      .limit(PAGE);
    const staff = c.var.staff;
    return renderAdminPage(
      c,
      <AdminLayout title="閲覧記録" staff={staff} nav={<AdminNav staff={staff} current="/admin/audit" />}>
        <h1>閲覧記録</h1>
        <p>新しい順に {PAGE} 件まで表示します。記録は消したり書き換えたりできません。</p>
        <table>
          <thead>
            <tr>
              <th scope="col">日時</th>
              <th scope="col">職員</th>
              <th scope="col">操作</th>
              <th scope="col">ケース</th>
              <th scope="col">詳細</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{shownTime(r.at)}</td>
                <td>{r.name ?? '—'}</td>
                <td>{r.action}</td>
                <td>{r.caseId ? <a href={`/admin/cases/${r.caseId}`}>{r.caseId.slice(0, 8)}</a> : '—'}</td>
                <td>{r.detail ? JSON.stringify(r.detail) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </AdminLayout>,
    );
  });
}
