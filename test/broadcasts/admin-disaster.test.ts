import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema';
import { manualClock } from '../../src/time/clock';
import { staffClient, type StaffClient } from '../admin/session';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { broadcastIdOf, broadcastRow, noticeResident, requestKeyIn, textsReceived } from './admin-support';

// 災害時のお知らせ: from the list, one click opens the confirmation with the profile's text,
// one more sends it to everyone opted in, whatever areas and kinds they chose.
let server: TestServer;
let staff: StaffClient;
let optedIn: string[];
let notOptedIn: string;

beforeAll(async () => {
  server = await startTestServer({ clock: manualClock('2026-11-24T10:00:00+09:00') });
  staff = await staffClient(server, 'staff');
  optedIn = [await noticeResident(server, '01', { areas: ['oizumi'], kinds: ['kodomo-shokudo'] }), await noticeResident(server, '02', {})];
  notOptedIn = await noticeResident(server, '03', { optedIn: false });
});
afterAll(() => server.close());

describe('the disaster notice', () => {
  it('is two clicks from the list to sent: the button, then 「はい、…に送ります」', async () => {
    const list = await (await staff.get('/admin/broadcasts')).text();
    expect(list).toMatch(/<form method="get" action="\/admin\/broadcasts\/disaster">\s*<button type="submit" class="secondary">\s*災害時のお知らせを送る/);

    const res = await staff.get('/admin/broadcasts/disaster');
    expect(res.status).toBe(200);
    const page = await res.text();
    const text = server.deps.profile.disasterNotice.text;
    expect(page).toContain(`${text}</textarea>`);
    expect(page).toContain('本当に送りますか？');
    expect(page).toContain('<dd id="recipient-count">2人</dd>');
    expect(page).toContain('はい、2人に送ります');

    const sent = await staff.post('/admin/broadcasts/disaster', { text, requestKey: requestKeyIn(page) });
    expect(sent.status).toBe(303);
    const id = broadcastIdOf(sent);
    await server.drain();
    expect(await broadcastRow(server, id)).toMatchObject({ kind: 'disaster', status: 'done', recipientCount: 2 });
    for (const r of optedIn) expect(textsReceived(server, r).filter((t) => t === text)).toHaveLength(1);
    expect(textsReceived(server, notOptedIn)).not.toContain(text);

    const progress = await (await staff.get(`/admin/broadcasts/${id}`)).text();
    expect(progress).toContain('災害時のお知らせ');
    const [audit] = await server.deps.db.select().from(auditLog).where(eq(auditLog.action, 'broadcast.create'));
    expect(audit!.detail).toMatchObject({ broadcastId: id, kind: 'disaster', audience: 'all', recipients: 2 });
  });

  it('a second click on the same page sends nothing more', async () => {
    const page = await (await staff.get('/admin/broadcasts/disaster')).text();
    const form = { text: '避難所のお知らせ：第一小学校を開きました。', requestKey: requestKeyIn(page) };
    const [a, b] = await Promise.all([staff.post('/admin/broadcasts/disaster', form), staff.post('/admin/broadcasts/disaster', form)]);
    expect(broadcastIdOf(a)).toBe(broadcastIdOf(b));
    await server.drain();
    for (const r of optedIn) expect(textsReceived(server, r).filter((t) => t === form.text)).toHaveLength(1);
  });

  it('an emptied text is refused next to the field, with the request key kept', async () => {
    const page = await (await staff.get('/admin/broadcasts/disaster')).text();
    const key = requestKeyIn(page);
    const res = await staff.post('/admin/broadcasts/disaster', { text: ' \n ', requestKey: key });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="notice-text-error">お知らせの本文を入力してください。');
    expect(requestKeyIn(html)).toBe(key);
  });
});
