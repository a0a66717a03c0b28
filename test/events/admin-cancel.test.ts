// Cancelling an event from the admin app: a confirmation first, then every going and
// waitlisted RSVP is cancelled and each participant who still follows the account gets
// one kind LINE message — exactly once, whatever is clicked twice or at the same time.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient, type StaffClient } from '../admin/session';
import { markFollowing } from '../../src/db/repos/residents';
import { auditLog, deliveries, eventRsvps } from '../../src/db/schema';
import { cancelEvent } from '../../src/events/cancel';
import { findEvent } from '../../src/events/events';
import { manualClock } from '../../src/time/clock';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addEvent, addRsvp, lineResident } from './admin-support';

let server: TestServer;
let admin: StaffClient;
let staff: StaffClient;

beforeAll(async () => {
  server = await startTestServer({ clock: manualClock('2026-11-24T10:00:00+09:00') });
  admin = await staffClient(server, 'admin');
  staff = await staffClient(server, 'staff');
});
afterAll(() => server.close());

const texts = (lineUserId: string) =>
  server.emulator.inbox(lineUserId).flatMap((d) => (d.messages as { type: string; text?: string }[]).map((m) => m.text ?? m.type));

/** An event with someone going, someone waiting, someone going who blocked the account, and someone who already left. */
async function eventWithParticipants(title: string) {
  const event = await addEvent(server, { title, capacity: 2 });
  const [going, waiting, blocked, left] = await Promise.all(['参加', '待ち', 'ブロック', '取消'].map((n) => lineResident(server, `${title} ${n}`)));
  await addRsvp(server, { eventId: event.id, residentId: going!.id, status: 'going', seat: 1 });
  await addRsvp(server, { eventId: event.id, residentId: blocked!.id, status: 'going', seat: 2 });
  await addRsvp(server, { eventId: event.id, residentId: waiting!.id, status: 'waitlisted' });
  await addRsvp(server, { eventId: event.id, residentId: left!.id, status: 'cancelled' });
  await markFollowing(server.deps.db, blocked!.id, false, server.deps.clock.now());
  return { event, going: going!, waiting: waiting!, blocked: blocked!, left: left! };
}

describe('cancelling an event', () => {
  it('asks for confirmation first, saying how many will be told; nothing changes yet', async () => {
    const { event } = await eventWithParticipants('確認の会');
    const res = await staff.get(`/admin/events/${event.id}/cancel`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('参加・キャンセル待ちの 3 人');
    expect(html).toContain('LINEの友だちの 2 人');
    expect(html).toContain('友だちをやめた 1 人には送りません');
    expect(html).toContain(`action="/admin/events/${event.id}/cancel"`);
    expect((await findEvent(server.deps.db, event.id))?.status).toBe('published');
  });

  it('cancels every RSVP and tells each following participant once, kindly; unfollowed ones are skipped; a second click changes nothing', async () => {
    const p = await eventWithParticipants('中止の会');
    const res = await staff.post(`/admin/events/${p.event.id}/cancel`, { reason: '講師の体調不良のため' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/events/${p.event.id}?done=cancelled&sent=2&failed=0&skipped=1`);
    const page = await (await staff.get(res.headers.get('location')!)).text();
    expect(page).toContain('2人にLINEでお知らせしました');
    expect(page).toContain('友だちをやめた1人には送っていません');
    expect(page).toContain('参加 0 / 定員 2、キャンセル待ち 0');

    for (const r of [p.going, p.waiting]) {
      const got = texts(r.lineUserId);
      expect(got).toHaveLength(1);
      expect(got[0]).toContain('「中止の会」（12月10日（木）10:00〜12:00、地域集会所）は、中止することになりました。');
      expect(got[0]).toContain('理由：講師の体調不良のため');
      expect(got[0]).toContain('申し訳ありません');
      expect(got[0]).toContain(server.deps.profile.council.phone);
    }
    expect(texts(p.blocked.lineUserId)).toEqual([]);
    expect(texts(p.left.lineUserId)).toEqual([]);

    const rsvps = await server.deps.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, p.event.id));
    expect(rsvps.map((r) => [r.status, r.seat])).toEqual(rsvps.map(() => ['cancelled', null]));
    expect(await findEvent(server.deps.db, p.event.id)).toMatchObject({ status: 'cancelled', cancelledAt: server.deps.clock.now() });
    const [audit] = await server.deps.db.select().from(auditLog).where(eq(auditLog.action, 'event.cancel'));
    expect(audit).toMatchObject({ actorUserId: staff.userId, detail: { eventId: p.event.id, notified: 2, notSent: 0, skipped: 1 } });
    expect(JSON.stringify(audit?.detail)).not.toContain('体調');

    const again = await admin.post(`/admin/events/${p.event.id}/cancel`, { reason: '' });
    expect(again.headers.get('location')).toBe(`/admin/events/${p.event.id}?done=already_cancelled`);
    expect(texts(p.going.lineUserId)).toHaveLength(1);
    expect(texts(p.waiting.lineUserId)).toHaveLength(1);
    expect(await server.deps.db.select().from(auditLog).where(eq(auditLog.action, 'event.cancel'))).toHaveLength(1);
    // The page of a cancelled event offers no more changes.
    expect(await (await admin.get(`/admin/events/${p.event.id}`)).text()).not.toContain(`/admin/events/${p.event.id}/edit`);
  });

  it('two cancels at the same moment (both read the event before either wrote): each participant is told once', async () => {
    const p = await eventWithParticipants('同時に中止する会');
    const results = await Promise.all([cancelEvent(server.deps, { id: p.event.id, reason: '' }), cancelEvent(server.deps, { id: p.event.id, reason: '' })]);
    expect(results.map((r) => r.ok && r.already).sort()).toEqual([false, true]);
    expect(texts(p.going.lineUserId)).toHaveLength(1);
    expect(texts(p.waiting.lineUserId)).toHaveLength(1);
    // The loser wrote no second notice (a pending one would be sent later by the recovery sweep).
    for (const r of [p.going, p.waiting]) expect(await server.deps.db.select().from(deliveries).where(eq(deliveries.residentId, r.id))).toHaveLength(1);
  });

  it('a lost LINE response is retried with the stored retry key: still one message', async () => {
    const event = await addEvent(server, { title: '応答が消える会' });
    const r = await lineResident(server, '応答 さん');
    await addRsvp(server, { eventId: event.id, residentId: r.id, status: 'going', seat: 1 });
    server.emulator.addFault({ status: 500, pathPrefix: '/v2/bot/message/push', lostResponse: true });
    const res = await staff.post(`/admin/events/${event.id}/cancel`, { reason: '' });
    expect(res.headers.get('location')).toContain('sent=1&failed=0');
    expect(texts(r.lineUserId)).toHaveLength(1);
    const [delivery] = await server.deps.db.select().from(deliveries).where(eq(deliveries.residentId, r.id));
    expect(delivery).toMatchObject({ method: 'push', status: 'sent', attempts: 2 });
  });

  it('when LINE refuses, the page says who was not reached', async () => {
    const event = await addEvent(server, { title: '届かない会' });
    const r = await lineResident(server, '届かない さん');
    await addRsvp(server, { eventId: event.id, residentId: r.id, status: 'waitlisted' });
    server.emulator.addFault({ status: 500, pathPrefix: '/v2/bot/message/push', count: 10 });
    try {
      const res = await staff.post(`/admin/events/${event.id}/cancel`, { reason: '' });
      expect(res.headers.get('location')).toContain('sent=0&failed=1&skipped=0');
      expect(await (await staff.get(res.headers.get('location')!)).text()).toContain('1人には、LINEのお知らせを届けられませんでした');
    } finally {
      server.emulator.clearFaults();
    }
    expect((await findEvent(server.deps.db, event.id))?.status).toBe('cancelled');
  });

  it('a reason that is too long keeps what was typed (400), and nothing is cancelled', async () => {
    const event = await addEvent(server, { title: '理由が長い会' });
    const long = 'あ'.repeat(201);
    const res = await staff.post(`/admin/events/${event.id}/cancel`, { reason: long });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(long);
    expect(html).toContain('理由は200文字以内で入力してください。');
    expect(html).toMatch(/id="cancel-reason"[^>]*aria-invalid="true"/);
    expect((await findEvent(server.deps.db, event.id))?.status).toBe('published');
  });
});
