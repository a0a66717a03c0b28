import { Hono, type Context } from 'hono';
import { recordAudit } from '../../auth/audit';
import { requireStaff } from '../../auth/require-staff';
import type { AdminEnv } from '../../auth/types';
import { CASE_OUTCOMES, type CaseOutcome } from '../../db/schema';
import type { Deps } from '../../deps';
import { CATEGORIES, isCategory } from '../../engine/taxonomy';
import {
  addNote,
  caseHistory,
  claimCase,
  closeCase,
  getCase,
  listCannedReplies,
  releaseCase,
  replyToResident,
  transcript,
  transferCase,
  type HandoffResult,
} from '../../services/handoff';
import { mayOpenCase } from './case-access';
import { CasePage, type FormState } from './case-page';
import { formBody } from './form';
import { MessagePage, renderAdminPage } from './layout';
import { staffDirectory } from './staff-directory';
import { shownTime } from './time';

type C = Context<AdminEnv>;

const DONE: Record<string, string> = {
  claimed: '担当になりました。',
  released: '受付待ちに戻しました。',
  replied: '返信を送りました。',
  noted: 'メモを残しました。',
  transferred: '引き継ぎました。',
  closed: 'ケースを終了しました。相談者にはボットが対応します。',
};

/** The case view and every counselor action on a case, each behind a role and a per-case check. */
export function caseRoutes(deps: Deps) {
  const r = new Hono<AdminEnv>();
  r.use('*', requireStaff(deps, ['admin', 'counselor']));
  r.use('/:id/*', guardCase(deps));
  r.use('/:id', guardCase(deps));

  r.get('/:id', async (c) => {
    const done = c.req.query('done');
    return showCase(deps, c, 200, undefined, done ? DONE[done] : undefined);
  });

  r.get('/:id/transcript', async (c) => {
    const after = Number(c.req.query('after'));
    const t = await transcript(deps.db, c.req.param('id'), { after: Number.isFinite(after) ? after : 0 });
    const { names } = await staffDirectory(deps.db);
    return c.json({
      lastId: t?.lastId ?? null,
      messages: (t?.messages ?? []).map((m) => ({
        id: m.id,
        from: m.from,
        staffName: m.staffId ? (names.get(m.staffId) ?? '') : '',
        body: m.body,
        shownAt: shownTime(m.createdAt),
      })),
    });
  });

  const act = (path: string, done: string, form: FormState['form'], run: (c: C, body: Record<string, string>) => Promise<HandoffResult>) =>
    r.post(`/:id/${path}`, async (c) => {
      const body = await formBody(c);
      const result = await run(c, body);
      if (result.ok) return c.redirect(`/admin/cases/${c.req.param('id')}?done=${done}`, 303);
      return showCase(deps, c, result.reason === 'invalid' ? 400 : 409, { form, error: result.message, values: body });
    });

  act('claim', 'claimed', 'action', (c) => claimCase(deps, c.req.param('id')!, me(c)));
  act('release', 'released', 'action', (c) => releaseCase(deps, c.req.param('id')!, me(c)));
  act('reply', 'replied', 'reply', (c, b) => replyToResident(deps, c.req.param('id')!, me(c), b.text ?? ''));
  act('note', 'noted', 'note', (c, b) => addNote(deps, c.req.param('id')!, me(c), b.text ?? ''));
  act('transfer', 'transferred', 'transfer', (c, b) =>
    transferCase(deps, c.req.param('id')!, me(c), {
      departmentId: b.departmentId || undefined,
      toStaffId: b.toStaffId || undefined,
      note: b.note ?? '',
    }),
  );
  act('close', 'closed', 'close', async (c, b) => {
    const outcome = b.outcome as CaseOutcome;
    if (!CASE_OUTCOMES.includes(outcome)) return invalid('結果を選んでください。');
    if (!isCategory(b.category)) return invalid(`相談の種類を選んでください（${CATEGORIES.length}種類から）。`);
    return closeCase(deps, c.req.param('id')!, me(c), { outcome, category: b.category });
  });
  return r;
}

const me = (c: C) => c.var.staff.userId;
const invalid = (message: string): HandoffResult => ({ ok: false, reason: 'invalid', message });

/** Not allowed and not there look the same: 404, so case ids cannot be probed. */
function guardCase(deps: Deps) {
  return async (c: C, next: () => Promise<void>) => {
    if (!(await mayOpenCase(deps.db, c.var.staff, c.req.param('id')!))) {
      return renderAdminPage(c, <MessagePage title="ケースが見つかりません" message="ケースが見つからないか、開く権限がありません。" staff={c.var.staff} link={{ href: '/admin/queue', label: '相談の受付に戻る' }} />, 404);
    }
    await next();
  };
}

/** Renders the case view; every rendering is one view of the case and writes one audit row. */
async function showCase(deps: Deps, c: C, status: 200 | 400 | 409, formState?: FormState, notice?: string) {
  const id = c.req.param('id')!;
  const staff = c.var.staff;
  const view = await getCase(deps.db, id);
  if (!view) return c.notFound();
  const [t, history, canned, directory] = await Promise.all([
    transcript(deps.db, id),
    caseHistory(deps.db, view.resident.id),
    listCannedReplies(deps.db),
    staffDirectory(deps.db),
  ]);
  await recordAudit(deps.db, { at: deps.clock.now(), actorUserId: staff.userId, action: 'case.view', caseId: id });
  return renderAdminPage(
    c,
    <CasePage
      staff={staff}
      profile={deps.profile}
      view={view}
      transcript={t!}
      history={history}
      canned={canned}
      counselors={directory.counselors}
      staffNames={directory.names}
      formState={formState}
      notice={notice}
    />,
    status,
  );
}
