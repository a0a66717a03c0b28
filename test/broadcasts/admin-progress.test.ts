import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueBroadcasts } from '../../src/broadcasts/runner';
import { auditLog } from '../../src/db/schema';
import { manualClock } from '../../src/time/clock';
import { staffClient, type StaffClient } from '../admin/session';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { broadcastIdOf, broadcastRow, noticeResident, textsReceived } from './admin-support';

// The progress page, its JSON, and 再開 / 中止 on real jobs run by the real runner.
const clock = manualClock('2026-11-24T10:00:00+09:00');
let server: TestServer;
let staff: StaffClient;
let residents: string[];

const everyone = (text: string, over: Record<string, string> = {}) => ({
  text,
  audienceType: 'all',
  when: 'now',
  requestKey: crypto.randomUUID(),
  ...over,
});
const progress = async (id: string) => (await staff.get(`/admin/broadcasts/${id}/progress`, 'application/json')).json();
const audits = (action: string, id: string) =>
  server.deps.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.actorUserId, staff.userId))).then((rows) => rows.filter((r) => r.detail?.broadcastId === id));

beforeAll(async () => {
  server = await startTestServer({ clock });
  staff = await staffClient(server, 'admin');
  residents = [await noticeResident(server, '01', { areas: ['nerima'] }), await noticeResident(server, '02', { areas: ['oizumi'] }), await noticeResident(server, '03', {})];
});
afterAll(() => server.close());

describe('progress', () => {
  it('send now: the JSON counts every recipient, and the page shows it done', async () => {
    const res = await staff.post('/admin/broadcasts', everyone('今週のお知らせです。'));
    const id = broadcastIdOf(res);
    await server.drain();
    expect(await progress(id)).toEqual({
      status: 'done',
      statusLabel: '送信済み',
      pauseNote: null,
      recipientCount: 3,
      sent: 3,
      failed: 0,
      skipped: 0,
      remaining: 0,
      finishedAt: '11月24日(火) 10:00',
      final: true,
    });
    const html = await (await staff.get(`/admin/broadcasts/${id}?done=sending`)).text();
    expect(html).toContain('お知らせを作り、送信を始めました。');
    expect(html).toContain('<dd data-field="statusLabel">送信済み</dd>');
    expect(html).toContain('<dd data-field="sent">3人</dd>');
    expect(html).toMatch(/<details class="card" data-show-when="paused" hidden/);
    for (const r of residents) expect(textsReceived(server, r)).toContain('今週のお知らせです。');
  });

  it('an unknown id is a 404, as a page and as JSON', async () => {
    expect((await staff.get('/admin/broadcasts/no-such-id')).status).toBe(404);
    expect((await staff.get('/admin/broadcasts/no-such-id/progress', 'application/json')).status).toBe(404);
  });
});

describe('再開 and 中止', () => {
  it('the monthly limit pauses the job with a clear status; 再開 after the limit is raised sends the rest once', async () => {
    server.emulator.setMonthlyLimit(100);
    server.emulator.setConsumption(99);
    const id = broadcastIdOf(await staff.post('/admin/broadcasts', everyone('上限のテストです。')));
    await server.drain();
    expect(await progress(id)).toMatchObject({ status: 'paused', statusLabel: '一時停止（今月の送信上限）', sent: 0, remaining: 3, final: false });
    expect((await progress(id)).pauseNote).toContain('LINEの今月の送信上限に達したため');

    const page = await (await staff.get(`/admin/broadcasts/${id}`)).text();
    expect(page).toContain('一時停止（今月の送信上限）');
    expect(page).toMatch(/<details class="card" data-show-when="paused">\s*<summary>送信を再開する<\/summary>/);
    expect(page).toContain('本当に再開しますか？');
    const list = await (await staff.get('/admin/broadcasts')).text();
    expect(list).toContain('一時停止（今月の送信上限）');
    expect(list).toContain('来月になってから「再開」を押してください');

    server.emulator.setMonthlyLimit(null);
    const resumed = await staff.post(`/admin/broadcasts/${id}/resume`, {});
    expect(resumed.status).toBe(303);
    expect(resumed.headers.get('location')).toBe(`/admin/broadcasts/${id}?done=resumed`);
    await server.drain();
    expect(await progress(id)).toMatchObject({ status: 'done', sent: 3, remaining: 0 });
    for (const r of residents) expect(textsReceived(server, r).filter((t) => t === '上限のテストです。')).toHaveLength(1);
    expect(await audits('broadcast.resume', id)).toHaveLength(1);
  });

  it('the list shows each job with its kind, status, audience, counts and who made it', async () => {
    const html = await (await staff.get('/admin/broadcasts')).text();
    expect(html).toContain('新しいお知らせを作る');
    expect(html).toContain('災害時のお知らせを送る');
    expect(html).toContain('今週のお知らせです。');
    expect(html).toContain('お知らせを受け取る設定の方全員');
    expect(html).toContain('3人／0人（3人）');
    expect(html).toContain('admin テスト');
  });

  it('a scheduled job can be cancelled (and then neither cancelled again nor resumed); nothing is sent', async () => {
    const res = await staff.post('/admin/broadcasts', everyone('来週のお知らせ', { when: 'later', date: '2026-11-25', time: '09:00' }));
    const id = broadcastIdOf(res);
    expect((await progress(id)).status).toBe('scheduled');
    const page = await (await staff.get(`/admin/broadcasts/${id}`)).text();
    expect(page).toContain('送信予定');
    expect(page).toContain('本当に中止しますか？');

    const cancelled = await staff.post(`/admin/broadcasts/${id}/cancel`, {});
    expect(cancelled.headers.get('location')).toBe(`/admin/broadcasts/${id}?done=cancelled`);
    expect(await progress(id)).toMatchObject({ status: 'cancelled', statusLabel: '中止', final: true });
    expect((await staff.post(`/admin/broadcasts/${id}/cancel`, {})).headers.get('location')).toBe(`/admin/broadcasts/${id}?done=not_cancelled`);
    expect((await staff.post(`/admin/broadcasts/${id}/resume`, {})).headers.get('location')).toBe(`/admin/broadcasts/${id}?done=not_resumed`);
    expect(await audits('broadcast.cancel', id)).toHaveLength(1);
    expect(await audits('broadcast.resume', id)).toHaveLength(0);

    clock.set('2026-11-25T09:05:00+09:00'); // last: the jump also ends staff sessions (idle timeout)
    await runDueBroadcasts(server.deps);
    expect((await broadcastRow(server, id))!.status).toBe('cancelled');
    for (const r of residents) expect(textsReceived(server, r)).not.toContain('来週のお知らせ');
  });
});
