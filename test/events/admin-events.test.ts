// Staff event pages over the real server: create with validation, publish and list,
// edit conflicts on `version`, capacity against the seats taken, the detail page with
// its participants (audited), and who may do what.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient, type StaffClient } from '../admin/session';
import { markFollowing } from '../../src/db/repos/residents';
import { auditLog, eventRsvps, events } from '../../src/db/schema';
import { findEvent } from '../../src/events/events';
import { manualClock } from '../../src/time/clock';
import { tokyoDate } from '../../src/time/tokyo';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addEvent, addRsvp, formTimeAndPlace, lineResident, validForm } from './admin-support';

const NOW = '2026-11-24T10:00:00+09:00';
const clock = manualClock(NOW);
let server: TestServer;
let admin: StaffClient;
let staff: StaffClient;
let counselor: StaffClient;

beforeAll(async () => {
  server = await startTestServer({ clock });
  admin = await staffClient(server, 'admin');
  staff = await staffClient(server, 'staff');
  counselor = await staffClient(server, 'counselor');
});
afterAll(() => server.close());

const auditFor = (action: string) => server.deps.db.select().from(auditLog).where(eq(auditLog.action, action));
const idFrom = (res: Response) => /\/admin\/events\/([^/?]+)/.exec(res.headers.get('location') ?? '')![1]!;
/** Attribute values as the page escapes them. */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('creating an event', () => {
  it('bad data answers 400: each error next to its field, everything typed kept, nothing saved', async () => {
    const typed = validForm({
      title: 'あ'.repeat(41),
      kind: '',
      mapUrl: 'http://maps.example.jp/x',
      startDate: '2026-12-05',
      startTime: '14:00',
      endTime: '13:00',
      capacity: '0',
      imageUrl: 'javascript:alert(1)',
      description: '<script>alert(1)</script> を書いても、そのまま残ります',
    });
    const res = await staff.post('/admin/events', { ...typed, id: crypto.randomUUID() });
    expect(res.status).toBe(400);
    const html = await res.text();
    const errorOf = (field: string) => new RegExp(`id="event-${field}-error">([^<]+)<`).exec(html)?.[1];
    expect(errorOf('title')).toBe('題名は40文字以内で入力してください。');
    expect(errorOf('kind')).toBe('種類を選んでください。');
    expect(errorOf('mapUrl')).toBe('地図のリンクは https:// で始まるURLを入力してください。');
    expect(errorOf('endTime')).toBe('終わりの日時は、始まりより後にしてください。');
    expect(errorOf('capacity')).toContain('定員は1から');
    expect(errorOf('imageUrl')).toContain('https://');
    expect(errorOf('placeName')).toBeUndefined();
    const empty = await (await staff.post('/admin/events', { ...validForm({ startDate: '', startTime: '２時' }), id: crypto.randomUUID() })).text();
    expect(empty).toContain('id="event-startDate-error">開始日を入力してください。<');
    expect(empty).toContain('id="event-startTime-error">開始時刻を「14:00」の形で入力してください。<');
    expect(html).toMatch(/id="event-title"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/aria-invalid="true"[^>]*id="event-kind"|id="event-kind"[^>]*aria-invalid="true"/);
    for (const field of ['title', 'mapUrl', 'placeName', 'address', 'fee', 'audience', 'imageUrl'] as const) {
      expect(html).toContain(`value="${attr(typed[field]!)}"`);
    }
    expect(html).toContain('value="0"');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; を書いても');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(await server.count('events')).toBe(0);
  });

  it('a start that has passed is refused next to the start date; full-width digits and 9:30 are read', async () => {
    const past = await staff.post('/admin/events', { ...validForm({ startDate: '2026-11-20', endDate: '2026-11-20' }), id: crypto.randomUUID() });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain('始まりの日時が過ぎています');
    const typed = await staff.post('/admin/events', {
      ...validForm({ title: '全角の日時', startDate: '２０２６-１２-０６', startTime: '9:30', endTime: '１１：３０', capacity: '２０' }),
      id: crypto.randomUUID(),
    });
    expect(typed.status).toBe(303);
    const event = (await findEvent(server.deps.db, idFrom(typed)))!;
    expect(event.startsAt).toEqual(tokyoDate('2026-12-06', '09:30'));
    expect(event.endsAt).toEqual(tokyoDate('2026-12-06', '11:30'));
    expect(event.capacity).toBe(20);
  });

  it('create → draft (not listed for residents) → publish → listed under これから with its seats; a double submit is one event', async () => {
    const id = crypto.randomUUID();
    const first = await staff.post('/admin/events', { ...validForm(), id });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/admin/events/${id}?done=created`);
    const again = await staff.post('/admin/events', { ...validForm(), id });
    expect(again.headers.get('location')).toBe(`/admin/events/${id}?done=created`);
    expect(await server.deps.db.select().from(events).where(eq(events.id, id))).toHaveLength(1);
    expect((await auditFor('event.create')).filter((a) => a.detail?.eventId === id)).toHaveLength(1);

    const saved = (await findEvent(server.deps.db, id))!;
    expect(saved).toMatchObject({ status: 'draft', version: 1, createdBy: staff.userId, capacity: 15, fee: '100円（お茶代）' });
    // Tokyo wall-clock time, and an empty map link made from the address.
    expect(saved.startsAt.toISOString()).toBe('2026-12-05T05:00:00.000Z');
    expect(saved.mapUrl).toBe(`https://www.google.com/maps/search/?api=1&query=${encodeURIComponent('東京都中央区1-2-3')}`);

    expect(await (await staff.get('/admin/events?tab=drafts')).text()).toContain('いきいきサロン 12月の会');
    expect(await (await staff.get('/admin/events')).text()).not.toContain('いきいきサロン 12月の会');

    const published = await staff.post(`/admin/events/${id}/publish`, {});
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toBe(`/admin/events/${id}?done=published`);
    const list = await (await staff.get('/admin/events')).text();
    const row = /<tr>(?:(?!<\/tr>).)*いきいきサロン 12月の会(?:(?!<\/tr>).)*<\/tr>/s.exec(list)?.[0] ?? '';
    expect(row).toContain('12月5日（土）14:00〜16:00');
    expect(row).toContain('ふれあい・いきいきサロン');
    expect(row).toContain('石神井');
    expect(row).toContain('公開中');
    expect(row).toContain('0／15');
    expect((await auditFor('event.publish')).map((a) => a.detail?.eventId)).toContain(id);
    // Publishing twice is harmless.
    expect((await staff.post(`/admin/events/${id}/publish`, {})).headers.get('location')).toContain('done=already_published');
  });

  it('start and end are Tokyo times whatever the process time zone', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const res = await staff.post('/admin/events', { ...validForm({ title: 'ロサンゼルスで入力', startDate: '2026-12-07', startTime: '23:30', endTime: '23:59' }), id: crypto.randomUUID() });
      expect(res.status).toBe(303);
      const event = (await findEvent(server.deps.db, idFrom(res)))!;
      expect(event.startsAt.toISOString()).toBe('2026-12-07T14:30:00.000Z');
      expect(await (await staff.get(`/admin/events/${event.id}`)).text()).toContain('12月7日（月）23:30〜23:59');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('publishing an event whose start has passed is refused with a reason', async () => {
    const event = await addEvent(server, { title: 'すぐ始まる会', startsAt: tokyoDate('2026-11-24', '10:10'), endsAt: tokyoDate('2026-11-24', '12:00') }, 'draft');
    clock.set('2026-11-24T10:15:00+09:00'); // within the session's idle time
    try {
      const res = await admin.post(`/admin/events/${event.id}/publish`, {});
      expect(res.status).toBe(409);
      expect(await res.text()).toContain('始まりの日時が過ぎているため、公開できません');
      expect((await findEvent(server.deps.db, event.id))?.status).toBe('draft');
    } finally {
      clock.set(NOW);
    }
  });
});

describe('editing an event', () => {
  it('the form shows the saved values; a save bumps the version and is audited', async () => {
    const event = await addEvent(server, { title: '編集前の会', capacity: null });
    const form = await (await staff.get(`/admin/events/${event.id}/edit`)).text();
    expect(form).toContain('value="編集前の会"');
    expect(form).toContain('value="2026-12-10"');
    expect(form).toContain('value="10:00"');
    expect(form).toContain('name="version" value="1"');
    const res = await staff.post(`/admin/events/${event.id}/edit`, { ...validForm({ title: '編集後の会', capacity: '' }), version: '1' });
    expect(res.status).toBe(303);
    expect(await findEvent(server.deps.db, event.id)).toMatchObject({ title: '編集後の会', version: 2, capacity: null, status: 'published' });
    expect((await auditFor('event.update')).find((a) => a.detail?.eventId === event.id)?.detail).toMatchObject({ version: 2 });
  });

  it('a form posted over a newer edit is refused (409) with the typed values kept and what is saved now; saving again then works', async () => {
    const event = await addEvent(server, { title: '元の題名' });
    // Staff saves first…
    expect((await staff.post(`/admin/events/${event.id}/edit`, { ...validForm({ title: '職員が直した題名' }), version: '1' })).status).toBe(303);
    // …then an admin posts a form opened on version 1.
    const res = await admin.post(`/admin/events/${event.id}/edit`, { ...validForm({ title: '管理者が直した題名', fee: '無料' }), version: '1' });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('ほかの方がこのイベントを変更しました');
    expect(html).toContain('value="管理者が直した題名"');
    expect(html).toContain('value="無料"');
    expect(html).toContain('職員が直した題名'); // what is saved now
    expect(html).toContain('name="version" value="2"');
    expect((await findEvent(server.deps.db, event.id))?.title).toBe('職員が直した題名');
    // Having seen it, the admin saves on the version shown.
    expect((await admin.post(`/admin/events/${event.id}/edit`, { ...validForm({ title: '管理者が直した題名' }), version: '2' })).status).toBe(303);
    expect(await findEvent(server.deps.db, event.id)).toMatchObject({ title: '管理者が直した題名', version: 3 });
  });

  it('bad data in an edit keeps the typed values; a cancelled event cannot be edited', async () => {
    const event = await addEvent(server);
    const res = await staff.post(`/admin/events/${event.id}/edit`, { ...validForm({ title: '', placeName: '新しい場所' }), version: '1' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('題名を入力してください。');
    expect(html).toContain('value="新しい場所"');
    await server.deps.db.update(events).set({ status: 'cancelled' }).where(eq(events.id, event.id));
    expect((await staff.get(`/admin/events/${event.id}/edit`)).status).toBe(409);
    expect((await staff.post(`/admin/events/${event.id}/edit`, { ...validForm(), version: '1' })).status).toBe(409);
  });

  it('the capacity cannot go below the seats taken; lowering it renumbers the seats within it', async () => {
    const event = await addEvent(server, { capacity: 5 });
    const people = await Promise.all(['一', '二', '三', '四'].map((n) => lineResident(server, `定員 ${n}`)));
    const seats = [2, 4, 5];
    for (const [i, seat] of seats.entries()) await addRsvp(server, { eventId: event.id, residentId: people[i]!.id, status: 'going', seat });
    await addRsvp(server, { eventId: event.id, residentId: people[3]!.id, status: 'cancelled' });

    const tooFew = await staff.post(`/admin/events/${event.id}/edit`, { ...validForm({ title: '定員を減らす会', capacity: '2' }), version: '1' });
    expect(tooFew.status).toBe(400);
    const html = await tooFew.text();
    expect(html).toMatch(/id="event-capacity-error">すでに参加が決まっている人数より少ない定員にはできません。</);
    expect(html).toContain('value="定員を減らす会"');
    expect((await findEvent(server.deps.db, event.id))?.capacity).toBe(5);

    expect((await staff.post(`/admin/events/${event.id}/edit`, { ...validForm({ capacity: '3' }), version: '1' })).status).toBe(303);
    const going = await server.deps.db
      .select({ residentId: eventRsvps.residentId, seat: eventRsvps.seat })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.status, 'going')))
      .orderBy(eventRsvps.position);
    expect(going).toEqual([
      { residentId: people[0]!.id, seat: 1 },
      { residentId: people[1]!.id, seat: 2 },
      { residentId: people[2]!.id, seat: 3 },
    ]);
  });

  it('raising the capacity gives the new seats to the waitlist in order (following residents only), each told once', async () => {
    const event = await addEvent(server, { title: '定員を増やす会', capacity: 1, ...formTimeAndPlace });
    const [holder, first, blocked, second, third] = await Promise.all(['席', '一番', 'ブロック', '二番', '三番'].map((n) => lineResident(server, `増席 ${n}`)));
    await addRsvp(server, { eventId: event.id, residentId: holder!.id, status: 'going', seat: 1 });
    for (const r of [first, blocked, second, third]) await addRsvp(server, { eventId: event.id, residentId: r!.id, status: 'waitlisted' });
    await markFollowing(server.deps.db, blocked!.id, false, clock.now());

    const res = await staff.post(`/admin/events/${event.id}/edit`, { ...validForm({ title: '定員を増やす会', capacity: '3' }), version: '1' });
    expect(res.headers.get('location')).toBe(`/admin/events/${event.id}?done=saved&promoted=2`);
    expect(await (await staff.get(res.headers.get('location')!)).text()).toContain('キャンセル待ちの2人を参加に繰り上げました');
    const rows = await server.deps.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, event.id)).orderBy(eventRsvps.position);
    expect(rows.map((r) => [r.status, r.seat])).toEqual([
      ['going', 1],
      ['going', 2],
      ['waitlisted', null],
      ['going', 3],
      ['waitlisted', null],
    ]);
    const inbox = (r: { lineUserId: string }) => server.emulator.inbox(r.lineUserId);
    for (const r of [first!, second!]) {
      expect(inbox(r)).toHaveLength(1);
      expect(JSON.stringify(inbox(r)[0]!.messages)).toContain('お席が空きました');
    }
    for (const r of [holder!, blocked!, third!]) expect(inbox(r)).toEqual([]);
    // Saving again (no seat opens) promotes nobody and sends nothing more.
    expect((await staff.post(`/admin/events/${event.id}/edit`, { ...validForm({ title: '定員を増やす会', capacity: '3' }), version: '2' })).headers.get('location')).toBe(
      `/admin/events/${event.id}?done=saved`,
    );
    expect(inbox(first!)).toHaveLength(1);
  });

  it('unpublish: back to 下書き, hidden from the これから list, RSVPs keep their seats', async () => {
    const event = await addEvent(server, { title: '一時非公開の会' });
    const r = await lineResident(server, '非公開 さん');
    const rsvp = await addRsvp(server, { eventId: event.id, residentId: r.id, status: 'going', seat: 1 });
    const res = await staff.post(`/admin/events/${event.id}/unpublish`, {});
    expect(res.headers.get('location')).toBe(`/admin/events/${event.id}?done=unpublished`);
    expect((await findEvent(server.deps.db, event.id))?.status).toBe('draft');
    expect(await (await staff.get('/admin/events')).text()).not.toContain('一時非公開の会');
    expect(await (await staff.get('/admin/events?tab=drafts')).text()).toContain('一時非公開の会');
    const [kept] = await server.deps.db.select().from(eventRsvps).where(eq(eventRsvps.id, rsvp.id));
    expect(kept).toMatchObject({ status: 'going', seat: 1 });
    expect((await auditFor('event.unpublish')).map((a) => a.detail?.eventId)).toContain(event.id);
  });
});

describe('the event page', () => {
  it('shows every field, the seats and the participants in Tokyo time, escapes names, and each view is audited without names', async () => {
    const event = await addEvent(server, { title: '参加者のいる会', capacity: 2, fee: '無料', audience: '65歳以上の方', description: '一行目\n二行目' });
    const names = ['参加 はなこ', '<img src=x onerror=alert(1)>', '待ち たろう', '取消 じろう'];
    const [a, b, c, d] = await Promise.all(names.map((n) => lineResident(server, n)));
    await addRsvp(server, { eventId: event.id, residentId: a!.id, status: 'going', seat: 1 });
    clock.advance(60_000);
    await addRsvp(server, { eventId: event.id, residentId: b!.id, status: 'going', seat: 2, at: clock.now() });
    await addRsvp(server, { eventId: event.id, residentId: c!.id, status: 'waitlisted' });
    await addRsvp(server, { eventId: event.id, residentId: d!.id, status: 'cancelled' });
    clock.set(NOW);

    const res = await counselor.get(`/admin/events/${event.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('参加 2 / 定員 2、キャンセル待ち 1');
    for (const text of ['公開中', 'ふれあい・いきいきサロン', '石神井', '12月10日（木）10:00〜12:00', '地域集会所', '2名', '無料', '65歳以上の方', '一行目\n二行目']) {
      expect(html).toContain(text);
    }
    expect(html).toContain('<dt>住所</dt><dd>—</dd>'); // not given
    expect(html).toContain('参加 はなこ');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('11月24日(火) 10:01'); // the second RSVP's time, in Tokyo
    expect(html).toContain('1番目');
    expect(html).toContain('取り消し');
    // The participant order: going, the waitlist, then cancelled.
    const order = names.map((n) => html.indexOf(n.startsWith('<') ? '&lt;img' : n));
    expect(order[0]).toBeLessThan(order[1]!);
    expect(order[1]).toBeLessThan(order[2]!);
    expect(order[2]).toBeLessThan(order[3]!);

    await counselor.get(`/admin/events/${event.id}`);
    const views = (await auditFor('event.view')).filter((v) => v.detail?.eventId === event.id);
    expect(views).toHaveLength(2);
    expect(views[0]).toMatchObject({ actorUserId: counselor.userId, detail: { eventId: event.id, participants: 4 } });
    expect(JSON.stringify(views)).not.toMatch(/はなこ|たろう|img/);
  });

  it('an unknown event is a 404 page', async () => {
    const res = await staff.get('/admin/events/no-such-event');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('イベントが見つかりません');
  });
});

describe('who may do what', () => {
  it('counselors see the list and the event page but no way to change them; staff and admins do', async () => {
    const event = await addEvent(server, { title: '権限を見る会' });
    const forCounselor = await (await counselor.get(`/admin/events/${event.id}`)).text();
    expect(forCounselor).not.toContain(`/admin/events/${event.id}/edit`);
    expect(forCounselor).not.toContain(`/admin/events/${event.id}/unpublish`);
    expect(await (await counselor.get('/admin/events')).text()).not.toContain('/admin/events/new');
    expect((await counselor.get('/admin/events/new')).status).toBe(403);
    expect((await counselor.post('/admin/events', { ...validForm(), id: crypto.randomUUID() })).status).toBe(403);
    for (const c of [staff, admin]) {
      const page = await (await c.get(`/admin/events/${event.id}`)).text();
      expect(page).toContain(`/admin/events/${event.id}/edit`);
      expect(page).toContain(`/admin/events/${event.id}/cancel`);
      expect(await (await c.get('/admin/events')).text()).toContain('href="/admin/events"');
    }
    // A change needs the session's CSRF token.
    expect((await staff.post(`/admin/events/${event.id}/unpublish`, {}, { csrf: null })).status).toBe(403);
    expect((await findEvent(server.deps.db, event.id))?.status).toBe('published');
  });
});
