import type { Context } from 'hono';
import type { Audience } from '../../broadcasts/audience';
import { MAX_TEXT_LENGTH } from '../../broadcasts/create';
import { ALL_TOPICS } from '../../db/schema';
import type { CouncilProfile } from '../../profile/schema';
import { tokyoDate } from '../../time/tokyo';
import type { EventOption } from './broadcast-data';

/** The compose form as typed: kept as strings so a form with errors comes back unchanged. */
export interface ComposeValues {
  text: string;
  /** The event shown as a card under the text; '' for none. */
  eventId: string;
  audienceType: string;
  areas: string[];
  kinds: string[];
  /** For audienceType 'event': whose participants hear it. */
  audienceEventId: string;
  when: string;
  date: string;
  time: string;
  requestKey: string;
}

export type ComposeField = 'text' | 'eventId' | 'audience' | 'when';
export type ComposeErrors = Partial<Record<ComposeField, string>>;

export interface ComposeInput {
  text: string;
  eventId: string | null;
  audience: Audience;
  scheduledAt: Date;
  /** True when "send now" was chosen. */
  now: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function emptyCompose(): ComposeValues {
  return { text: '', eventId: '', audienceType: 'segment', areas: [], kinds: [], audienceEventId: '', when: 'now', date: '', time: '', requestKey: crypto.randomUUID() };
}

/** A missing or malformed key gets a fresh one (a double submit then cannot be recognised, but nothing is lost). */
export const requestKeyOf = (v: string | undefined) => (v && UUID.test(v) ? v : crypto.randomUUID());

const one = (v: unknown) => (typeof v === 'string' ? v : '');
const many = (v: unknown) => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

export async function readComposeForm(c: Context): Promise<ComposeValues> {
  const b = await c.req.parseBody({ all: true });
  // Only checkbox groups repeat; the last value of anything else wins, as a browser would send it once.
  const last = (k: string) => one(many(b[k]).at(-1));
  return {
    text: last('text'),
    eventId: last('eventId'),
    audienceType: last('audienceType'),
    areas: many(b.areas),
    kinds: many(b.kinds),
    audienceEventId: last('audienceEventId'),
    when: last('when'),
    date: last('date'),
    time: last('time'),
    requestKey: requestKeyOf(last('requestKey')),
  };
}

/** The notice text's own checks, shared by the compose form and the disaster notice. */
export function checkNoticeText(text: string): string | undefined {
  const n = text.trim().length;
  if (n === 0) return 'お知らせの本文を入力してください。';
  if (n > MAX_TEXT_LENGTH) return `本文は${MAX_TEXT_LENGTH.toLocaleString('ja-JP')}文字以内にしてください（いま${n.toLocaleString('ja-JP')}文字です）。`;
  return undefined;
}

/** Chosen ids that the profile knows; an empty list (the audience's "any") when "all" was ticked. */
function topics(chosen: string[], known: readonly { id: string }[]): string[] | undefined {
  if (chosen.includes(ALL_TOPICS)) return [];
  const ids = new Set(known.map((k) => k.id));
  const picked = [...new Set(chosen)];
  return picked.length > 0 && picked.every((id) => ids.has(id)) ? picked : undefined;
}

function audienceOf(v: ComposeValues, profile: CouncilProfile, events: readonly EventOption[]): Audience | string {
  if (v.audienceType === 'all') return { type: 'all' };
  if (v.audienceType === 'event') {
    return events.some((e) => e.id === v.audienceEventId) ? { type: 'event', eventId: v.audienceEventId } : '参加者に送るイベントを選んでください。';
  }
  if (v.audienceType !== 'segment') return '宛先を選んでください。';
  const areas = topics(v.areas, profile.areas);
  const kinds = topics(v.kinds, profile.eventKinds);
  if (!areas && !kinds) return '地区と種類を、それぞれ1つ以上選んでください。';
  if (!areas) return '地区を1つ以上選んでください（「すべての地区」も選べます）。';
  if (!kinds) return '種類を1つ以上選んでください（「すべての種類」も選べます）。';
  return { type: 'segment', areas, kinds };
}

function scheduleOf(v: ComposeValues, now: Date): Date | string {
  if (v.when === 'now') return now;
  if (v.when !== 'later') return '送る時を選んでください。';
  let at: Date;
  try {
    at = tokyoDate(v.date, v.time);
  } catch {
    return '送る日付と時刻を入力してください（日本時間）。';
  }
  if (at.getTime() <= now.getTime()) return '送る日時は、いまより後にしてください（すぐに送るときは「すぐに送る」を選んでください）。';
  return at;
}

/** Either what to create, or a message per field that was wrong. */
export function checkCompose(
  v: ComposeValues,
  ctx: { profile: CouncilProfile; events: readonly EventOption[]; now: Date },
): { ok: true; input: ComposeInput } | { ok: false; errors: ComposeErrors } {
  const errors: ComposeErrors = {};
  const textError = checkNoticeText(v.text);
  if (textError) errors.text = textError;
  if (v.eventId && !ctx.events.some((e) => e.id === v.eventId)) {
    errors.eventId = 'このイベントは、いまは選べません（公開をやめたか、終わりました）。もう一度選んでください。';
  }
  const audience = audienceOf(v, ctx.profile, ctx.events);
  if (typeof audience === 'string') errors.audience = audience;
  const scheduledAt = scheduleOf(v, ctx.now);
  if (typeof scheduledAt === 'string') errors.when = scheduledAt;
  if (Object.keys(errors).length > 0 || typeof audience === 'string' || typeof scheduledAt === 'string') return { ok: false, errors };
  return { ok: true, input: { text: v.text.trim(), eventId: v.eventId || null, audience, scheduledAt, now: v.when === 'now' } };
}
