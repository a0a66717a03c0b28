import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/db/schema';
import { claimCase } from '../../src/services/handoff';
import { manualClock } from '../../src/time/clock';
import { addEvent } from '../events/admin-support';
import { Chat } from '../helpers/chat';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { staffClient, visitor, type StaffClient } from './session';

let server: TestServer;
const clients = {} as Record<StaffRole, StaffClient>;
let waitingCase: string;
let othersCase: string;
/** A user whose role the matrix changes (changing a role ends that user's sessions). */
let bystander: string;
/** A published event (the matrix unpublishes it on the way). */
let eventId: string;

async function caseAskingForAPerson(): Promise<string> {
  const chat = await Chat.open(server);
  await chat.tap('同意する');
  await chat.say('人と話したい');
  return (await chat.openCase())!.id;
}

beforeAll(async () => {
  server = await startTestServer({ clock: manualClock('2026-11-24T10:00:00+09:00') });
  for (const role of ['admin', 'counselor', 'staff'] as const) clients[role] = await staffClient(server, role);
  waitingCase = await caseAskingForAPerson();
  othersCase = await caseAskingForAPerson();
  const someoneElse = await staffClient(server, 'counselor');
  bystander = (await staffClient(server, 'counselor')).userId;
  expect((await claimCase(server.deps, othersCase, someoneElse.userId)).ok).toBe(true);
  eventId = (await addEvent(server)).id;
});
afterAll(() => server.close());

type Expect = [admin: number, counselor: number, staff: number, visitor: number];
type Route = { method: 'GET' | 'POST'; path: () => string; form?: Record<string, string>; json?: boolean; expect: Expect };

// Every admin route, and what each role (and a logged-out visitor) gets. 303 = done and
// redirected; 409 = allowed in, but the case is someone else's; 303 (visitor) = sent to the login page.
const ROUTES: Route[] = [
  { method: 'GET', path: () => '/admin/queue', expect: [200, 200, 403, 303] },
  { method: 'GET', path: () => `/admin/cases/${waitingCase}`, expect: [200, 200, 403, 303] },
  { method: 'GET', path: () => `/admin/cases/${waitingCase}/transcript`, json: true, expect: [200, 200, 403, 401] },
  { method: 'POST', path: () => `/admin/cases/${waitingCase}/note`, form: { text: '確認しました' }, expect: [303, 303, 403, 303] },
  { method: 'POST', path: () => `/admin/cases/${othersCase}/claim`, expect: [409, 409, 403, 303] },
  { method: 'POST', path: () => `/admin/cases/${othersCase}/reply`, form: { text: 'こんにちは' }, expect: [409, 409, 403, 303] },
  { method: 'POST', path: () => `/admin/cases/${othersCase}/release`, expect: [409, 409, 403, 303] },
  { method: 'POST', path: () => `/admin/cases/${othersCase}/transfer`, form: { note: 'よろしく', departmentId: 'soumu' }, expect: [409, 409, 403, 303] },
  { method: 'POST', path: () => `/admin/cases/${othersCase}/close`, form: { outcome: 'resolved', category: 'other' }, expect: [409, 409, 403, 303] },
  { method: 'GET', path: () => '/admin/canned', expect: [200, 200, 403, 303] },
  { method: 'POST', path: () => '/admin/canned', form: { title: 'あいさつ', body: 'こんにちは。相談員の者です。' }, expect: [303, 403, 403, 303] },
  { method: 'POST', path: () => '/admin/canned/no-such-reply/delete', expect: [303, 403, 403, 303] },
  { method: 'GET', path: () => '/admin/users', expect: [200, 403, 403, 303] },
  { method: 'POST', path: () => `/admin/users/${bystander}/role`, form: { role: 'staff' }, expect: [303, 403, 403, 303] },
  { method: 'POST', path: () => '/admin/users', form: {}, expect: [400, 403, 403, 303] },
  { method: 'POST', path: () => `/admin/users/${clients.staff.userId}/active`, form: { active: 'true' }, expect: [303, 403, 403, 303] },
  { method: 'GET', path: () => '/admin/audit', expect: [200, 403, 403, 303] },
  { method: 'GET', path: () => '/admin/bookings?service=kirara-interview&date=2026-11-26&view=day', expect: [200, 200, 200, 303] },
  { method: 'GET', path: () => '/admin/bookings?service=kirara-interview&date=2026-11-23&view=week', expect: [200, 200, 200, 303] },
  { method: 'POST', path: () => '/admin/bookings/phone', form: { service: 'kirara-interview', date: '2026-11-26' }, expect: [400, 400, 400, 303] },
  { method: 'POST', path: () => '/admin/bookings/closures', form: { service: 'kirara-interview', date: '2026-11-30', scope: 'day', reason: '研修のため' }, expect: [303, 303, 303, 303] },
  { method: 'POST', path: () => '/admin/bookings/closures/no-such-closure/delete', form: { service: 'kirara-interview', date: '2026-11-30' }, expect: [303, 303, 303, 303] },
  { method: 'POST', path: () => '/admin/bookings/no-such-booking/attendance', form: { status: 'attended' }, expect: [400, 400, 400, 303] },
  { method: 'POST', path: () => '/admin/bookings/no-such-booking/cancel', form: { message: '' }, expect: [400, 400, 400, 303] },
  // イベント: everyone may look; admins and 職員 change them (see EVENT_MANAGE_ROLES).
  { method: 'GET', path: () => '/admin/events', expect: [200, 200, 200, 303] },
  { method: 'GET', path: () => '/admin/events?tab=past', expect: [200, 200, 200, 303] },
  { method: 'GET', path: () => '/admin/events/new', expect: [200, 403, 200, 303] },
  { method: 'POST', path: () => '/admin/events', form: {}, expect: [400, 403, 400, 303] },
  { method: 'GET', path: () => `/admin/events/${eventId}`, expect: [200, 200, 200, 303] },
  { method: 'GET', path: () => `/admin/events/${eventId}/edit`, expect: [200, 403, 200, 303] },
  { method: 'POST', path: () => `/admin/events/${eventId}/edit`, form: {}, expect: [400, 403, 400, 303] },
  { method: 'POST', path: () => `/admin/events/${eventId}/publish`, expect: [303, 403, 303, 303] },
  { method: 'POST', path: () => `/admin/events/${eventId}/unpublish`, expect: [303, 403, 303, 303] },
  { method: 'GET', path: () => `/admin/events/${eventId}/cancel`, expect: [200, 403, 200, 303] },
  { method: 'POST', path: () => '/admin/events/no-such-event/cancel', form: { reason: '' }, expect: [404, 403, 404, 303] },
  // お知らせ配信: admins and 職員 send notices; counselors do not (see BROADCAST_ROLES).
  { method: 'GET', path: () => '/admin/broadcasts', expect: [200, 403, 200, 303] },
  { method: 'GET', path: () => '/admin/broadcasts/new', expect: [200, 403, 200, 303] },
  { method: 'POST', path: () => '/admin/broadcasts/new', form: { text: '下書き' }, expect: [200, 403, 200, 303] },
  { method: 'POST', path: () => '/admin/broadcasts/confirm', form: {}, expect: [400, 403, 400, 303] },
  { method: 'POST', path: () => '/admin/broadcasts', form: {}, expect: [400, 403, 400, 303] },
  { method: 'GET', path: () => '/admin/broadcasts/disaster', expect: [200, 403, 200, 303] },
  { method: 'POST', path: () => '/admin/broadcasts/disaster', form: { text: '' }, expect: [400, 403, 400, 303] },
  { method: 'GET', path: () => '/admin/broadcasts/no-such-broadcast', expect: [404, 403, 404, 303] },
  { method: 'GET', path: () => '/admin/broadcasts/no-such-broadcast/progress', json: true, expect: [404, 403, 404, 401] },
  { method: 'POST', path: () => '/admin/broadcasts/no-such-broadcast/resume', expect: [404, 403, 404, 303] },
  { method: 'POST', path: () => '/admin/broadcasts/no-such-broadcast/cancel', expect: [404, 403, 404, 303] },
];

describe('role × route matrix', () => {
  it('the public admin routes: login page for everyone, logout only with a session', async () => {
    expect((await visitor(server).get('/admin/login')).status).toBe(200);
    expect((await visitor(server).get('/admin/assets/admin.css')).status).toBe(200);
    expect((await visitor(server).get('/admin/assets/case.js')).status).toBe(200);
    expect((await visitor(server).get('/admin/assets/broadcast.js')).status).toBe(200);
    expect((await visitor(server).post('/admin/logout', {})).status).toBe(303);
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.path.toString().replace(/^\(\) => /, '')}`, r] as const))('%s', async (_name, route) => {
    const got: number[] = [];
    for (const role of ['admin', 'counselor', 'staff'] as const) {
      const c = clients[role];
      const res = route.method === 'GET' ? await c.get(route.path(), route.json ? 'application/json' : 'text/html') : await c.post(route.path(), route.form ?? {});
      got.push(res.status);
    }
    const v = visitor(server);
    got.push((route.method === 'GET' ? await v.get(route.path(), route.json ? 'application/json' : 'text/html') : await v.post(route.path(), route.form ?? {})).status);
    expect(got).toEqual(route.expect);
  });

  it('a counselor cannot open a case by guessing its id (bot-only or someone else’s closed case → 404)', async () => {
    const chat = await Chat.open(server);
    await chat.say('介護保険の使い方がわからない'); // the bot handles it: no person asked for
    const botOnly = (await chat.openCase())!.id;
    expect((await clients.counselor.get(`/admin/cases/${botOnly}`)).status).toBe(404);
    expect((await clients.counselor.get('/admin/cases/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await clients.admin.get(`/admin/cases/${botOnly}`)).status).toBe(200);
  });
});

describe('CSRF', () => {
  it('a cross-site form post is refused, even with a valid session and token', async () => {
    const res = await clients.counselor.post(`/admin/cases/${waitingCase}/note`, { text: 'x' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('a form post without the token, or with a wrong one, is refused', async () => {
    expect((await clients.counselor.post(`/admin/cases/${waitingCase}/note`, { text: 'x' }, { csrf: null })).status).toBe(403);
    expect((await clients.counselor.post(`/admin/cases/${waitingCase}/note`, { text: 'x' }, { csrf: 'wrong' })).status).toBe(403);
  });

  it('a JSON post needs the x-csrf-token header', async () => {
    expect((await clients.admin.post('/admin/canned', { title: 't', body: 'b' }, { json: true, csrf: null })).status).toBe(403);
    expect((await clients.admin.post('/admin/canned', { title: 't', body: 'b' }, { json: true, origin: 'https://evil.example' })).status).toBe(403);
  });
});
