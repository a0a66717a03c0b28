// Loads what the conversation engine asked for about events and notice settings (see
// src/engine/events.ts): areas and kinds to choose from, search results, one event,
// RSVPs and the resident's お知らせ設定.
import { ALL_TOPICS } from '../db/schema';
import type { BookingOption } from '../engine/booking';
import type { EventAnswer, EventCard, EventNeed, EventWhen } from '../engine/events';
import { findEvent, findJoinedEvents, findUpcomingEvents, myRsvpStatuses } from '../events/listing';
import { seatCounts } from '../events/seats';
import { eventClosedReason } from '../line/cards/event-card';
import { describeTopics } from '../notices/describe';
import { noticeSettingsOf } from '../notices/settings';
import type { EventRow } from '../db/schema';
import type { Category } from '../engine/taxonomy';
import { addIsoDays, tokyoDate, tokyoParts } from '../time/tokyo';
import { preStepEffects } from './effects';
import type { EventStepContext } from './event-rsvp';

// Nine per page and 「ほかの…」 (LINE shows 13 quick replies; the flows add up to three of their own).
const PER_PAGE = 9;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const label20 = (s: string): string => ([...s].length > 20 ? `${[...s].slice(0, 19).join('')}…` : s);
const options = (list: BookingOption[]): EventAnswer => ({ kind: 'options', options: list });

export async function answerEventNeed(ctx: EventStepContext, need: EventNeed): Promise<EventAnswer> {
  const { deps, resident, now } = ctx;
  const { db, profile } = deps;
  switch (need.kind) {
    case 'eventAreas':
      return options(paged(profile.areas, need.page, 'ほかの地区', (a) => ({ id: a.id, label: label20(a.name), set: { eventArea: a.id, page: 0 } })));
    case 'eventKinds':
      return options(paged(profile.eventKinds, need.page, 'ほかの種類', (k) => ({ id: k.id, label: label20(k.name), set: { eventKinds: [k.id], page: 0 } })));
    case 'noticeAreas':
      return options(checklist(profile.areas, need, 'ほかの地区', (selected) => ({ noticeAreas: selected })));
    case 'noticeKinds':
      return options(checklist(profile.eventKinds, need, 'ほかの種類', (selected) => ({ noticeKinds: selected })));
    case 'suggestedKinds':
      return { kind: 'suggestedKinds', kinds: profile.suggestedEventKinds[need.category as Category] ?? [] };
    case 'eventSearch': {
      const window = searchWindow(need.when, need.date, now);
      if (!window) return { kind: 'events', cards: [] };
      const found = await findUpcomingEvents(db, { area: need.area, kinds: need.kinds, ...window });
      return { kind: 'events', cards: await cardsFor(ctx, found) };
    }
    case 'myEvents':
      return { kind: 'events', cards: await cardsFor(ctx, await findJoinedEvents(db, resident.id, now)) };
    case 'event': {
      const event = await findEvent(db, need.eventId);
      if (!event || event.status === 'draft') return { kind: 'event', card: null, closed: event ? eventClosedReason(event, now) : 'このイベントは見つかりませんでした。' };
      const [card] = await cardsFor(ctx, [event]);
      return { kind: 'event', card: card ?? null, closed: eventClosedReason(event, now) };
    }
    case 'rsvp':
      return preStepEffects.joinEvent(ctx, need);
    case 'leaveEvent':
      return preStepEffects.leaveEvent(ctx, need);
    case 'noticeSettings': {
      const settings = await noticeSettingsOf(db, resident.id);
      const summary = settings.optedIn
        ? `いまは、次のお知らせをお送りしています。\n${describeTopics(profile, settings)}`
        : 'いまは、お知らせをお送りしていません。';
      return { kind: 'noticeSettings', ...settings, summary };
    }
  }
}

/** One page of choices, and 「ほかの…」 to the next page (round again after the last) when they do not fit on one. */
function paged<T>(items: readonly T[], page: number, moreLabel: string, toOption: (item: T) => BookingOption): BookingOption[] {
  if (items.length <= PER_PAGE + 1) return items.map(toOption);
  const pages = Math.ceil(items.length / PER_PAGE);
  const current = ((page % pages) + pages) % pages;
  return [
    ...items.slice(current * PER_PAGE, (current + 1) * PER_PAGE).map(toOption),
    { id: 'more', label: moreLabel, set: { page: (current + 1) % pages }, again: true },
  ];
}

/** Paged choices that each turn one item on or off (✓ on the chosen ones) and ask again. */
function checklist(
  items: readonly { id: string; name: string }[],
  need: { page: number; selected: readonly string[] },
  moreLabel: string,
  set: (selected: string[]) => BookingOption['set'],
): BookingOption[] {
  return paged(items, need.page, moreLabel, (item) => ({
    id: item.id,
    label: label20(`${need.selected.includes(item.id) ? '✓' : ''}${item.name}`),
    set: set(toggle(need.selected, item.id)),
    again: true,
  }));
}

/** Adds or removes an id; choosing one area or kind ends "all". */
function toggle(selected: readonly string[], id: string): string[] {
  const rest = selected.filter((s) => s !== ALL_TOPICS);
  return rest.includes(id) ? rest.filter((s) => s !== id) : [...rest, id];
}

/** Tokyo days: the next 7 or 31 days from today, one picked day (today or later), or anything ahead. */
function searchWindow(when: EventWhen, date: string | undefined, now: Date): { from: Date; to?: Date } | null {
  const today = tokyoParts(now).isoDate;
  switch (when) {
    case 'week':
      return { from: now, to: tokyoDate(addIsoDays(today, 8)) };
    case 'month':
      return { from: now, to: tokyoDate(addIsoDays(today, 32)) };
    case 'any':
      return { from: now };
    case 'date': {
      // The picker sends real days; anything else (a hand-made postback) finds nothing.
      if (!date || !ISO_DATE.test(date) || date < today || !isCalendarDay(date)) return null;
      const start = tokyoDate(date);
      return { from: start < now ? now : start, to: tokyoDate(addIsoDays(date, 1)) };
    }
  }
}

function isCalendarDay(isoDate: string): boolean {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

async function cardsFor(ctx: EventStepContext, found: EventRow[]): Promise<EventCard[]> {
  const ids = found.map((e) => e.id);
  const [seats, mine] = await Promise.all([seatCounts(ctx.deps.db, ids), myRsvpStatuses(ctx.deps.db, ctx.resident.id, ids)]);
  return found.map((event) => {
    const s = seats.get(event.id);
    const m = mine.get(event.id);
    return { event, ...(s ? { seats: s } : {}), ...(m ? { mine: m } : {}) };
  });
}
