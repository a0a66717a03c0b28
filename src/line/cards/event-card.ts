import type { messagingApi } from '@line/bot-sdk';
import type { EventRow } from '../../db/schema';
import { encodePostback, type EventAction } from '../../engine/postback';
import type { SeatCounts } from '../../events/seats';
import type { CouncilProfile } from '../../profile/schema';
import { formatTokyo, tokyoParts } from '../../time/tokyo';

type FlexComponent = messagingApi.FlexComponent;

export interface EventCardContext {
  profile: CouncilProfile;
  /** Seats taken and waiting; without it the card shows the capacity only. */
  seats?: SeatCounts;
  now: Date;
  /** The details view: the description, and no 詳しく見る button. */
  detailed?: boolean;
  /** The resident's own RSVP: the card then offers 参加をやめる instead of 参加する. */
  mine?: 'going' | 'waitlisted';
}

// LINE caps a carousel at 12 bubbles and 50 KB of JSON (the emulator checks the same).
const MAX_BUBBLES = 12;
const CAROUSEL_MAX_BYTES = 50 * 1024;
// Long staff texts are cut on the card so twelve cards always fit; the details show more.
const CARD_LIMITS = { title: 50, line: 60, description: 1500 } as const;
const MUTED = '#666666';

const text = (t: string, extra: Partial<messagingApi.FlexText> = {}): messagingApi.FlexText => ({ type: 'text', text: t, wrap: true, ...extra });
const cut = (s: string, max: number): string => ([...s].length > max ? `${[...s].slice(0, max - 1).join('')}…` : s);
const label = (t: string): messagingApi.FlexText => text(t, { size: 'xs', color: MUTED, margin: 'md' });

/** 「12月5日（金）14:00〜16:00」, with the end date too when it ends on another day (Tokyo time). */
export function eventWhen(event: Pick<EventRow, 'startsAt' | 'endsAt'>): string {
  const sameDay = tokyoParts(event.startsAt).isoDate === tokyoParts(event.endsAt).isoDate;
  return `${formatTokyo(event.startsAt, 'M月D日（ddd）H:mm')}〜${formatTokyo(event.endsAt, sameDay ? 'H:mm' : 'M月D日（ddd）H:mm')}`;
}

export const eventKindName = (profile: CouncilProfile, kind: string): string => profile.eventKinds.find((k) => k.id === kind)?.name ?? 'イベント';
export const eventAreaName = (profile: CouncilProfile, areaId: string): string => profile.areas.find((a) => a.id === areaId)?.name ?? '';

/** A map link: the one staff gave (https only), else a map search for the address or place. */
export function eventMapUri(event: Pick<EventRow, 'mapUrl' | 'address' | 'placeName'>): string {
  if (event.mapUrl && URL.canParse(event.mapUrl) && new URL(event.mapUrl).protocol === 'https:') return event.mapUrl;
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(cut(event.address ?? event.placeName, CARD_LIMITS.line))}`;
}

/** Why residents can no longer join, or null while they can. */
export function eventClosedReason(event: Pick<EventRow, 'status' | 'startsAt'>, now: Date): string | null {
  if (event.status === 'cancelled') return 'このイベントは中止になりました。';
  if (event.status !== 'published') return 'このイベントは、いまはご案内していません。';
  if (event.startsAt.getTime() <= now.getTime()) return 'このイベントは、もう始まっているか、終わっています。';
  return null;
}

/** 「残り3席」「満席・キャンセル待ちできます」「定員20名」, or null when there is no limit. */
export function seatsLine(capacity: number | null, seats: SeatCounts | undefined): string | null {
  if (capacity === null) return null;
  if (!seats) return `定員${capacity}名`;
  const left = capacity - seats.going;
  return left > 0 ? `残り${left}席（定員${capacity}名）` : '満席・キャンセル待ちできます';
}

const postbackButton = (action: EventAction, eventId: string, buttonLabel: string, style: 'primary' | 'secondary' | 'link'): FlexComponent => ({
  type: 'button',
  style,
  height: 'sm',
  action: { type: 'postback', label: buttonLabel, data: encodePostback({ kind: 'event', action, eventId }), displayText: buttonLabel },
});

/** One event as a Flex bubble: what, when (Tokyo), where with a map, fee, for whom, seats, and the buttons. */
export function eventBubble(event: EventRow, ctx: EventCardContext): messagingApi.FlexBubble {
  const closed = eventClosedReason(event, ctx.now);
  const area = eventAreaName(ctx.profile, event.areaId);
  const body: FlexComponent[] = [
    text(`${eventKindName(ctx.profile, event.kind)}${area ? `・${area}` : ''}`, { size: 'xs', color: MUTED }),
    text(cut(event.title, CARD_LIMITS.title), { size: 'lg', weight: 'bold' }),
    label('日時'),
    text(eventWhen(event), { size: 'sm', weight: 'bold' }),
    label('場所'),
    text(cut(event.placeName, CARD_LIMITS.line), { size: 'sm' }),
  ];
  if (event.address) body.push(text(cut(event.address, CARD_LIMITS.line), { size: 'xs', color: MUTED }));
  body.push(text('地図を見る', { size: 'sm', color: '#1A6FB5', decoration: 'underline', action: { type: 'uri', label: '地図を見る', uri: eventMapUri(event) } }));
  if (event.fee) body.push(label('参加費'), text(cut(event.fee, CARD_LIMITS.line), { size: 'sm' }));
  if (event.audience) body.push(label('対象'), text(cut(event.audience, CARD_LIMITS.line), { size: 'sm' }));
  if (ctx.detailed && event.description) body.push(label('内容'), text(cut(event.description, CARD_LIMITS.description), { size: 'sm' }));
  const seats = seatsLine(event.capacity, ctx.seats);
  if (closed) body.push(text(closed, { size: 'sm', weight: 'bold', color: '#B00020', margin: 'md' }));
  else if (ctx.mine) body.push(text(ctx.mine === 'going' ? '参加のお申し込みをいただいています。' : 'キャンセル待ちでお申し込みをいただいています。', { size: 'sm', weight: 'bold', color: '#1B7F3B', margin: 'md' }));
  else if (seats) body.push(text(seats, { size: 'sm', weight: 'bold', color: seats.startsWith('満席') ? '#B00020' : '#1B7F3B', margin: 'md' }));

  const footer: FlexComponent[] = [];
  if (!ctx.detailed) footer.push(postbackButton('details', event.id, '詳しく見る', 'secondary'));
  if (!closed) footer.push(ctx.mine ? postbackButton('leave', event.id, '参加をやめる', 'link') : postbackButton('join', event.id, '参加する', 'primary'));

  const hero: messagingApi.FlexImage | undefined =
    event.imageUrl && URL.canParse(event.imageUrl) && new URL(event.imageUrl).protocol === 'https:'
      ? { type: 'image', url: event.imageUrl, size: 'full', aspectRatio: '20:13', aspectMode: 'cover' }
      : undefined;
  return {
    type: 'bubble',
    ...(hero ? { hero } : {}),
    body: { type: 'box', layout: 'vertical', spacing: 'xs', contents: body },
    ...(footer.length ? { footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: footer } } : {}),
  };
}

/** One event as a message (a broadcast's card, or the details). */
export function eventMessage(event: EventRow, ctx: EventCardContext): messagingApi.FlexMessage {
  return { type: 'flex', altText: cut(`${event.title}（${eventWhen(event)}）`, 400), contents: eventBubble(event, ctx) };
}

/** What one card shows: the event, seats taken, and the resident's own RSVP. */
export interface EventCardInput {
  event: EventRow;
  seats?: SeatCounts;
  mine?: 'going' | 'waitlisted';
}

/** Up to 12 events as a carousel, dropping cards from the end until the JSON fits LINE's 50 KB. */
export function eventCarousel(cards: readonly EventCardInput[], ctx: { profile: CouncilProfile; now: Date }): messagingApi.FlexMessage | null {
  const bubbles = cards.slice(0, MAX_BUBBLES).map((c) => eventBubble(c.event, { ...ctx, ...(c.seats ? { seats: c.seats } : {}), ...(c.mine ? { mine: c.mine } : {}) }));
  const size = () => new TextEncoder().encode(JSON.stringify({ type: 'carousel', contents: bubbles })).length;
  while (bubbles.length > 1 && size() > CAROUSEL_MAX_BYTES) bubbles.pop();
  if (bubbles.length === 0) return null;
  return {
    type: 'flex',
    altText: `イベント・サロンのご案内（${bubbles.length}件）`,
    contents: { type: 'carousel', contents: bubbles },
  };
}
