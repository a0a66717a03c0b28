import { Hono, type Context } from 'hono';
import { recordAudit } from '../../auth/audit';
import { requireStaff } from '../../auth/require-staff';
import type { AdminEnv } from '../../auth/types';
import type { AuditDetail, EventRow } from '../../db/schema';
import type { Deps } from '../../deps';
import { cancelAudience, cancelEvent } from '../../events/cancel';
import { EVENT_FORM_FIELDS, eventFormValues, eventToFormValues, parseEventForm, type EventFormValues } from '../../events/event-input';
import {
  EVENT_TABS,
  createEvent,
  eventFailure,
  eventParticipants,
  findEvent,
  listStaffEvents,
  publishEvent,
  unpublishEvent,
  updateEvent,
  type EventFailure,
  type EventTab,
} from '../../events/events';
import { promoteIntoOpenSeats } from '../../events/promote';
import { seatCounts } from '../../events/seats';
import { EventCancelPage, MAX_CANCEL_REASON } from './event-cancel-page';
import { EventDetailPage } from './event-detail-page';
import { EventFormPage, type EventFormProps } from './event-form-page';
import { EVENT_MANAGE_ROLES, EVENT_VIEW_ROLES } from './event-labels';
import { EventListPage } from './event-list-page';
import { formBody } from './form';
import { MessagePage, renderAdminPage } from './layout';
import { staffDirectory } from './staff-directory';

type C = Context<AdminEnv>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const DONE: Record<string, string> = {
  created: '下書きとして保存しました。内容を確かめてから「公開する」を押すと、住民に表示されます。',
  saved: '変更を保存しました。',
  published: '公開しました。住民がLINEで探せるようになりました。',
  unpublished: '公開をやめました（下書きに戻しました）。申し込み済みの方の席はそのままです。',
  already_published: 'このイベントは、すでに公開されていました。',
  already_draft: 'このイベントは、すでに下書きでした。',
  already_cancelled: 'このイベントは、すでに中止されていました。',
};

const count = (v: string | undefined) => (v && /^\d{1,6}$/.test(v) ? Number(v) : 0);

function cancelNoticeText(q: Record<string, string>): string {
  const [sent, failed, skipped] = [count(q.sent), count(q.failed), count(q.skipped)];
  const parts = ['イベントを中止しました。'];
  if (sent) parts.push(`${sent}人にLINEでお知らせしました。`);
  if (failed) parts.push(`${failed}人には、LINEのお知らせを届けられませんでした（LINEの不具合や送信数の上限など）。お電話でお知らせください。`);
  if (skipped) parts.push(`友だちをやめた${skipped}人には送っていません。`);
  return parts.join('');
}

/**
 * /admin/events: every staff role may look (the detail's participant list is audited
 * like a case view); admins and 職員 create, edit, publish, unpublish and cancel, each
 * change audited with ids only.
 */
export function eventRoutes(deps: Deps) {
  const r = new Hono<AdminEnv>();
  const view = requireStaff(deps, EVENT_VIEW_ROLES);
  const manage = requireStaff(deps, EVENT_MANAGE_ROLES);
  const audit = (c: C, action: string, detail: AuditDetail) =>
    recordAudit(deps.db, { at: deps.clock.now(), actorUserId: c.var.staff.userId, action, detail });
  const notFound = (c: C) =>
    renderAdminPage(c, <MessagePage title="イベント" message="イベントが見つかりません。" staff={c.var.staff} link={{ href: '/admin/events', label: 'イベントの一覧へ' }} />, 404);
  const refused = (c: C, failure: EventFailure, event?: EventRow) =>
    failure.reason === 'not_found'
      ? notFound(c)
      : renderAdminPage(
          c,
          <MessagePage
            title="変更できませんでした"
            message={failure.message}
            staff={c.var.staff}
            link={event ? { href: `/admin/events/${event.id}`, label: 'イベントの画面へ' } : { href: '/admin/events', label: 'イベントの一覧へ' }}
          />,
          409,
        );
  const form = (c: C, props: Omit<EventFormProps, 'staff' | 'profile'>, status: 200 | 400 | 409 = 200) =>
    renderAdminPage(c, <EventFormPage staff={c.var.staff} profile={deps.profile} {...props} />, status);

  r.get('/', view, async (c) => {
    const tab = (EVENT_TABS as readonly string[]).includes(c.req.query('tab') ?? '') ? (c.req.query('tab') as EventTab) : 'upcoming';
    const lines = await listStaffEvents(deps.db, tab, deps.clock.now());
    return renderAdminPage(c, <EventListPage staff={c.var.staff} profile={deps.profile} tab={tab} lines={lines} />);
  });

  r.get('/new', manage, (c) => {
    const values = eventFormValues({});
    return form(c, { values, newId: crypto.randomUUID() });
  });

  r.post('/', manage, async (c) => {
    const body = await formBody(c);
    const values = eventFormValues(body);
    const id = UUID.test(body.id ?? '') ? body.id! : crypto.randomUUID();
    const parsed = parseEventForm(deps.profile, values, { now: deps.clock.now() });
    if (!parsed.ok) return form(c, { values, errors: parsed.errors, newId: id }, 400);
    const { event, created } = await createEvent(deps.db, { id, fields: parsed.fields, createdBy: c.var.staff.userId, now: deps.clock.now() });
    if (created) await audit(c, 'event.create', { eventId: event.id, kind: event.kind, areaId: event.areaId });
    return c.redirect(`/admin/events/${event.id}?done=created`, 303);
  });

  r.get('/:id', view, async (c) => {
    const event = await findEvent(deps.db, c.req.param('id'));
    if (!event) return notFound(c);
    const [seats, participants, { names }] = await Promise.all([
      seatCounts(deps.db, [event.id]),
      eventParticipants(deps.db, event.id),
      staffDirectory(deps.db),
    ]);
    await audit(c, 'event.view', { eventId: event.id, participants: participants.length });
    const q = c.req.query();
    const promoted = count(q.promoted) ? `キャンセル待ちの${count(q.promoted)}人を参加に繰り上げました（LINEでお知らせします）。` : '';
    const notified = count(q.notified) ? `日時・場所の変更を、申し込んだ${count(q.notified)}人にLINEでお知らせしました。` : '';
    const notice = q.done === 'cancelled' ? cancelNoticeText(q) : q.done && DONE[q.done] ? `${DONE[q.done]}${notified}${promoted}` : undefined;
    return renderAdminPage(
      c,
      <EventDetailPage
        staff={c.var.staff}
        profile={deps.profile}
        event={event}
        seats={seats.get(event.id)!}
        participants={participants}
        staffNames={names}
        notice={notice}
      />,
    );
  });

  r.get('/:id/edit', manage, async (c) => {
    const event = await findEvent(deps.db, c.req.param('id'));
    if (!event) return notFound(c);
    if (event.status === 'cancelled') return refused(c, eventFailure('cancelled'), event);
    return form(c, { values: eventToFormValues(event), edit: { id: event.id, version: event.version } });
  });

  r.post('/:id/edit', manage, async (c) => {
    const body = await formBody(c);
    const values = eventFormValues(body);
    const event = await findEvent(deps.db, c.req.param('id'));
    if (!event) return notFound(c);
    const version = Number(body.version);
    const edit = { id: event.id, version: Number.isInteger(version) ? version : event.version };
    const parsed = parseEventForm(deps.profile, values, { now: deps.clock.now(), savedStart: event.startsAt });
    if (!parsed.ok) return form(c, { values, errors: parsed.errors, edit }, 400);
    const result = await updateEvent(deps, { id: event.id, version: edit.version, fields: parsed.fields });
    if (result.ok) {
      const promoted = await promoteIntoOpenSeats(deps, result.event);
      const notified = result.notified ?? 0;
      await audit(c, 'event.update', { eventId: event.id, version: result.event.version, promoted, notified });
      return c.redirect(`/admin/events/${event.id}?done=saved${promoted ? `&promoted=${promoted}` : ''}${notified ? `&notified=${notified}` : ''}`, 303);
    }
    if (result.reason === 'capacity') return form(c, { values, errors: { capacity: result.message }, edit }, 400);
    if (result.reason !== 'conflict') return refused(c, result, event);
    // Someone saved first: keep what was typed, show what is saved now, and let a second save (on the new version) win.
    const current = (await findEvent(deps.db, event.id))!;
    const saved = differences(eventToFormValues(current), eventToFormValues(parsed.fields));
    return form(c, { values, formError: result.message, saved, edit: { id: event.id, version: current.version } }, 409);
  });

  const statusChange = (path: 'publish' | 'unpublish', run: typeof publishEvent) =>
    r.post(`/:id/${path}`, manage, async (c) => {
      const result = await run(deps.db, c.req.param('id'), deps.clock.now());
      if (!result.ok) return refused(c, result, await findEvent(deps.db, c.req.param('id')));
      if (result.already) return c.redirect(`/admin/events/${result.event.id}?done=already_${result.event.status}`, 303);
      // A waitlist kept while the event was a draft gets the seats that opened meanwhile.
      const promoted = path === 'publish' ? await promoteIntoOpenSeats(deps, result.event) : 0;
      await audit(c, `event.${path}`, { eventId: result.event.id, promoted });
      return c.redirect(`/admin/events/${result.event.id}?done=${path}ed${promoted ? `&promoted=${promoted}` : ''}`, 303);
    });
  statusChange('publish', publishEvent);
  statusChange('unpublish', unpublishEvent);

  r.get('/:id/cancel', manage, async (c) => {
    const event = await findEvent(deps.db, c.req.param('id'));
    if (!event) return notFound(c);
    if (event.status === 'cancelled') return c.redirect(`/admin/events/${event.id}?done=already_cancelled`, 303);
    return renderAdminPage(c, <EventCancelPage staff={c.var.staff} event={event} audience={await cancelAudience(deps, event.id)} reason="" />);
  });

  r.post('/:id/cancel', manage, async (c) => {
    const body = await formBody(c);
    const reason = (body.reason ?? '').trim();
    const event = await findEvent(deps.db, c.req.param('id'));
    if (!event) return notFound(c);
    if (reason.length > MAX_CANCEL_REASON) {
      const error = `理由は${MAX_CANCEL_REASON}文字以内で入力してください。`;
      return renderAdminPage(
        c,
        <EventCancelPage staff={c.var.staff} event={event} audience={await cancelAudience(deps, event.id)} reason={body.reason ?? ''} error={error} />,
        400,
      );
    }
    const result = await cancelEvent(deps, { id: event.id, reason });
    if (!result.ok) return refused(c, result, event);
    if (result.already) return c.redirect(`/admin/events/${event.id}?done=already_cancelled`, 303);
    await audit(c, 'event.cancel', { eventId: event.id, notified: result.notified, notSent: result.notSent, skipped: result.skipped });
    return c.redirect(`/admin/events/${event.id}?done=cancelled&sent=${result.notified}&failed=${result.notSent}&skipped=${result.skipped}`, 303);
  });
  return r;
}

/** The saved values that differ from the typed ones (both as the form shows them). */
function differences(saved: EventFormValues, typed: EventFormValues): Partial<EventFormValues> {
  return Object.fromEntries(EVENT_FORM_FIELDS.filter((f) => saved[f] !== typed[f]).map((f) => [f, saved[f]]));
}
