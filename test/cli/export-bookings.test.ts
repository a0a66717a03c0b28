import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookSlot, cancelBooking } from '../../src/booking/bookings';
import { getBookableService } from '../../src/booking/service';
import { residentForContact } from '../../src/db/repos/residents';
import { manualClock } from '../../src/time/clock';
import { tokyoDate } from '../../src/time/tokyo';
import { runExport } from '../helpers/export-cli';
import { startTestServer, type TestServer } from '../helpers/test-server';

const NOW = tokyoDate('2026-11-24', '10:00');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: manualClock(NOW) });
});
afterAll(() => server.close());

const exportCli = (...args: string[]) => runExport(server.databaseUrl, ...args);

describe('npm run -s export -- bookings', () => {
  it('prints one JSON line per booking in Tokyo time, without topics, names or phone numbers', async () => {
    const db = server.deps.db;
    const kirara = getBookableService(server.deps.profile, 'kirara-interview');
    const resident = await residentForContact(db, server.newResident(), NOW);
    const line = await bookSlot(db, kirara, {
      slotStart: tokyoDate('2026-11-26', '10:00'),
      requestKey: 'export-1',
      now: NOW,
      contact: 'line',
      residentId: resident.id,
      topic: '年金のことで相談したい',
    });
    const phone = await bookSlot(db, kirara, {
      slotStart: tokyoDate('2026-11-26', '11:00'),
      requestKey: 'export-2',
      now: new Date(NOW.getTime() + 60_000),
      contact: 'phone',
      contactName: '電話 花子',
      contactPhone: '03-1234-5678',
      createdBy: 'staff-1',
    });
    if (!line.ok || !phone.ok) throw new Error('booking refused');
    await cancelBooking(db, { bookingId: phone.booking.id, now: tokyoDate('2026-11-25', '15:30') });

    const { stdout } = await exportCli('bookings');
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      id: line.booking.id,
      service: 'kirara-interview',
      service_name: '予約面接（きらら）',
      department: 'kirara',
      department_name: expect.any(String),
      slot_start: '2026-11-26T10:00:00+09:00',
      slot_end: '2026-11-26T11:00:00+09:00',
      seat: 1,
      status: 'booked',
      contact: 'line',
      has_line: true,
      replaces: null,
      created_at: '2026-11-24T10:00:00+09:00',
      cancelled_at: null,
    });
    expect(rows[1]).toMatchObject({
      id: phone.booking.id,
      slot_start: '2026-11-26T11:00:00+09:00',
      status: 'cancelled',
      contact: 'phone',
      has_line: false,
      created_at: '2026-11-24T10:01:00+09:00',
      cancelled_at: '2026-11-25T15:30:00+09:00',
    });
    for (const secret of ['年金', '花子', '03-1234-5678', resident.id, resident.lineUserId]) expect(stdout).not.toContain(secret);
  });

  it('the help names the bookings export', async () => {
    const { stderr } = await exportCli('--help');
    expect(stderr).toContain('bookings');
  });
});
