// The council profile: every council-specific fact lives in one validated
// object, so another council can run the same code with its own file.
import { z } from 'zod';
import { CATEGORIES, CRISIS_KINDS } from '../engine/taxonomy';
import { isHoliday, WEEKDAYS, type Weekday } from '../time/tokyo';
import { inYearEnd } from './year-end';
import { LINE_TEXT_MAX } from '../line/limits';

const ID_HINT = 'Use an id that starts with a lower-case letter, then letters, digits or single hyphens, e.g. "volunteer-center"';
const id = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, ID_HINT);
const text = z.string().trim().min(1, 'Must not be empty');
const hhmmFrom = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM between 00:00 and 23:59, e.g. "09:00" (not "9:00")');
const hhmmTo = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Use HH:MM up to 24:00, e.g. "17:15" (not "5:15pm")');
const monthDay = z
  .string()
  .regex(/^(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, 'Use MM-DD, e.g. "12-29"');
const isoDate = z.iso.date({ message: 'Use a real date written YYYY-MM-DD, e.g. "2026-12-28"' });
const phone = z
  .string()
  .regex(/^0\d{1,4}-\d{1,4}-\d{3,4}$/, 'Write the phone number with its area code and hyphens, like "0X-XXXX-XXXX"');
const weekday = z.enum(WEEKDAYS);

// Format errors do not stop refinements, so order checks skip malformed times.
const wellFormed = (...times: string[]): boolean => times.every((t) => /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(t));
const inOrder = (from: string, to: string): boolean => !wellFormed(from, to) || from < to;

const timeRange = z
  .strictObject({ from: hhmmFrom, to: hhmmTo })
  .refine((r) => inOrder(r.from, r.to), { message: '"from" must be earlier than "to"', path: ['to'] });

const dayHours = z
  .array(timeRange)
  .default([])
  .superRefine((ranges, ctx) => {
    for (let i = 1; i < ranges.length; i++) {
      const prev = ranges[i - 1];
      const cur = ranges[i];
      if (prev && cur && wellFormed(prev.to, cur.from) && cur.from < prev.to) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'from'],
          message: `Time ranges must be in order and must not overlap (${prev.from}-${prev.to} then ${cur.from}-${cur.to})`,
        });
      }
    }
  });

const weeklyHours = z.strictObject({
  mon: dayHours,
  tue: dayHours,
  wed: dayHours,
  thu: dayHours,
  fri: dayHours,
  sat: dayHours,
  sun: dayHours,
});

const yearEndClosure = z.strictObject({ from: monthDay, to: monthDay });

// Shared by departments (phoneHours) and the LINE account (hours).
const closedDays = {
  closedWeekdays: z.array(weekday).default([]),
  closedOnHolidays: z.boolean(),
  yearEndClosure: yearEndClosure.optional(),
  closures: z.array(isoDate).default([]),
};

type WeeklyHoursOut = z.output<typeof weeklyHours>;

/** A weekday is closed exactly when it has no hours; both must say so. */
function checkClosedWeekdays(
  hours: WeeklyHoursOut,
  closedWeekdays: readonly Weekday[],
  hoursKey: string,
  ctx: z.RefinementCtx,
): void {
  for (const day of WEEKDAYS) {
    const closed = closedWeekdays.includes(day);
    const has = hours[day].length > 0;
    if (closed && has) {
      ctx.addIssue({
        code: 'custom',
        path: [hoursKey, day],
        message: `"${day}" is listed in closedWeekdays but has hours here; remove one of them`,
      });
    } else if (!closed && !has) {
      ctx.addIssue({
        code: 'custom',
        path: [hoursKey, day],
        message: `No hours on "${day}": give hours, or add "${day}" to closedWeekdays`,
      });
    }
  }
}

const serviceHours = z.strictObject({
  id,
  label: text, // e.g. 予約面接
  hours: weeklyHours,
  note: text.optional(),
});

const department = z
  .strictObject({
    id,
    name: text,
    shortName: text.optional(),
    kind: z.enum(['internal', 'external']),
    parentId: id.optional(),
    phone: phone.optional(),
    phoneNote: text.optional(),
    address: text.optional(),
    mapUrl: z.url().optional(),
    helpsWith: z.array(text).min(1, 'List at least one thing this department helps with'),
    phoneHours: weeklyHours,
    ...closedDays,
    serviceHours: z.array(serviceHours).default([]),
    areaIds: z.array(id).default([]),
    // Opened only when the council activates it (e.g. a disaster volunteer center).
    activatedOnly: z.boolean().default(false),
    // Staff-facing: where a fact came from, or that it is an assumption.
    sourceNote: text.optional(),
  })
  .superRefine((d, ctx) => {
    if (!d.phone && !d.phoneNote) {
      ctx.addIssue({
        code: 'custom',
        path: ['phoneNote'],
        message: 'Give a phone number, or a phoneNote telling residents whom to call instead',
      });
    }
    checkClosedWeekdays(d.phoneHours, d.closedWeekdays, 'phoneHours', ctx);
  });

const accountHours = z
  .strictObject({
    hours: weeklyHours,
    ...closedDays,
    replyNote: text, // resident-facing: when counselors answer LINE messages
    afterHoursHotlineIds: z.array(id).default([]),
  })
  .superRefine((a, ctx) => checkClosedWeekdays(a.hours, a.closedWeekdays, 'hours', ctx));

// money → { default: 'seikatsu-support', loans: 'fukushi-shikin' }; a sub-route
// named after an area id serves residents of that area.
const route = z.object({ default: id }).catchall(id);

const area = z.strictObject({
  id,
  name: text,
  kana: z
    .string()
    .regex(/^[\u3041-\u309F\u30FC]+$/, 'Write kana in hiragana only, e.g. "さくらまち"')
    .optional(),
  note: text.optional(),
});

const hotline = z
  .strictObject({
    id,
    name: text,
    number: z
      .string()
      .regex(/^(?:\d+(?:-\d+)*|#\d{4})$/, 'Write the number as residents see it: digits with optional hyphens, or "#" and four digits'),
    tel: z.string().regex(/^(?:\d{3,11}|#\d{4})$/, 'Use dialable digits only (3 to 11, no hyphens), or "#" and four digits'),
    hours: text,
    note: text.optional(),
    staffNote: text.optional(),
    crisisKinds: z.array(z.enum(CRISIS_KINDS)).min(1, 'Name at least one crisis kind this hotline is for'),
  })
  .refine((h) => h.number.replace(/-/g, '') === h.tel, {
    path: ['tel'],
    message: 'tel must be the same digits as number without hyphens',
  });

const privacy = z.strictObject({
  noticeVersion: text,
  noticeText: text,
  retentionDays: z.number().int().min(1, 'retentionDays must be at least 1'),
  providers: z.array(text).min(1, 'Name at least one provider that holds data (a placeholder is fine)'),
});

const eventKind = z.strictObject({ id, name: text, description: text.optional() });

// 災害時のお知らせ: the text staff start from (they may edit it) when they send a disaster
// notice to everyone opted in. LINE's limit on one text message is 5,000 UTF-16 units.
const disasterNotice = z.strictObject({ text: text.max(LINE_TEXT_MAX, 'LINE accepts at most 5,000 characters in one message') });

// ---- Bookable services (consultations residents can book) ----

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A time window in which slots start back to back; maxSlots caps how many (e.g. 3 of 45 minutes). */
const bookingWindow = z
  .strictObject({ from: hhmmFrom, to: hhmmTo, maxSlots: z.number().int().min(1, 'maxSlots must be at least 1').optional() })
  .refine((r) => inOrder(r.from, r.to), { message: '"from" must be earlier than "to"', path: ['to'] });

const bookingWindows = z.array(bookingWindow).default([]);

const monthlyRule = z
  .strictObject({
    // 1 = first … 5 = fifth; months without a fifth such weekday have none.
    nth: z.number().int().min(1, 'nth is 1 (first) to 5 (fifth)').max(5, 'nth is 1 (first) to 5 (fifth)'),
    weekday,
    from: hhmmFrom,
    to: hhmmTo,
    maxSlots: z.number().int().min(1, 'maxSlots must be at least 1').optional(),
  })
  .refine((r) => inOrder(r.from, r.to), { message: '"from" must be earlier than "to"', path: ['to'] });

const datedSession = z
  .strictObject({
    date: isoDate,
    from: hhmmFrom,
    to: hhmmTo,
    maxSlots: z.number().int().min(1, 'maxSlots must be at least 1').optional(),
    staffNote: text.optional(),
  })
  .refine((r) => inOrder(r.from, r.to), { message: '"from" must be earlier than "to"', path: ['to'] });

/**
 * When a LINE booking gets a reminder push, in Tokyo time: the day before and, if set,
 * on the morning itself. A service's own setting replaces the profile's ({} = none).
 */
const bookingReminders = z.strictObject({ dayBefore: hhmmFrom.optional(), morningOf: hhmmFrom.optional() });

const bookableService = z
  .strictObject({
    id,
    name: text, // resident-facing, e.g. 予約面接
    departmentId: id,
    counselor: text.optional(), // e.g. 司法書士
    description: text.optional(), // resident-facing: what the consultation is for
    place: z.strictObject({ address: text, mapUrl: z.url().optional(), note: text.optional() }),
    whatToBring: text.optional(),
    slotMinutes: z.number().int().min(5, 'slotMinutes must be at least 5').max(480, 'slotMinutes must be at most 480 (8 hours)'),
    seatsPerSlot: z.number().int().min(1, 'seatsPerSlot must be at least 1').max(50, 'seatsPerSlot must be at most 50').default(1),
    bookAheadDays: z.number().int().min(1, 'bookAheadDays (how far ahead residents may book) must be at least 1').max(366),
    minNoticeHours: z.number().int().min(0, 'minNoticeHours (how soon before the start one may book) must be 0 or more').max(24 * 30),
    // Each weekday's windows; the department's closedWeekdays must have none.
    weekly: z
      .strictObject({
        mon: bookingWindows,
        tue: bookingWindows,
        wed: bookingWindows,
        thu: bookingWindows,
        fri: bookingWindows,
        sat: bookingWindows,
        sun: bookingWindows,
      })
      .default({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }),
    monthly: z.array(monthlyRule).default([]),
    // Dated sessions are set by the council for a day, so they may fall on a closed weekday.
    sessions: z.array(datedSession).default([]),
    // Days this service alone does not run (the department's closures apply too).
    closures: z.array(isoDate).default([]),
    reminders: bookingReminders.optional(),
    note: text.optional(),
    sourceNote: text.optional(),
  })
  .superRefine((s, ctx) => {
    const tooShort = (path: (string | number)[], w: { from: string; to: string }) => {
      if (wellFormed(w.from, w.to) && w.from < w.to && minutesOf(w.to) - minutesOf(w.from) < s.slotMinutes) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `The window ${w.from}-${w.to} is shorter than one slot (${s.slotMinutes} minutes), so nobody could book it`,
        });
      }
    };
    for (const day of WEEKDAYS) {
      const windows = s.weekly[day];
      windows.forEach((w, i) => {
        tooShort(['weekly', day, i], w);
        const prev = windows[i - 1];
        if (prev && wellFormed(prev.to, w.from) && w.from < prev.to) {
          ctx.addIssue({
            code: 'custom',
            path: ['weekly', day, i, 'from'],
            message: `Windows must be in order and must not overlap (${prev.from}-${prev.to} then ${w.from}-${w.to})`,
          });
        }
      });
    }
    s.monthly.forEach((r, i) => tooShort(['monthly', i], r));
    s.sessions.forEach((r, i) => tooShort(['sessions', i], r));
    const hasAny = WEEKDAYS.some((d) => s.weekly[d].length > 0) || s.monthly.length > 0 || s.sessions.length > 0;
    if (!hasAny) {
      ctx.addIssue({ code: 'custom', path: ['weekly'], message: 'Give weekly windows, monthly rules or dated sessions; otherwise nothing can be booked' });
    }
  });

const council = z.strictObject({
  id,
  name: text,
  shortName: text,
  phone,
  address: text,
  website: z.url().optional(),
  motto: text.optional(),
  // Test fixtures set this so a deployment can refuse them.
  fictional: z.boolean().default(false),
});

const councilProfileBase = z.strictObject({
  council,
  toBeConfirmed: text,
  accountHours,
  departments: z.array(department).min(1),
  routes: z.record(z.enum(CATEGORIES), route),
  areas: z.array(area).min(1),
  hotlines: z.array(hotline).min(1),
  // Lines for the distress safety net (someone worn out or hopeless, no crisis recognised):
  // lines that listen to any worry, ideally around the clock. Empty: the lines for suicide.
  distressHotlineIds: z.array(id).default([]),
  privacy,
  eventKinds: z.array(eventKind).min(1),
  disasterNotice,
  suggestedEventKinds: z.partialRecord(z.enum(CATEGORIES), z.array(id)).default({}),
  bookableServices: z.array(bookableService).default([]),
  reminders: bookingReminders.default({}),
});

type ProfileOut = z.output<typeof councilProfileBase>;

function checkUnique(items: readonly { id: string }[], path: (string | number)[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `Duplicate id "${item.id}"` });
    }
    seen.add(item.id);
  });
}

function known(ids: ReadonlySet<string>): string {
  return [...ids].join(', ');
}

/** A service must not offer times its department is closed. */
function checkBookableService(p: ProfileOut, s: ProfileOut['bookableServices'][number], i: number, ctx: z.RefinementCtx): void {
  const dept = p.departments.find((d) => d.id === s.departmentId);
  if (!dept) {
    const ids = p.departments.map((d) => d.id).join(', ');
    ctx.addIssue({
      code: 'custom',
      path: ['bookableServices', i, 'departmentId'],
      message: `Department "${s.departmentId}" does not exist. Known departments: ${ids}`,
    });
    return;
  }
  for (const day of dept.closedWeekdays) {
    if (s.weekly[day].length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['bookableServices', i, 'weekly', day],
        message: `${dept.id} is closed on "${day}" (its closedWeekdays), so this service cannot have windows on "${day}"`,
      });
    }
  }
  s.monthly.forEach((r, j) => {
    if (dept.closedWeekdays.includes(r.weekday)) {
      ctx.addIssue({
        code: 'custom',
        path: ['bookableServices', i, 'monthly', j, 'weekday'],
        message: `${dept.id} is closed on "${r.weekday}" (its closedWeekdays), so a monthly rule cannot fall on it`,
      });
    }
  });
  s.sessions.forEach((session, j) => {
    const holiday = dept.closedOnHolidays ? isHoliday(session.date) : null;
    const yearEnd = inYearEnd(session.date, dept.yearEndClosure);
    const closed = [...dept.closures, ...s.closures].includes(session.date);
    if (holiday || yearEnd || closed) {
      const why = holiday ? `a holiday (${holiday.name})` : yearEnd ? 'in the year-end closure' : 'a listed closure';
      ctx.addIssue({
        code: 'custom',
        path: ['bookableServices', i, 'sessions', j, 'date'],
        message: `${session.date} is ${why} and ${dept.id} is closed then; pick another date`,
      });
    }
  });
}

function checkCrossReferences(p: ProfileOut, ctx: z.RefinementCtx): void {
  checkUnique(p.departments, ['departments'], ctx);
  checkUnique(p.areas, ['areas'], ctx);
  checkUnique(p.hotlines, ['hotlines'], ctx);
  checkUnique(p.eventKinds, ['eventKinds'], ctx);
  checkUnique(p.bookableServices, ['bookableServices'], ctx);

  const deptIds = new Set(p.departments.map((d) => d.id));
  const areaIds = new Set(p.areas.map((a) => a.id));
  const hotlineIds = new Set(p.hotlines.map((h) => h.id));
  const eventKindIds = new Set(p.eventKinds.map((e) => e.id));
  const missingDept = (ref: string) => `Department "${ref}" does not exist. Known departments: ${known(deptIds)}`;

  p.departments.forEach((d, i) => {
    if (d.parentId !== undefined && (d.parentId === d.id || !deptIds.has(d.parentId))) {
      ctx.addIssue({ code: 'custom', path: ['departments', i, 'parentId'], message: missingDept(d.parentId) });
    }
    d.areaIds.forEach((a, j) => {
      if (!areaIds.has(a)) {
        ctx.addIssue({
          code: 'custom',
          path: ['departments', i, 'areaIds', j],
          message: `Area "${a}" does not exist. Known areas: ${known(areaIds)}`,
        });
      }
    });
    checkUnique(d.serviceHours, ['departments', i, 'serviceHours'], ctx);
  });

  for (const category of CATEGORIES) {
    for (const [name, target] of Object.entries(p.routes[category])) {
      if (!deptIds.has(target)) {
        ctx.addIssue({ code: 'custom', path: ['routes', category, name], message: missingDept(target) });
      }
    }
  }

  p.accountHours.afterHoursHotlineIds.forEach((h, i) => {
    if (!hotlineIds.has(h)) {
      ctx.addIssue({
        code: 'custom',
        path: ['accountHours', 'afterHoursHotlineIds', i],
        message: `Hotline "${h}" does not exist. Known hotlines: ${known(hotlineIds)}`,
      });
    }
  });

  p.distressHotlineIds.forEach((h, i) => {
    if (!hotlineIds.has(h)) {
      ctx.addIssue({
        code: 'custom',
        path: ['distressHotlineIds', i],
        message: `Hotline "${h}" does not exist. Known hotlines: ${known(hotlineIds)}`,
      });
    }
  });

  // A crisis must never find no number to offer.
  for (const kind of CRISIS_KINDS) {
    if (!p.hotlines.some((h) => h.crisisKinds.includes(kind))) {
      ctx.addIssue({
        code: 'custom',
        path: ['hotlines'],
        message: `No hotline covers the crisis kind "${kind}"; add it to some hotline's crisisKinds`,
      });
    }
  }

  for (const [category, kinds] of Object.entries(p.suggestedEventKinds)) {
    (kinds ?? []).forEach((k, i) => {
      if (!eventKindIds.has(k)) {
        ctx.addIssue({
          code: 'custom',
          path: ['suggestedEventKinds', category, i],
          message: `Event kind "${k}" does not exist. Known event kinds: ${known(eventKindIds)}`,
        });
      }
    });
  }

  p.bookableServices.forEach((service, i) => checkBookableService(p, service, i, ctx));

  p.privacy.providers.forEach((provider, i) => {
    if (!p.privacy.noticeText.includes(provider)) {
      ctx.addIssue({
        code: 'custom',
        path: ['privacy', 'providers', i],
        message: `The notice text must name the provider "${provider}" so residents can see who holds their data`,
      });
    }
  });
}

export const councilProfileSchema = councilProfileBase.superRefine(checkCrossReferences);

export type CouncilProfile = z.output<typeof councilProfileSchema>;
export type CouncilProfileInput = z.input<typeof councilProfileSchema>;
export type Department = CouncilProfile['departments'][number];
export type Area = CouncilProfile['areas'][number];
export type Hotline = CouncilProfile['hotlines'][number];
export type EventKind = CouncilProfile['eventKinds'][number];
export type Route = CouncilProfile['routes'][keyof CouncilProfile['routes']];
export type AccountHours = CouncilProfile['accountHours'];
export type BookableServiceConfig = CouncilProfile['bookableServices'][number];
export type BookingReminderTimes = CouncilProfile['reminders'];
export type WeeklyHours = WeeklyHoursOut;
export type TimeRange = z.output<typeof timeRange>;
export type YearEndClosure = z.output<typeof yearEndClosure>;

/** What opening-hours logic needs; departments and the LINE account both fit it. */
export interface Schedule {
  hours: WeeklyHours;
  closedWeekdays: readonly Weekday[];
  closedOnHolidays: boolean;
  yearEndClosure?: YearEndClosure | undefined;
  closures: readonly string[];
}
