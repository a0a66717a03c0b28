// Tokyo wall-clock helpers that give the same answer in any runtime zone.
// Japan has no daylight saving time, so a fixed +09:00 offset is exact; we
// shift the epoch and read UTC fields instead of relying on Intl or TZ.
import holidayJp from '@holiday-jp/holiday_jp';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
// Indexed by Date#getUTCDay() (0 = Sunday).
const BY_UTC_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_KANJI: Record<Weekday, string> = {
  mon: '月',
  tue: '火',
  wed: '水',
  thu: '木',
  fri: '金',
  sat: '土',
  sun: '日',
};

export interface TokyoParts {
  year: number;
  month: number; // 1-12
  day: number;
  weekday: Weekday;
  hour: number;
  minute: number;
  hhmm: string; // "09:05"
  isoDate: string; // "2026-11-23"
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function assertValidDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
}

export function tokyoParts(date: Date): TokyoParts {
  assertValidDate(date);
  const t = new Date(date.getTime() + TOKYO_OFFSET_MS);
  const year = t.getUTCFullYear();
  const month = t.getUTCMonth() + 1;
  const day = t.getUTCDate();
  const hour = t.getUTCHours();
  const minute = t.getUTCMinutes();
  return {
    year,
    month,
    day,
    weekday: BY_UTC_DAY[t.getUTCDay()] as Weekday,
    hour,
    minute,
    hhmm: `${pad2(hour)}:${pad2(minute)}`,
    isoDate: `${year}-${pad2(month)}-${pad2(day)}`,
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM = /^(\d{2}):(\d{2})$/;

function parseIsoDate(isoDate: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new RangeError(`Expected a date like "2026-11-23", got "${isoDate}"`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`No such calendar day: "${isoDate}"`);
  }
  return { year, month, day };
}

/** The instant at which Tokyo clocks show `isoDate` `hhmm` ("24:00" = next midnight). */
export function tokyoDate(isoDate: string, hhmm = '00:00'): Date {
  const { year, month, day } = parseIsoDate(isoDate);
  const t = HHMM.exec(hhmm);
  const hour = Number(t?.[1]);
  const minute = Number(t?.[2]);
  if (!t || minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) {
    throw new RangeError(`Expected a time like "09:00", got "${hhmm}"`);
  }
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - TOKYO_OFFSET_MS);
}

/** Same Tokyo wall-clock time `days` later (exact: Tokyo has no DST). */
export function addTokyoDays(date: Date, days: number): Date {
  assertValidDate(date);
  return new Date(date.getTime() + days * DAY_MS);
}

/** Calendar arithmetic on "YYYY-MM-DD" strings. */
export function addIsoDays(isoDate: string, days: number): string {
  return tokyoParts(addTokyoDays(tokyoDate(isoDate), days)).isoDate;
}

export const weekdayKanji = (weekday: Weekday): string => WEEKDAY_KANJI[weekday];

const TOKEN = /\[([^\]]*)]|YYYY|MM|M|DD|D|HH|H|mm|dddd|ddd/g;

/**
 * Formats in Tokyo time. Tokens: YYYY, M, MM, D, DD, H, HH, mm,
 * ddd (月), dddd (月曜日); text inside [brackets] is kept as is.
 * Default: 「11月23日(月) 9:00」.
 */
export function formatTokyo(date: Date, pattern = 'M月D日(ddd) H:mm'): string {
  const p = tokyoParts(date);
  return pattern.replace(TOKEN, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case 'YYYY':
        return String(p.year);
      case 'MM':
        return pad2(p.month);
      case 'M':
        return String(p.month);
      case 'DD':
        return pad2(p.day);
      case 'D':
        return String(p.day);
      case 'HH':
        return pad2(p.hour);
      case 'H':
        return String(p.hour);
      case 'mm':
        return pad2(p.minute);
      case 'dddd':
        return `${WEEKDAY_KANJI[p.weekday]}曜日`;
      case 'ddd':
        return WEEKDAY_KANJI[p.weekday];
      default:
        return token;
    }
  });
}

export interface Holiday {
  name: string;
}

// The library's table is keyed by calendar date ("2026-11-23"), so a direct
// lookup needs no Date at all (and so no runtime zone), and costs nothing;
// its between() scans every holiday on each call (~0.5 ms).
const HOLIDAYS = holidayJp.holidays as Readonly<Record<string, { name: string } | undefined>>;

/** Japanese national holiday on that Tokyo calendar day, or null. */
export function isHoliday(isoDate: string): Holiday | null {
  parseIsoDate(isoDate);
  const found = HOLIDAYS[isoDate];
  return found ? { name: found.name } : null;
}
