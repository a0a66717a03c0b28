// When staff change the time or place of a published event, everyone who joined or is
// waiting (and still follows the account) is told once, with the old and new values and
// the updated card. Other edits, drafts and refused edits tell nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient, type StaffClient } from '../admin/session';
import { markFollowing } from '../../src/db/repos/residents';
import { manualClock } from '../../src/time/clock';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addEvent, addRsvp, formTimeAndPlace, lineResident, validForm } from './admin-support';

let server: TestServer;
let staff: StaffClient;
beforeAll(async () => {
  server = await startTestServer({ clock: manualClock('2026-11-24T10:00:00+09:00') });
  staff = await staffClient(server, 'staff');
});
afterAll(() => server.close());

const texts = (lineUserId: string) =>
  server.emulator.inbox(lineUserId).flatMap((d) => (d.messages as { type: string; text?: string }[]).map((m) => m.text ?? m.type));

async function eventWithPeople(title: string, status: 'draft' | 'published' = 'published') {
  const event = await addEvent(server, { title, capacity: 1, ...formTimeAndPlace }, status);
  const [going, waiting, blocked] = await Promise.all(['参加', '待ち', 'ブロック'].map((n) => lineResident(server, `${title} ${n}`)));
  await addRsvp(server, { eventId: event.id, residentId: going!.id, status: 'going', seat: 1 });
  await addRsvp(server, { eventId: event.id, residentId: waiting!.id, status: 'waitlisted' });
  await addRsvp(server, { eventId: event.id, residentId: blocked!.id, status: 'waitlisted' });
  await markFollowing(server.deps.db, blocked!.id, false, server.deps.clock.now());
  return { event, going: going!, waiting: waiting!, blocked: blocked! };
}

describe('changing the time or place of a published event', () => {
  it('tells each following participant once: what changed, from what to what, and the updated card', async () => {
    const p = await eventWithPeople('日時変更の会');
    const res = await staff.post(`/admin/events/${p.event.id}/edit`, {
      ...validForm({ title: '日時変更の会', capacity: '1', startDate: '2026-12-06', startTime: '10:00', endTime: '12:00', placeName: '区民館 ホール' }),
      version: '1',
    });
    expect(res.headers.get('location')).toBe(`/admin/events/${p.event.id}?done=saved&notified=2`);
    expect(await (await staff.get(res.headers.get('location')!)).text()).toContain('日時・場所の変更を、申し込んだ2人にLINEでお知らせしました');
    for (const r of [p.going, p.waiting]) {
      expect(server.emulator.inbox(r.lineUserId)).toHaveLength(1);
      const [text, card] = texts(r.lineUserId);
      expect(text).toContain('「日時変更の会」の日時と場所が変わりました');
      expect(text).toContain('日時：12月5日（土）14:00〜16:00 → 12月6日（日）10:00〜12:00');
      expect(text).toContain('場所：地域集会所 2階和室 → 区民館 ホール');
      expect(card).toBe('flex');
    }
    expect(server.emulator.inbox(p.blocked.lineUserId)).toEqual([]);
  });

  it('other edits, drafts and refused edits tell nobody', async () => {
    const published = await eventWithPeople('内容だけ直す会');
    const ok = await staff.post(`/admin/events/${published.event.id}/edit`, {
      ...validForm({ title: '内容だけ直す会', capacity: '1', description: '持ち物が増えました。' }),
      version: '1',
    });
    expect(ok.headers.get('location')).toBe(`/admin/events/${published.event.id}?done=saved`);
    // Posted over the newer version: refused, so nothing is said about the new date.
    const stale = await staff.post(`/admin/events/${published.event.id}/edit`, {
      ...validForm({ title: '内容だけ直す会', capacity: '1', startDate: '2026-12-07' }),
      version: '1',
    });
    expect(stale.status).toBe(409);
    const draft = await eventWithPeople('下書きの会', 'draft');
    await staff.post(`/admin/events/${draft.event.id}/edit`, { ...validForm({ title: '下書きの会', capacity: '1', startDate: '2026-12-07' }), version: '1' });
    for (const r of [published.going, published.waiting, draft.going, draft.waiting]) expect(server.emulator.inbox(r.lineUserId)).toEqual([]);
  });
});
