// Opening-hours assertions shared by the in-process test and the child
// processes that re-run them under other TZ values (see tz-runner.ts).
import assert from 'node:assert/strict';
import { nerimaProfile } from '../../flows/profiles/nerima';
import { sampleTownProfile } from '../../flows/profiles/sample-town';
import { getDepartment } from '../../src/profile/lookup';
import { describeOpenStatus, openStatus, scheduleStatus } from '../../src/profile/opening-hours';
import type { Schedule } from '../../src/profile/schema';
import { addIsoDays, formatTokyo, isHoliday, tokyoDate, tokyoParts } from '../../src/time/tokyo';

export interface OpeningCase {
  name: string;
  run: () => void;
}

const at = tokyoDate;
const nerima = (id: string) => getDepartment(nerimaProfile, id);
const sample = (id: string) => getDepartment(sampleTownProfile, id);

export const openingCases: OpeningCase[] = [
  {
    name: '2026-11-23 (勤労感謝の日): every department that closes on holidays is closed, with the holiday name',
    run() {
      const now = at('2026-11-23', '10:00');
      const closers = nerimaProfile.departments.filter((d) => d.closedOnHolidays);
      assert.ok(closers.length >= 10, 'Nerima has many holiday-closed departments');
      for (const d of closers) {
        const s = openStatus(d, now);
        assert.equal(s.open, false, d.id);
        assert.equal(s.reason, 'holiday', d.id);
        assert.equal(s.holidayName, '勤労感謝の日', d.id);
        assert.deepEqual(s.todayHours, [], d.id);
      }
      assert.equal(
        describeOpenStatus(openStatus(nerima('kirara'), now), now),
        'いまは受付時間外です（本日は祝日：勤労感謝の日）。次は 11月24日(火) 9:00 から受け付けます。',
      );
    },
  },
  {
    name: 'きらら is closed on Wednesdays (closed weekday)',
    run() {
      const now = at('2026-11-25', '10:00');
      const s = openStatus(nerima('kirara'), now);
      assert.equal(s.open, false);
      assert.equal(s.reason, 'closed_weekday');
      assert.equal(s.holidayName, undefined);
      assert.equal(s.nextOpen?.toISOString(), at('2026-11-26', '09:00').toISOString());
      assert.equal(
        describeOpenStatus(s, now),
        'いまは受付時間外です（毎週水曜日はお休みです）。次は 11月26日(木) 9:00 から受け付けます。',
      );
    },
  },
  {
    name: 'きらら on a Saturday at 13:00 is open (12:00–20:00)',
    run() {
      const now = at('2026-11-28', '13:00');
      const s = openStatus(nerima('kirara'), now);
      assert.equal(s.open, true);
      assert.equal(s.reason, undefined);
      assert.deepEqual(s.todayHours, [{ from: '12:00', to: '20:00' }]);
      assert.equal(s.closesAt?.toISOString(), at('2026-11-28', '20:00').toISOString());
      assert.equal(describeOpenStatus(s, now), 'いま電話で相談できます（本日 12:00〜20:00）。');
    },
  },
  {
    name: 'きらら on a Saturday at 11:59 opens later the same day',
    run() {
      const now = at('2026-11-28', '11:59');
      const s = openStatus(nerima('kirara'), now);
      assert.equal(s.open, false);
      assert.equal(s.reason, 'outside_hours');
      assert.equal(s.nextOpen?.toISOString(), at('2026-11-28', '12:00').toISOString());
      assert.equal(
        describeOpenStatus(s, now),
        'いまは受付時間外です（本日の受付時間は 12:00〜20:00 です）。本日 12:00 から受け付けます。',
      );
    },
  },
  {
    name: '2027-01-01 is closed for the year end and is 元日',
    run() {
      const now = at('2027-01-01', '10:00');
      for (const id of ['soumu', 'kirara', 'wing', 'volunteer-center']) {
        const s = openStatus(nerima(id), now);
        assert.equal(s.open, false, id);
        assert.equal(s.reason, 'year_end', id);
        assert.equal(s.holidayName, '元日', id);
      }
      const s = openStatus(nerima('soumu'), now);
      assert.equal(s.nextOpen?.toISOString(), at('2027-01-04', '08:30').toISOString());
      assert.equal(describeOpenStatus(s, now), 'いまは受付時間外です（年末年始のお休みです）。次は 1月4日(月) 8:30 から受け付けます。');
    },
  },
  {
    name: 'a weekday at 10:00 is open',
    run() {
      const now = at('2026-11-24', '10:00');
      const s = openStatus(nerima('soumu'), now);
      assert.equal(s.open, true);
      assert.deepEqual(s.todayHours, [{ from: '08:30', to: '17:15' }]);
      assert.equal(describeOpenStatus(s, now), 'いま電話で相談できます（本日 8:30〜17:15）。');
    },
  },
  {
    name: 'nextOpen skips a weekend followed by a holiday Monday',
    run() {
      // Fri 2026-11-20 17:15 (closing time is exclusive) → Sat, Sun, Mon 勤労感謝の日 → Tue 08:30.
      const fridayClose = at('2026-11-20', '17:15');
      const s = openStatus(nerima('soumu'), fridayClose);
      assert.equal(s.open, false);
      assert.equal(s.reason, 'outside_hours');
      assert.equal(s.nextOpen?.toISOString(), at('2026-11-24', '08:30').toISOString());
      const sunday = openStatus(nerima('soumu'), at('2026-11-22', '23:59'));
      assert.equal(sunday.reason, 'closed_weekday');
      assert.equal(sunday.nextOpen?.toISOString(), at('2026-11-24', '08:30').toISOString());
      // 大泉 is open on Saturdays, so its next opening is sooner.
      const oizumi = openStatus(nerima('volunteer-oizumi'), fridayClose);
      assert.equal(oizumi.nextOpen?.toISOString(), at('2026-11-21', '08:30').toISOString());
    },
  },
  {
    name: 'the Tokyo calendar day, not the UTC one, decides weekday and holiday',
    run() {
      // 00:30 Tokyo on Tue 24th is still Mon 23rd 15:30 in UTC.
      const earlyTuesday = at('2026-11-24', '00:30');
      assert.equal(earlyTuesday.toISOString(), '2026-11-23T15:30:00.000Z');
      const p = tokyoParts(earlyTuesday);
      assert.deepEqual([p.isoDate, p.weekday, p.hhmm], ['2026-11-24', 'tue', '00:30']);
      const s = openStatus(nerima('soumu'), earlyTuesday);
      assert.equal(s.reason, 'outside_hours');
      assert.equal(s.holidayName, undefined);
      // 23:59 Tokyo on the holiday is 14:59 UTC the same day; 09:00 UTC on the 23rd is 18:00 Tokyo.
      assert.equal(openStatus(nerima('soumu'), at('2026-11-23', '23:59')).holidayName, '勤労感謝の日');
      assert.equal(openStatus(nerima('soumu'), new Date('2026-11-22T15:00:00Z')).holidayName, '勤労感謝の日');
      assert.equal(openStatus(nerima('soumu'), new Date('2026-11-22T14:59:00Z')).holidayName, undefined);
      assert.deepEqual(isHoliday('2026-11-23'), { name: '勤労感謝の日' });
      assert.equal(isHoliday('2026-11-24'), null);
      assert.equal(formatTokyo(at('2026-11-23', '09:00')), '11月23日(月) 9:00');
    },
  },
  {
    name: 'sample-town: its own hours, closed days and closures are used',
    run() {
      const holiday = at('2026-11-23', '10:00');
      assert.equal(openStatus(sample('kurashi'), holiday).open, true, 'open on holidays in this council');
      assert.equal(openStatus(sample('kurashi'), holiday).holidayName, '勤労感謝の日');
      assert.equal(openStatus(sample('anshin'), at('2026-11-26', '10:00')).reason, 'closed_weekday');
      const lunch = openStatus(sample('madoguchi'), at('2026-11-24', '12:30'));
      assert.equal(lunch.reason, 'outside_hours');
      assert.equal(lunch.nextOpen?.toISOString(), at('2026-11-24', '13:00').toISOString());
      const christmas = openStatus(sample('madoguchi'), at('2026-12-25', '10:00'));
      assert.equal(christmas.reason, 'closure');
      // Fri closure → weekend → this council's year end (12-28..01-04) → Tue 5 Jan.
      assert.equal(christmas.nextOpen?.toISOString(), at('2027-01-05', '08:45').toISOString());
      // Year end here is 12-28..01-04, unlike Nerima's.
      assert.equal(openStatus(sample('madoguchi'), at('2026-12-28', '10:00')).reason, 'year_end');
      assert.equal(openStatus(nerima('soumu'), at('2026-12-28', '10:00')).open, true);
      assert.equal(openStatus(sample('madoguchi'), at('2027-01-05', '10:00')).open, true);
    },
  },
  {
    name: 'nextOpen searches at most 14 days ahead',
    run() {
      const today = '2026-11-24';
      const daily = [{ from: '09:00', to: '17:00' }];
      const schedule = (closedDays: number): Schedule => ({
        hours: { mon: daily, tue: daily, wed: daily, thu: daily, fri: daily, sat: daily, sun: daily },
        closedWeekdays: [],
        closedOnHolidays: false,
        closures: Array.from({ length: closedDays }, (_, i) => addIsoDays(today, i)),
      });
      const now = at(today, '08:00');
      assert.equal(scheduleStatus(schedule(14), now).nextOpen?.toISOString(), at(addIsoDays(today, 14), '09:00').toISOString());
      const none = scheduleStatus(schedule(15), now);
      assert.equal(none.nextOpen, undefined);
      assert.equal(describeOpenStatus(none, now), 'いまは受付時間外です（本日は臨時のお休みです）。しばらくの間、受付をお休みしています。');
    },
  },
  {
    name: 'the LINE account hours are worded for counselors replying',
    run() {
      const saturday = at('2026-11-28', '10:00');
      const s = scheduleStatus(nerimaProfile.accountHours, saturday);
      assert.equal(s.open, false);
      assert.equal(
        describeOpenStatus(s, saturday, 'line'),
        'いまは相談員の対応時間外です（毎週土曜日はお休みです）。11月30日(月) 8:30 から順にお返事します。',
      );
      assert.equal(scheduleStatus(sampleTownProfile.accountHours, saturday).open, true);
    },
  },
];
