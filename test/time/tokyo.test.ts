import { describe, expect, it } from 'vitest';
import { addIsoDays, addTokyoDays, formatTokyo, isHoliday, tokyoDate, tokyoParts } from '../../src/time/tokyo';

describe('tokyoParts', () => {
  it('reads the Tokyo wall clock from a UTC instant', () => {
    expect(tokyoParts(new Date('2026-11-23T00:00:00Z'))).toEqual({
      year: 2026,
      month: 11,
      day: 23,
      weekday: 'mon',
      hour: 9,
      minute: 0,
      hhmm: '09:00',
      isoDate: '2026-11-23',
    });
  });

  it('rolls over to the next Tokyo day at 15:00 UTC', () => {
    expect(tokyoParts(new Date('2026-12-31T14:59:00Z')).isoDate).toBe('2026-12-31');
    const p = tokyoParts(new Date('2026-12-31T15:00:00Z'));
    expect([p.isoDate, p.weekday, p.hhmm]).toEqual(['2027-01-01', 'fri', '00:00']);
  });

  it('rejects an invalid Date', () => {
    expect(() => tokyoParts(new Date('nope'))).toThrow(RangeError);
  });
});

describe('tokyoDate', () => {
  it('builds the instant for a Tokyo date and time', () => {
    expect(tokyoDate('2026-11-23', '09:00').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(tokyoDate('2026-11-23').toISOString()).toBe('2026-11-22T15:00:00.000Z');
    expect(tokyoDate('2026-11-23', '24:00').toISOString()).toBe('2026-11-23T15:00:00.000Z');
  });

  it('round-trips through tokyoParts', () => {
    const p = tokyoParts(tokyoDate('2028-02-29', '23:45'));
    expect([p.isoDate, p.hhmm, p.weekday]).toEqual(['2028-02-29', '23:45', 'tue']);
  });

  it('refuses malformed or impossible input', () => {
    expect(() => tokyoDate('2026-02-30', '09:00')).toThrow(/No such calendar day/);
    expect(() => tokyoDate('2026/11/23', '09:00')).toThrow(/2026-11-23/);
    expect(() => tokyoDate('2026-11-23', '9:00')).toThrow(/09:00/);
    expect(() => tokyoDate('2026-11-23', '24:30')).toThrow(RangeError);
  });
});

describe('formatTokyo', () => {
  const d = tokyoDate('2026-11-23', '09:05');

  it('defaults to the Japanese display form', () => {
    expect(formatTokyo(d)).toBe('11月23日(月) 9:05');
  });

  it('supports padded tokens, long weekday and literals', () => {
    expect(formatTokyo(d, 'YYYY-MM-DD HH:mm')).toBe('2026-11-23 09:05');
    expect(formatTokyo(d, 'YYYY年M月D日 dddd')).toBe('2026年11月23日 月曜日');
    expect(formatTokyo(d, '[MM は月] MM')).toBe('MM は月 11');
  });
});

describe('addTokyoDays / addIsoDays', () => {
  it('moves whole Tokyo days, across months and years', () => {
    expect(addTokyoDays(tokyoDate('2026-12-31', '10:00'), 1).toISOString()).toBe(tokyoDate('2027-01-01', '10:00').toISOString());
    expect(addIsoDays('2026-11-23', 14)).toBe('2026-12-07');
    expect(addIsoDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});

describe('isHoliday', () => {
  it('names national holidays and substitute holidays', () => {
    expect(isHoliday('2026-11-23')).toEqual({ name: '勤労感謝の日' });
    expect(isHoliday('2027-01-01')).toEqual({ name: '元日' });
    expect(isHoliday('2026-11-24')).toBeNull();
    expect(isHoliday('2026-05-06')?.name).toMatch(/振替休日/);
  });
});
