import { describe, expect, it } from 'vitest';
import { nerimaProfile } from '../../flows/profiles/nerima';
import { sampleTownProfile } from '../../flows/profiles/sample-town';
import { getDepartment } from '../../src/profile/lookup';
import { describeOpenStatus, openStatus, scheduleStatus } from '../../src/profile/opening-hours';
import { tokyoDate } from '../../src/time/tokyo';
import { openingCases } from './opening-cases';

// Same cases as opening-hours-tz.test.ts, here in the test runner's own zone.
describe(`opening hours (runner TZ=${process.env.TZ ?? 'unset'})`, () => {
  it.each(openingCases.map((c) => [c.name, c] as const))('%s', (_name, c) => c.run());
});

describe('describeOpenStatus wording', () => {
  const now = tokyoDate('2026-05-06', '10:00');
  const next = tokyoDate('2026-05-07', '09:00');

  it.each([
    ['こどもの日 振替休日', 'いまは受付時間外です（本日は振替休日（こどもの日）です）。次は 5月7日(木) 9:00 から受け付けます。'],
    ['休日', 'いまは受付時間外です（本日は国民の休日です）。次は 5月7日(木) 9:00 から受け付けます。'],
  ])('holiday named %s', (holidayName, text) => {
    expect(describeOpenStatus({ open: false, reason: 'holiday', holidayName, todayHours: [], nextOpen: next }, now)).toBe(text);
  });

  it('joins split hours', () => {
    const s = openStatus(getDepartment(sampleTownProfile, 'madoguchi'), tokyoDate('2026-11-24', '10:00'));
    expect(describeOpenStatus(s, tokyoDate('2026-11-24', '10:00'))).toBe('いま電話で相談できます（本日 8:45〜12:00、13:00〜17:30）。');
  });

  it('words an open LINE account for residents', () => {
    const at = tokyoDate('2026-11-24', '10:00');
    expect(describeOpenStatus(scheduleStatus(nerimaProfile.accountHours, at), at, 'line')).toBe(
      'いまは相談員がメッセージを確認している時間です（本日 8:30〜17:15）。',
    );
  });
});
