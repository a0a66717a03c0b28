// Slot assertions for the Nerima profile, November 2026 to January 2027, shared
// by the in-process test and the child processes that re-run them under other
// TZ values (see tz-runner.ts). The expected slots come from a separate, naive
// calendar walk with the holidays written out by hand.
import assert from 'node:assert/strict';
import { nerimaProfile } from '../../flows/profiles/nerima';
import { availableSlots, nextOpenDays, scheduledSlots, wholeDayClosure, type Slot } from '../../src/booking/availability';
import { getBookableService } from '../../src/booking/service';
import { formatTokyo, tokyoDate } from '../../src/time/tokyo';

export interface ScheduleCase {
  name: string;
  run: () => void;
}

const FROM = tokyoDate('2026-11-01');
const TO = tokyoDate('2027-02-01');
const service = (id: string) => getBookableService(nerimaProfile, id);
const label = (s: Slot) => `${formatTokyo(s.start, 'YYYY-MM-DD HH:mm')}-${formatTokyo(s.end, 'HH:mm')}`;
const labels = (slots: Slot[]) => slots.map(label);

// The national holidays in the range (内閣府): 文化の日, 勤労感謝の日, 元日, 成人の日.
const HOLIDAYS = new Set(['2026-11-03', '2026-11-23', '2027-01-01', '2027-01-11']);
const inYearEnd = (iso: string) => iso.slice(5) >= '12-29' || iso.slice(5) <= '01-03';
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function* calendar(): Generator<{ iso: string; weekday: (typeof DAYS)[number]; day: number }> {
  for (let t = Date.UTC(2026, 10, 1); t < Date.UTC(2027, 1, 1); t += 86_400_000) {
    const d = new Date(t);
    yield { iso: d.toISOString().slice(0, 10), weekday: DAYS[d.getUTCDay()]!, day: d.getUTCDate() };
  }
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
function run(iso: string, from: string, minutes: number, count: number): string[] {
  const start = Number(from.slice(0, 2)) * 60 + Number(from.slice(3));
  return Array.from({ length: count }, (_, i) => `${iso} ${hhmm(start + i * minutes)}-${hhmm(start + (i + 1) * minutes)}`);
}

/** Weekly 60-minute interviews: `hours` maps a weekday to [from, slot count]. */
function expectedWeekly(hours: Partial<Record<(typeof DAYS)[number], [string, number]>>): string[] {
  const out: string[] = [];
  for (const { iso, weekday } of calendar()) {
    const h = hours[weekday];
    if (!h || HOLIDAYS.has(iso) || inYearEnd(iso)) continue;
    out.push(...run(iso, h[0], 60, h[1]));
  }
  return out;
}

const KIRARA = expectedWeekly({ mon: ['09:00', 10], tue: ['09:00', 3], thu: ['09:00', 10] });
const WING = expectedWeekly({ wed: ['09:00', 3], thu: ['09:00', 10], fri: ['09:00', 10] });

export const scheduleCases: ScheduleCase[] = [
  {
    name: 'the reference calendar itself: first Wednesdays, holidays and weekdays are what we think',
    run() {
      const firstWednesdays = [...calendar()].filter((d) => d.weekday === 'wed' && d.day <= 7).map((d) => d.iso);
      assert.deepEqual(firstWednesdays, ['2026-11-04', '2026-12-02', '2027-01-06']);
      const weekdayOf = (iso: string) => [...calendar()].find((d) => d.iso === iso)?.weekday;
      assert.equal(weekdayOf('2026-11-23'), 'mon');
      assert.equal(weekdayOf('2027-01-01'), 'fri');
      assert.equal(weekdayOf('2027-01-11'), 'mon');
    },
  },
  {
    name: 'きらら 予約面接: exactly 月・木 9:00–19:00 and 火 9:00–12:00 in 60-minute slots, closed 水・祝・年末年始',
    run() {
      const slots = scheduledSlots(service('kirara-interview'), { from: FROM, to: TO });
      assert.deepEqual(labels(slots), KIRARA);
      assert.equal(slots.length, KIRARA.length);
      assert.ok(slots.every((s) => s.serviceId === 'kirara-interview' && s.seatsLeft === 1));
      assert.ok(!slots.some((s) => formatTokyo(s.start, 'ddd') === '水'), 'never on Wednesday');
      for (const closed of ['2026-11-03', '2026-11-23', '2027-01-11', '2026-12-29', '2026-12-31']) {
        assert.ok(!labels(slots).some((l) => l.startsWith(closed)), closed);
      }
      // The day after 勤労感謝の日 is an ordinary Tuesday: three morning slots.
      assert.deepEqual(
        labels(slots).filter((l) => l.startsWith('2026-11-24')),
        ['2026-11-24 09:00-10:00', '2026-11-24 10:00-11:00', '2026-11-24 11:00-12:00'],
      );
      // Last slot of a long day ends exactly at 19:00.
      assert.equal(labels(slots).filter((l) => l.startsWith('2026-11-26')).at(-1), '2026-11-26 18:00-19:00');
    },
  },
  {
    name: 'ういんぐ 予約面接: exactly 水 9:00–12:00 and 木・金 9:00–19:00, closed 火・祝・年末年始',
    run() {
      const slots = scheduledSlots(service('wing-interview'), { from: FROM, to: TO });
      assert.deepEqual(labels(slots), WING);
      assert.ok(!slots.some((s) => formatTokyo(s.start, 'ddd') === '火'), 'never on Tuesday');
      assert.ok(!labels(slots).some((l) => l.startsWith('2027-01-01')), '元日 (a Friday) is closed');
      assert.ok(!labels(slots).some((l) => l.startsWith('2026-12-30')), '年末年始');
      assert.equal(labels(slots).filter((l) => l.startsWith('2027-01-06')).length, 3, 'first Wednesday after New Year is open');
    },
  },
  {
    name: '成年後見制度専門相談: the first Wednesday only, three 45-minute slots from 13:30 (2026-12-02: 13:30, 14:15, 15:00)',
    run() {
      const slots = scheduledSlots(service('seinen-kouken-senmon'), { from: FROM, to: TO });
      assert.deepEqual(labels(slots), [
        ...run('2026-11-04', '13:30', 45, 3),
        ...run('2026-12-02', '13:30', 45, 3),
        ...run('2027-01-06', '13:30', 45, 3),
      ]);
      assert.deepEqual(
        labels(slots).filter((l) => l.startsWith('2026-12-02')),
        ['2026-12-02 13:30-14:15', '2026-12-02 14:15-15:00', '2026-12-02 15:00-15:45'],
      );
      assert.ok(slots.every((s) => s.seatsLeft === 1));
      assert.ok(slots.every((s) => s.end.getTime() <= tokyoDate(formatTokyo(s.start, 'YYYY-MM-DD'), '16:30').getTime()));
    },
  },
  {
    name: '弁護士相談会: only the dated (example) sessions, 30-minute slots 13:00–16:00',
    run() {
      const slots = scheduledSlots(service('bengoshi-soudankai'), { from: FROM, to: TO });
      assert.deepEqual(labels(slots), [...run('2026-12-09', '13:00', 30, 6), ...run('2027-01-20', '13:00', 30, 6)]);
    },
  },
  {
    name: '2026-11-23 (勤労感謝の日) and 2027-01-01 have no slot in any service',
    run() {
      for (const id of nerimaProfile.bookableServices.map((s) => s.id)) {
        for (const day of ['2026-11-23', '2027-01-01']) {
          const slots = scheduledSlots(service(id), { from: tokyoDate(day), to: tokyoDate(day, '24:00') });
          assert.deepEqual(slots, [], `${id} on ${day}`);
        }
      }
    },
  },
  {
    name: 'availability from a Tokyo evening: minNotice, bookAhead, seats taken and staff closures',
    run() {
      const kirara = service('kirara-interview');
      // Sunday 2026-11-01 20:00 in Tokyo is 11:00 UTC: a zone bug would shift the day.
      const now = tokyoDate('2026-11-01', '20:00');
      const open = availableSlots(kirara, { from: FROM, to: TO, now });
      // 24 hours' notice: Monday 11-02 from 20:00 on only, and that day's last slot is 18:00 → nothing on 11-02.
      assert.equal(label(open[0]!), '2026-11-05 09:00-10:00', '11-02 is within 24h, 11-03 is 文化の日, 11-04 is Wednesday');
      // 60 days ahead: through 2026-12-31 (closed) → the last open day is Monday 12-28.
      assert.equal(label(open.at(-1)!), '2026-12-28 18:00-19:00');
      const taken = [{ slotStart: tokyoDate('2026-11-05', '09:00') }];
      const closures = [wholeDayClosure('2026-11-09', { departmentId: 'kirara' }), { serviceId: 'kirara-interview', start: tokyoDate('2026-11-05', '10:00'), end: tokyoDate('2026-11-05', '12:00') }];
      const after = availableSlots(kirara, { from: FROM, to: TO, now, taken, closures });
      assert.equal(label(after[0]!), '2026-11-05 12:00-13:00');
      assert.ok(!labels(after).some((l) => l.startsWith('2026-11-09')));
      assert.equal(after.length, open.length - 3 - 10);
      const days = nextOpenDays(kirara, now, 3, { taken, closures });
      assert.deepEqual(days.map((d) => d.date), ['2026-11-05', '2026-11-10', '2026-11-12']);
      assert.equal(days[0]!.slots.length, 7);
    },
  },
];
