import { z } from 'zod';
import { eventMapUri } from '../line/cards/event-card';
import type { CouncilProfile } from '../profile/schema';
import { tokyoDate, tokyoParts } from '../time/tokyo';

/** The staff event form's fields, as posted (all strings). */
export const EVENT_FORM_FIELDS = [
  'title',
  'kind',
  'areaId',
  'placeName',
  'address',
  'mapUrl',
  'startDate',
  'startTime',
  'endDate',
  'endTime',
  'capacity',
  'fee',
  'audience',
  'description',
  'imageUrl',
] as const;
export type EventFormField = (typeof EVENT_FORM_FIELDS)[number];
export type EventFormValues = Record<EventFormField, string>;
export type EventFormErrors = Partial<Record<EventFormField, string>>;

/** What staff may set on an event (the rest — status, version, times of changes — is the service's). */
export interface EventFields {
  title: string;
  kind: string;
  areaId: string;
  placeName: string;
  address: string | null;
  mapUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  fee: string | null;
  audience: string | null;
  description: string | null;
  imageUrl: string | null;
}

// Lengths a LINE Flex card shows without cutting (src/line/cards/event-card.ts cuts longer text).
export const EVENT_LIMITS = {
  title: 40,
  placeName: 60,
  address: 80,
  fee: 40,
  audience: 60,
  description: 1000,
  // LINE's limit for a URI action.
  url: 1000,
  capacity: 10_000,
} as const;

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label}を入力してください。`)
    .max(max, `${label}は${max}文字以内で入力してください。`);

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}は${max}文字以内で入力してください。`)
    .transform((s) => s || null);

const isHttps = (s: string) => URL.canParse(s) && new URL(s).protocol === 'https:';

const optionalHttps = (label: string) =>
  z
    .string()
    .trim()
    .max(EVENT_LIMITS.url, `${label}は${EVENT_LIMITS.url}文字以内にしてください。`)
    .refine((s) => s === '' || isHttps(s), `${label}は https:// で始まるURLを入力してください。`)
    .transform((s) => s || null);

// Dates and times may be typed (older browsers show plain text boxes), so full-width digits are folded.
const folded = (s: string) => s.normalize('NFKC').trim();
/** 9:30 and 09:30:00 (a time input with seconds) read as 09:30. */
const normalTime = (s: string) => {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(folded(s));
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : folded(s);
};

function readsAs(date: string, time: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time) || time === '24:00') return false;
  try {
    tokyoDate(date, time);
    return true;
  } catch {
    return false;
  }
}

const dateField = (label: string, required: boolean) =>
  z
    .string()
    .refine((s) => !required || folded(s) !== '', `${label}を入力してください。`)
    .refine((s) => folded(s) === '' || readsAs(folded(s), '00:00'), `${label}を「2026-12-05」の形で入力してください。`);
const timeField = (label: string) =>
  z
    .string()
    .refine((s) => folded(s) !== '', `${label}を入力してください。`)
    .refine((s) => folded(s) === '' || readsAs('2000-01-01', normalTime(s)), `${label}を「14:00」の形で入力してください。`);

function eventFormSchema(profile: CouncilProfile) {
  const kinds = new Set(profile.eventKinds.map((k) => k.id));
  const areas = new Set(profile.areas.map((a) => a.id));
  return z.object({
    title: text('題名', EVENT_LIMITS.title),
    kind: z.string().refine((k) => kinds.has(k), '種類を選んでください。'),
    areaId: z.string().refine((a) => areas.has(a), '地区を選んでください。'),
    placeName: text('場所の名前', EVENT_LIMITS.placeName),
    address: optionalText('住所', EVENT_LIMITS.address),
    mapUrl: optionalHttps('地図のリンク'),
    startDate: dateField('開始日', true),
    startTime: timeField('開始時刻'),
    endDate: dateField('終了日', false),
    endTime: timeField('終了時刻'),
    capacity: z
      .string()
      .transform(folded)
      .refine(
        (s) => s === '' || (/^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= EVENT_LIMITS.capacity),
        `定員は1から${EVENT_LIMITS.capacity}までの数字で入力してください（制限がなければ空欄）。`,
      ),
    fee: optionalText('参加費', EVENT_LIMITS.fee),
    audience: optionalText('対象', EVENT_LIMITS.audience),
    description: optionalText('内容', EVENT_LIMITS.description),
    imageUrl: optionalHttps('画像のURL'),
  });
}

/** The posted form as strings, every field present (what the page shows back when something is wrong). */
export function eventFormValues(form: Record<string, string>): EventFormValues {
  return Object.fromEntries(EVENT_FORM_FIELDS.map((f) => [f, form[f] ?? ''])) as EventFormValues;
}

export type EventFormResult = { ok: true; fields: EventFields } | { ok: false; errors: EventFormErrors };

export interface EventFormTime {
  now: Date;
  /** The start already saved (edits): it may stay in the past; a new or moved start must be ahead. */
  savedStart?: Date;
}

/**
 * Checks the staff form: each field's message goes next to that field, and every problem
 * is reported at once (the order of start and end too, whenever both can be read). Times
 * are Tokyo wall-clock times whatever the server's zone. An empty map link is made from
 * the address (a map search), so staff can see and change the link residents get.
 */
export function parseEventForm(profile: CouncilProfile, values: EventFormValues, when: EventFormTime): EventFormResult {
  const parsed = eventFormSchema(profile).safeParse(values);
  const errors: EventFormErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path[0] as EventFormField] ??= issue.message;
  }
  const startDate = folded(values.startDate);
  const endDate = folded(values.endDate) || startDate;
  const canRead = !errors.startDate && !errors.startTime && !errors.endDate && !errors.endTime;
  const startsAt = canRead ? tokyoDate(startDate, normalTime(values.startTime)) : null;
  const endsAt = canRead ? tokyoDate(endDate, normalTime(values.endTime)) : null;
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) errors.endTime = '終わりの日時は、始まりより後にしてください。';
  if (startsAt && startsAt.getTime() <= when.now.getTime() && startsAt.getTime() !== when.savedStart?.getTime()) {
    errors.startDate = '始まりの日時が過ぎています。これからの日時を入力してください。';
  }
  if (!parsed.success || !startsAt || !endsAt || Object.keys(errors).length) return { ok: false, errors };
  const d = parsed.data;
  const mapUrl = d.mapUrl ?? (d.address ? eventMapUri({ mapUrl: null, address: d.address, placeName: d.placeName }) : null);
  return {
    ok: true,
    fields: {
      title: d.title,
      kind: d.kind,
      areaId: d.areaId,
      placeName: d.placeName,
      address: d.address,
      mapUrl,
      startsAt,
      endsAt,
      capacity: d.capacity === '' ? null : Number(d.capacity),
      fee: d.fee,
      audience: d.audience,
      description: d.description,
      imageUrl: d.imageUrl,
    },
  };
}

/** An event's fields as the form shows them (Tokyo date and time). */
export function eventToFormValues(e: EventFields): EventFormValues {
  return {
    title: e.title,
    kind: e.kind,
    areaId: e.areaId,
    placeName: e.placeName,
    address: e.address ?? '',
    mapUrl: e.mapUrl ?? '',
    startDate: tokyoParts(e.startsAt).isoDate,
    startTime: tokyoParts(e.startsAt).hhmm,
    endDate: tokyoParts(e.endsAt).isoDate,
    endTime: tokyoParts(e.endsAt).hhmm,
    capacity: e.capacity === null ? '' : String(e.capacity),
    fee: e.fee ?? '',
    audience: e.audience ?? '',
    description: e.description ?? '',
    imageUrl: e.imageUrl ?? '',
  };
}
