import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelEvent } from '../../src/events/cancel';
import { manualClock } from '../../src/time/clock';
import { tokyoDate } from '../../src/time/tokyo';
import { addEvent, addRsvp, lineResident } from '../events/admin-support';
import { runExport } from '../helpers/export-cli';
import { startTestServer, type TestServer } from '../helpers/test-server';

const NOW = tokyoDate('2026-11-24', '10:00');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: manualClock(NOW) });
});
afterAll(() => server.close());

describe('npm run -s export -- events', () => {
  it('prints one JSON line per event in Tokyo time with its seats, and nothing about who joined', async () => {
    const salon = await addEvent(server, { title: 'いきいきサロン', capacity: 2, fee: '無料' });
    const course = await addEvent(server, {
      title: 'ボランティア講座',
      kind: 'volunteer-course',
      areaId: 'oizumi',
      startsAt: tokyoDate('2026-12-01', '13:30'),
      endsAt: tokyoDate('2026-12-01', '15:00'),
      capacity: null,
    });
    const people = await Promise.all(['出力 はなこ', '出力 たろう', '出力 じろう', '出力 さぶろう'].map((n) => lineResident(server, n)));
    await addRsvp(server, { eventId: salon.id, residentId: people[0]!.id, status: 'going', seat: 1 });
    await addRsvp(server, { eventId: salon.id, residentId: people[1]!.id, status: 'going', seat: 2 });
    await addRsvp(server, { eventId: salon.id, residentId: people[2]!.id, status: 'waitlisted' });
    await addRsvp(server, { eventId: course.id, residentId: people[3]!.id, status: 'going', seat: 1 });
    const cancelled = await cancelEvent(server.deps, { id: course.id, reason: '' });
    expect(cancelled.ok).toBe(true);

    const { stdout } = await runExport(server.databaseUrl, 'events');
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual([course.id, salon.id]); // by start
    expect(rows[1]).toEqual({
      id: salon.id,
      title: 'いきいきサロン',
      kind: 'salon',
      kind_name: 'ふれあい・いきいきサロン',
      area: 'shakujii',
      area_name: '石神井',
      place_name: '地域集会所',
      starts_at: '2026-12-10T10:00:00+09:00',
      ends_at: '2026-12-10T12:00:00+09:00',
      status: 'published',
      capacity: 2,
      going: 2,
      waitlisted: 1,
      fee: '無料',
      created_by: null,
      created_at: '2026-11-24T10:00:00+09:00',
      updated_at: '2026-11-24T10:00:00+09:00',
      published_at: '2026-11-24T10:00:00+09:00',
      cancelled_at: null,
    });
    expect(rows[0]).toMatchObject({
      kind: 'volunteer-course',
      area: 'oizumi',
      starts_at: '2026-12-01T13:30:00+09:00',
      status: 'cancelled',
      capacity: null,
      going: 0,
      waitlisted: 0,
      cancelled_at: '2026-11-24T10:00:00+09:00',
    });
    for (const p of people) {
      for (const secret of [p.id, p.lineUserId, p.displayName]) expect(stdout).not.toContain(secret);
    }
  });

  it('the help names the events export', async () => {
    const { stderr } = await runExport(server.databaseUrl, '--help');
    expect(stderr).toContain('events');
  });
});
