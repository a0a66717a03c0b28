import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema';
import { manualClock } from '../../src/time/clock';
import { Chat } from '../helpers/chat';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { staffClient, type StaffClient } from './session';

let server: TestServer;
let counselor: StaffClient;
const SCRIPT = '<script>alert("x")</script>';
const IMG = '<img src=x onerror=alert(1)>';

beforeAll(async () => {
  server = await startTestServer({ clock: manualClock('2026-11-24T10:00:00+09:00') });
  counselor = await staffClient(server, 'counselor');
});
afterAll(() => server.close());

const views = async (caseId: string) =>
  (await server.deps.db.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'case.view')))).length;

describe('resident text in the admin app', () => {
  it('a <script> message and an <img onerror> display name are rendered inert', async () => {
    const chat = await Chat.open(server, { displayName: IMG });
    await chat.tap('同意する');
    await chat.say(`${SCRIPT} 人と話したい`);
    const id = (await chat.openCase())!.id;
    for (const path of ['/admin/queue', `/admin/cases/${id}`]) {
      const html = await (await counselor.get(path)).text();
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
    const page = await (await counselor.get(`/admin/cases/${id}`)).text();
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const json = await (await counselor.get(`/admin/cases/${id}/transcript?after=0`, 'application/json')).json();
    expect(JSON.stringify(json)).toContain('<script>'); // data, shown by the page with textContent
  });
});

describe('audit', () => {
  it('every view of a case writes exactly one audit row; the queue and live polling write none', async () => {
    const chat = await Chat.open(server);
    await chat.say('人と話したい');
    const id = (await chat.openCase())!.id;
    expect(await views(id)).toBe(0);
    await counselor.get('/admin/queue');
    expect(await views(id)).toBe(0);
    for (let i = 1; i <= 3; i++) {
      expect((await counselor.get(`/admin/cases/${id}`)).status).toBe(200);
      expect(await views(id)).toBe(i);
    }
    await counselor.get(`/admin/cases/${id}/transcript?after=0`, 'application/json');
    expect(await views(id)).toBe(3);
    const [row] = await server.deps.db.select().from(auditLog).where(eq(auditLog.caseId, id));
    expect(row).toMatchObject({ actorUserId: counselor.userId, action: 'case.view' });
  });
});

describe('forms keep what was typed and say what is wrong', () => {
  it('an empty reply is refused with a message; a long note is kept in the form', async () => {
    const chat = await Chat.open(server);
    await chat.say('人と話したい');
    const id = (await chat.openCase())!.id;
    expect((await counselor.post(`/admin/cases/${id}/claim`, {})).status).toBe(303);
    const empty = await counselor.post(`/admin/cases/${id}/reply`, { text: '   ' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('role="alert"');
    const long = 'あ'.repeat(2100);
    const res = await counselor.post(`/admin/cases/${id}/note`, { text: long });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(long);
  });
});
