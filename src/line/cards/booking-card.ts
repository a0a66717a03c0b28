import type { messagingApi } from '@line/bot-sdk';
import { findBookableService } from '../../booking/service';
import { encodePostback } from '../../engine/postback';
import type { SessionVars } from '../../engine/flow-types';
import { contactPhone, getDepartment } from '../../profile/lookup';
import type { CouncilProfile } from '../../profile/schema';
import { formatTokyo, tokyoDate } from '../../time/tokyo';
import { telUri } from './tel';

type FlexComponent = messagingApi.FlexComponent;

const text = (t: string, extra: Partial<messagingApi.FlexText> = {}): messagingApi.FlexText => ({ type: 'text', text: t, wrap: true, ...extra });

export interface BookingFacts {
  serviceName: string;
  /** 「12月2日(水) 13:30〜14:15」 */
  when: string;
  contact: string;
}

/** The booking in the session, in words (null when the session holds no complete booking). */
export function bookingFacts(profile: CouncilProfile, vars: SessionVars): BookingFacts | null {
  const service = vars.serviceId ? findBookableService(profile, vars.serviceId) : undefined;
  if (!service || !vars.date || !vars.time) return null;
  const start = tokyoDate(vars.date, vars.time);
  const end = new Date(start.getTime() + service.slotMinutes * 60_000);
  return {
    serviceName: service.name,
    when: `${formatTokyo(start)}〜${formatTokyo(end, 'H:mm')}`,
    contact: vars.contact === 'phone' ? 'お電話' : 'LINE',
  };
}

/** The confirmation: service, date and time (Tokyo), place and map, what to bring, how to change or cancel. */
export function bookingCard(profile: CouncilProfile, vars: SessionVars): messagingApi.Message[] {
  const facts = bookingFacts(profile, vars);
  const service = vars.serviceId ? findBookableService(profile, vars.serviceId) : undefined;
  if (!facts || !service) return [];
  const cfg = service.config;
  const dept = getDepartment(profile, service.departmentId);
  const phone = contactPhone(profile, dept);
  const body: FlexComponent[] = [
    text('日時', { size: 'xs', color: '#666666' }),
    text(facts.when, { size: 'md', weight: 'bold' }),
    text('場所', { size: 'xs', color: '#666666', margin: 'md' }),
    text(cfg.place.address, { size: 'sm' }),
  ];
  if (cfg.place.note) body.push(text(cfg.place.note, { size: 'xs', color: '#666666' }));
  if (cfg.whatToBring) body.push(text('お持ちいただくもの', { size: 'xs', color: '#666666', margin: 'md' }), text(cfg.whatToBring, { size: 'sm' }));
  body.push(
    text('ご連絡方法', { size: 'xs', color: '#666666', margin: 'md' }),
    text(facts.contact, { size: 'sm' }),
    { type: 'separator', margin: 'md' },
    text(`変更・キャンセルは、このLINEで「予約の確認・変更・キャンセル」と送ってください。お電話（${dept.name} ${phone.phone}）でも受け付けます。`, {
      size: 'xs',
      margin: 'md',
    }),
  );
  const mapUri = cfg.place.mapUrl ?? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(cfg.place.address)}`;
  const footer: FlexComponent[] = [
    { type: 'button', style: 'secondary', action: { type: 'uri', label: '地図を見る', uri: mapUri } },
    {
      type: 'button',
      style: 'link',
      action: { type: 'postback', label: '予約の確認・変更', data: encodePostback({ kind: 'global', intent: 'myBookings' }), displayText: '予約の確認・変更・キャンセル' },
    },
    { type: 'button', style: 'link', action: { type: 'uri', label: `電話する（${phone.phone}）`, uri: telUri(phone.phone) } },
  ];
  return [
    {
      type: 'flex',
      altText: `ご予約: ${facts.serviceName} ${facts.when}`.slice(0, 400),
      contents: {
        type: 'bubble',
        header: {
          type: 'box',
          layout: 'vertical',
          contents: [text('ご予約を受け付けました', { size: 'xs', color: '#1B7F3B' }), text(facts.serviceName, { size: 'lg', weight: 'bold' })],
        },
        body: { type: 'box', layout: 'vertical', spacing: 'xs', contents: body },
        footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: footer },
      },
    },
  ];
}
