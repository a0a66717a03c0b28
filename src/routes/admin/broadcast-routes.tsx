import { Hono, type Context } from 'hono';
import { recordAudit } from '../../auth/audit';
import { requireStaff } from '../../auth/require-staff';
import type { AdminEnv } from '../../auth/types';
import { countAudience, type Audience } from '../../broadcasts/audience';
import { cancelBroadcast, resumeBroadcast } from '../../broadcasts/control';
import { BroadcastInputError, createBroadcast, type NewBroadcast } from '../../broadcasts/create';
import { getBroadcastProgress, listBroadcasts } from '../../broadcasts/progress';
import { readQuota } from '../../broadcasts/quota';
import { runDueBroadcasts } from '../../broadcasts/runner';
import type { StaffRole } from '../../db/schema';
import type { Deps } from '../../deps';
import { BroadcastListPage } from './broadcast-list-page';
import { ComposePage } from './broadcast-compose-page';
import { ConfirmPage } from './broadcast-confirm-page';
import { eventsById, openEvents } from './broadcast-data';
import { DisasterPage, type DisasterProblem } from './broadcast-disaster-page';
import { checkCompose, checkNoticeText, emptyCompose, readComposeForm, requestKeyOf, type ComposeErrors, type ComposeValues } from './broadcast-form';
import { describeAudience, FINAL_STATUSES, pauseNote, statusLabel } from './broadcast-labels';
import { ProgressPage } from './broadcast-progress-page';
import { formBody } from './form';
import { MessagePage, renderAdminPage } from './layout';
import { staffDirectory } from './staff-directory';
import { shownTime } from './time';

/**
 * 職員 (e.g. public relations) send notices as well as admins; counselors do not: a notice
 * reaches many residents and costs the month's LINE quota, which is not casework.
 */
export const BROADCAST_ROLES: readonly StaffRole[] = ['admin', 'staff'];

type C = Context<AdminEnv>;

const LIST_SIZE = 100;

const NOTICES: Record<string, string> = {
  sending: 'お知らせを作り、送信を始めました。',
  scheduled: '送る予約をしました。その日時になると送信を始めます。',
  again: 'このお知らせは、すでに作られていました（同じお知らせが2回送られることはありません）。',
  resumed: '送信を再開しました。',
  not_resumed: '再開できませんでした（一時停止中ではありません）。',
  cancelled: '送信を中止しました。まだ届いていない方には送りません。',
  not_cancelled: '中止できませんでした（すでに送り終わったか、中止されています）。',
};

/** /admin/broadcasts: compose → confirm → a durable job, its live progress, 再開 / 中止, and the disaster notice. */
export function broadcastRoutes(deps: Deps) {
  const r = new Hono<AdminEnv>();
  r.use('*', requireStaff(deps, BROADCAST_ROLES));
  const audit = (c: C, action: string, detail: Record<string, string | number | boolean>) =>
    recordAudit(deps.db, { at: deps.clock.now(), actorUserId: c.var.staff.userId, action, detail });
  const notFound = (c: C) =>
    renderAdminPage(c, <MessagePage title="お知らせ" message="このお知らせは見つかりませんでした。" staff={c.var.staff} link={{ href: '/admin/broadcasts', label: '一覧へ戻る' }} />, 404);

  const compose = async (c: C, values: ComposeValues, errors?: ComposeErrors) =>
    renderAdminPage(
      c,
      <ComposePage staff={c.var.staff} profile={deps.profile} events={await openEvents(deps.db, deps.clock.now())} values={values} errors={errors} />,
      errors ? 400 : 200,
    );

  /** The compose form as typed, the events it may name, and what checking it found. */
  const checked = async (c: C) => {
    const values = await readComposeForm(c);
    const events = await openEvents(deps.db, deps.clock.now());
    const result = checkCompose(values, { profile: deps.profile, events, now: deps.clock.now() });
    return { values, events, result };
  };

  /**
   * Creates the job (or finds the one this form already made), records it, starts it when
   * due and redirects to it; or says what the engine found wrong (e.g. everyone in the
   * audience opted out since the confirm step).
   */
  const create = async (c: C, input: Omit<NewBroadcast, 'requestKey' | 'createdBy'>, requestKey: string): Promise<Response | BroadcastInputError> => {
    let made: Awaited<ReturnType<typeof createBroadcast>>;
    try {
      made = await createBroadcast(deps, { ...input, requestKey, createdBy: c.var.staff.userId });
    } catch (error) {
      if (error instanceof BroadcastInputError) return error;
      throw error;
    }
    const due = input.scheduledAt.getTime() <= deps.clock.now().getTime();
    if (made.created) {
      await audit(c, 'broadcast.create', { broadcastId: made.id, kind: input.kind, audience: input.audience.type, recipients: made.recipientCount, scheduled: !due });
      if (due) c.executionCtx.waitUntil(runDueBroadcasts(deps));
    }
    return c.redirect(`/admin/broadcasts/${made.id}?done=${!made.created ? 'again' : due ? 'sending' : 'scheduled'}`, 303);
  };

  r.get('/', async (c) => {
    const [items, directory] = await Promise.all([listBroadcasts(deps, { limit: LIST_SIZE }), staffDirectory(deps.db)]);
    const events = await eventsById(deps.db, items.map((b) => (b.audience.type === 'event' ? b.audience.eventId : null)));
    const audiences = new Map(items.map((b) => [b.id, describeAudience(b.audience, deps.profile, events)]));
    return renderAdminPage(c, <BroadcastListPage staff={c.var.staff} items={items} audiences={audiences} staffNames={directory.names} />);
  });

  r.get('/new', (c) => compose(c, emptyCompose()));
  // 戻って直す on the confirm page posts the form back here, as typed.
  r.post('/new', async (c) => compose(c, await readComposeForm(c)));

  r.post('/confirm', async (c) => {
    const { values, events, result } = await checked(c);
    if (!result.ok) return compose(c, values, result.errors);
    const { input } = result;
    const [recipients, quota] = await Promise.all([countAudience(deps, input.audience), readQuota(deps)]);
    if (recipients === 0) return compose(c, values, { audience: 'この宛先には、いまお知らせを受け取る設定の方がいません。宛先を見直してください。' });
    const known = new Map(events.map((e) => [e.id, e]));
    return renderAdminPage(
      c,
      <ConfirmPage
        staff={c.var.staff}
        profile={deps.profile}
        values={values}
        input={input}
        audienceText={describeAudience(input.audience, deps.profile, known)}
        card={input.eventId ? known.get(input.eventId) : undefined}
        recipients={recipients}
        quota={quota}
      />,
    );
  });

  r.post('/', async (c) => {
    const { values, result } = await checked(c);
    if (!result.ok) return compose(c, values, result.errors);
    const { text, eventId, audience, scheduledAt } = result.input;
    const done = await create(c, { kind: 'notice', text, eventId, audience, scheduledAt }, values.requestKey);
    return done instanceof BroadcastInputError ? compose(c, values, { [done.field]: done.message }) : done;
  });

  const everyone: Audience = { type: 'all' };
  const disaster = async (c: C, form: { text: string; requestKey: string; problem?: DisasterProblem }) => {
    const [recipients, quota] = await Promise.all([countAudience(deps, everyone), readQuota(deps)]);
    return renderAdminPage(
      c,
      <DisasterPage staff={c.var.staff} text={form.text} requestKey={form.requestKey} recipients={recipients} quota={quota} problem={form.problem} />,
      form.problem ? 400 : 200,
    );
  };

  r.get('/disaster', (c) => disaster(c, { text: deps.profile.disasterNotice.text, requestKey: crypto.randomUUID() }));

  r.post('/disaster', async (c) => {
    const b = await formBody(c);
    const text = b.text ?? '';
    const requestKey = requestKeyOf(b.requestKey);
    const error = checkNoticeText(text);
    if (error) return disaster(c, { text, requestKey, problem: { field: 'text', message: error } });
    const done = await create(c, { kind: 'disaster', text: text.trim(), eventId: null, audience: everyone, scheduledAt: deps.clock.now() }, requestKey);
    return done instanceof BroadcastInputError ? disaster(c, { text, requestKey, problem: done }) : done;
  });

  r.get('/:id', async (c) => {
    const progress = await getBroadcastProgress(deps, c.req.param('id'));
    if (!progress) return notFound(c);
    const [events, directory] = await Promise.all([
      eventsById(deps.db, [progress.eventId, progress.audience.type === 'event' ? progress.audience.eventId : null]),
      staffDirectory(deps.db),
    ]);
    const done = c.req.query('done');
    return renderAdminPage(
      c,
      <ProgressPage
        staff={c.var.staff}
        profile={deps.profile}
        progress={progress}
        audienceText={describeAudience(progress.audience, deps.profile, events)}
        card={progress.eventId ? events.get(progress.eventId) : undefined}
        createdByName={progress.createdBy ? directory.names.get(progress.createdBy) : undefined}
        notice={done ? NOTICES[done] : undefined}
      />,
    );
  });

  r.get('/:id/progress', async (c) => {
    const p = await getBroadcastProgress(deps, c.req.param('id'));
    if (!p) return c.json({ message: 'not found' }, 404);
    return c.json({
      status: p.status,
      statusLabel: statusLabel(p),
      pauseNote: pauseNote(p) ?? null,
      recipientCount: p.recipientCount,
      sent: p.sent,
      failed: p.failed,
      skipped: p.skipped,
      remaining: p.remaining,
      finishedAt: shownTime(p.finishedAt),
      final: FINAL_STATUSES.includes(p.status),
    });
  });

  r.post('/:id/resume', async (c) => {
    const id = c.req.param('id');
    if (!(await getBroadcastProgress(deps, id))) return notFound(c);
    const resumed = await resumeBroadcast(deps, id);
    if (resumed) {
      await audit(c, 'broadcast.resume', { broadcastId: id });
      c.executionCtx.waitUntil(runDueBroadcasts(deps));
    }
    return c.redirect(`/admin/broadcasts/${id}?done=${resumed ? 'resumed' : 'not_resumed'}`, 303);
  });

  r.post('/:id/cancel', async (c) => {
    const id = c.req.param('id');
    if (!(await getBroadcastProgress(deps, id))) return notFound(c);
    const cancelled = await cancelBroadcast(deps, id);
    if (cancelled) await audit(c, 'broadcast.cancel', { broadcastId: id });
    return c.redirect(`/admin/broadcasts/${id}?done=${cancelled ? 'cancelled' : 'not_cancelled'}`, 303);
  });
  return r;
}
