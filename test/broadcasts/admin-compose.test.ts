import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, broadcasts } from '../../src/db/schema';
import { manualClock } from '../../src/time/clock';
import { staffClient, type StaffClient } from '../admin/session';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { broadcastIdOf, noticeResident, publishedEvent, requestKeyIn, textsReceived } from './admin-support';

// Compose → confirm → create, over HTTP against the real app, database and LINE emulator.
let server: TestServer;
let staff: StaffClient;
let salonEventId: string;
const near = {} as Record<'salonNerima' | 'anyKindNerima' | 'salonOizumi' | 'notOptedIn' | 'blocked', string>;

const form = (over: Record<string, string> = {}) => ({
  text: '12月のサロンのお知らせです。',
  eventId: '',
  audienceType: 'segment',
  areas: 'nerima',
  kinds: 'salon',
  audienceEventId: '',
  when: 'now',
  date: '',
  time: '',
  requestKey: crypto.randomUUID(),
  ...over,
});

beforeAll(async () => {
  server = await startTestServer({ clock: manualClock('2026-11-24T10:00:00+09:00') });
  staff = await staffClient(server, 'staff');
  near.salonNerima = await noticeResident(server, '01', { areas: ['nerima'], kinds: ['salon'] });
  near.anyKindNerima = await noticeResident(server, '02', { areas: ['nerima'], kinds: ['*'] });
  near.salonOizumi = await noticeResident(server, '03', { areas: ['oizumi'], kinds: ['salon'] });
  near.notOptedIn = await noticeResident(server, '04', { optedIn: false, areas: ['nerima'], kinds: ['salon'] });
  near.blocked = await noticeResident(server, '05', { following: false, areas: ['nerima'], kinds: ['salon'] });
  salonEventId = await publishedEvent(server, { title: '歳末ふれあいサロン', kind: 'salon', areaId: 'nerima', startsAt: '2026-12-05T14:00:00+09:00', endsAt: '2026-12-05T16:00:00+09:00', capacity: 20 });
});
afterAll(() => server.close());

describe('compose', () => {
  it('offers the profile’s areas and kinds and the published events, with a fresh request key', async () => {
    const html = await (await staff.get('/admin/broadcasts/new')).text();
    for (const area of server.deps.profile.areas) expect(html).toContain(area.name);
    for (const kind of server.deps.profile.eventKinds) expect(html).toContain(kind.name);
    expect(html).toContain('歳末ふれあいサロン');
    expect(requestKeyIn(html)).toMatch(/^[0-9a-f-]{36}$/);
    expect(html).toContain('<script src="/admin/assets/broadcast.js" defer="">');
  });

  it('bad data: each problem is shown next to its field, and everything typed comes back', async () => {
    const key = crypto.randomUUID();
    const res = await staff.post('/admin/broadcasts/confirm', form({ text: '   ', kinds: '', when: 'later', date: '2026-11-20', time: '09:30', requestKey: key }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('入力内容を確認してください。');
    expect(html).toMatch(/<p class="field-error" id="notice-text-error">お知らせの本文を入力してください。<\/p>/);
    expect(html).toMatch(/id="audience-error">種類を1つ以上選んでください/);
    expect(html).toMatch(/id="when-error">送る日時は、いまより後にしてください/);
    expect(html).toMatch(/<input type="checkbox" id="areas-nerima" name="areas" value="nerima" checked/);
    expect(html).toMatch(/<input type="radio" id="when-later" name="when" value="later" checked/);
    expect(html).toContain('value="2026-11-20"');
    expect(html).toContain('value="09:30"');
    expect(requestKeyIn(html)).toBe(key);
  });

  it('a text over LINE’s 5,000 characters is refused with its length, and kept as typed', async () => {
    const long = `${'あ'.repeat(5000)}い`;
    const res = await staff.post('/admin/broadcasts/confirm', form({ text: long }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('本文は5,000文字以内にしてください（いま5,001文字です）。');
    expect(html).toContain(`${long}</textarea>`);
    expect(html).toContain('5,001／5,000文字');
  });

  it('an unknown area, an event that is not published, and no audience are refused', async () => {
    const a = await (await staff.post('/admin/broadcasts/confirm', form({ areas: 'atlantis' }))).text();
    expect(a).toContain('地区を1つ以上選んでください');
    const b = await staff.post('/admin/broadcasts/confirm', form({ eventId: 'no-such-event' }));
    expect(b.status).toBe(400);
    expect(await b.text()).toContain('このイベントは、いまは選べません');
    const c = await (await staff.post('/admin/broadcasts/confirm', form({ audienceType: '' }))).text();
    expect(c).toContain('宛先を選んでください。');
  });
});

describe('confirm', () => {
  it('shows the recipients (opted in, in the area and kind, not blocked), the quota it uses and what is left', async () => {
    server.emulator.setMonthlyLimit(200);
    server.emulator.setConsumption(150);
    const res = await staff.post('/admin/broadcasts/confirm', form({ eventId: salonEventId }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<dd id="recipient-count">2人</dd>');
    expect(html).toContain('2通（1人に1通と数えます）');
    expect(html).toContain('50通（上限200通のうち150通送信済み）');
    expect(html).toContain('地区：練馬 ／ 種類：ふれあい・いきいきサロン');
    expect(html).toContain('12月のサロンのお知らせです。');
    expect(html).toContain('12月5日（土）14:00〜16:00');
    expect(html).not.toContain('より、送る人数のほうが多いです');
    expect(await server.count('broadcasts')).toBe(0);
  });

  it('warns when this month’s quota cannot cover everyone, and says "unlimited" when there is no limit', async () => {
    server.emulator.setConsumption(199);
    const short = await (await staff.post('/admin/broadcasts/confirm', form({ areas: '*', kinds: '*' }))).text();
    expect(short).toContain('<dd id="recipient-count">3人</dd>');
    expect(short).toContain('今月の残り（1通）より、送る人数のほうが多いです');
    server.emulator.setMonthlyLimit(null);
    const open = await (await staff.post('/admin/broadcasts/confirm', form({ audienceType: 'all' }))).text();
    expect(open).toContain('上限なし（今月は199通送信済み）');
    expect(open).toContain('お知らせを受け取る設定の方全員');
  });

  it('an audience nobody is in goes back to the form with that said', async () => {
    const res = await staff.post('/admin/broadcasts/confirm', form({ areas: 'toshida' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('この宛先には、いまお知らせを受け取る設定の方がいません。');
  });

  it('戻って直す brings the form back as typed', async () => {
    const key = crypto.randomUUID();
    const html = await (await staff.post('/admin/broadcasts/new', form({ text: '直したい本文', eventId: salonEventId, requestKey: key }))).text();
    expect(html).toContain('直したい本文</textarea>');
    expect(html).toContain(`<option value="${salonEventId}" selected`);
    expect(requestKeyIn(html)).toBe(key);
  });
});

describe('create', () => {
  it('a double submit makes one broadcast, sent once to each recipient', async () => {
    const values = form({ text: '【サロン】12月5日に開きます。', eventId: salonEventId });
    const [a, b] = await Promise.all([staff.post('/admin/broadcasts', values), staff.post('/admin/broadcasts', values)]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(broadcastIdOf(a)).toBe(broadcastIdOf(b));
    const again = await staff.post('/admin/broadcasts', values);
    expect(again.headers.get('location')).toBe(`/admin/broadcasts/${broadcastIdOf(a)}?done=again`);
    await server.drain();
    expect(await server.count('broadcasts')).toBe(1);
    const created = await server.deps.db.select().from(auditLog).where(eq(auditLog.action, 'broadcast.create'));
    expect(created).toHaveLength(1);
    expect(created[0]!.detail).toMatchObject({ broadcastId: broadcastIdOf(a), kind: 'notice', audience: 'segment', recipients: 2, scheduled: false });

    const got = (userId: string) => textsReceived(server, userId).filter((t) => t.includes('【サロン】')).length;
    expect([near.salonNerima, near.anyKindNerima].map(got)).toEqual([1, 1]);
    expect([near.salonOizumi, near.notOptedIn, near.blocked].map(got)).toEqual([0, 0, 0]);
    const card = server.emulator.inbox(near.salonNerima).at(-1)!.messages.at(-1) as { type: string; altText?: string };
    expect(card.type).toBe('flex');
  });

  it('a time in the future is scheduled, not sent', async () => {
    const res = await staff.post('/admin/broadcasts', form({ text: '予約のお知らせ', when: 'later', date: '2026-11-30', time: '09:00' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/\?done=scheduled$/);
    await server.drain();
    const [row] = await server.deps.db.select().from(broadcasts).where(eq(broadcasts.id, broadcastIdOf(res)));
    expect(row).toMatchObject({ status: 'scheduled', scheduledAt: new Date('2026-11-30T09:00:00+09:00') });
    expect(textsReceived(server, near.salonNerima).some((t) => t === '予約のお知らせ')).toBe(false);
  });
});
