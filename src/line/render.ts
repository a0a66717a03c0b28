import type { Out, SessionVars } from '../engine/flow-types';
import type { QuickChoice } from '../engine/step';
import { describeOpenStatus, scheduleStatus } from '../profile/opening-hours';
import { hotlinesFor, routeFor } from '../profile/lookup';
import { fillPlaceholders, type BookingPlaceholders } from '../profile/placeholders';
import type { CouncilProfile } from '../profile/schema';
import { bookingCard, bookingFacts } from './cards/booking-card';
import { departmentCard } from './cards/department-card';
import { eventCarousel, eventMessage } from './cards/event-card';
import { hotlinesCard } from './cards/hotlines-card';
import { LINE_MESSAGES_PER_REQUEST } from './limits';
import { safetyNetText, withSafetyNet } from './safety-net';
import type { LineMessage } from './port';
import { findBookableService } from '../booking/service';
import { formatTokyo, tokyoDate } from '../time/tokyo';
import { describeTopics } from '../notices/describe';


export interface RenderContext {
  profile: CouncilProfile;
  now: Date;
  vars: SessionVars;
  /** Where the resident stands in the counselor queue (the conversation service looks it up when a reply needs it). */
  queue?: QueueStanding;
}

export interface QueueStanding {
  /** 1 = next to be answered. */
  position: number;
  /** Typical wait from recent figures, in minutes; null when there are too few to say. */
  typicalWaitMinutes: number | null;
}

/** Engine output → LINE messages (at most five), with the choices as quick replies on the last one. */
export function renderReply(outbox: readonly Out[], choices: readonly QuickChoice[], ctx: RenderContext): LineMessage[] {
  const net = outbox.find((out) => out.type === 'safetyNet');
  const said = mergeTexts(outbox.flatMap((out) => render(out, ctx)));
  const messages = net ? withSafetyNet(said, safetyNetText(net, ctx.profile)) : said;
  const last = messages.at(-1);
  if (last && choices.length) {
    last.quickReply = {
      items: choices.map((c) => ({
        type: 'action',
        action: c.picker
          ? { type: 'datetimepicker', label: c.label, data: c.data, mode: c.picker.mode, ...(c.picker.min ? { min: c.picker.min, max: c.picker.max } : {}) }
          : { type: 'postback', label: c.label, data: c.data, displayText: c.label },
      })),
    };
  }
  return messages;
}

function render(out: Out, { profile, now, vars, queue }: RenderContext): LineMessage[] {
  switch (out.type) {
    case 'text':
      return [{ type: 'text', text: fillPlaceholders(out.text, profile, bookingPlaceholders(profile, vars)) }];
    case 'bookingSummary': {
      const facts = bookingFacts(profile, vars);
      if (!facts) return [];
      return [{ type: 'text', text: `相談：${facts.serviceName}\n日時：${facts.when}\nご連絡：${facts.contact}` }];
    }
    case 'bookingCard':
      return bookingCard(profile, vars);
    case 'bookingList':
    case 'bookingFailure':
    case 'eventResults':
    case 'myEvents':
    case 'eventDetails':
    case 'eventOutcome':
    case 'eventClosed':
    case 'noticeSummary':
      return []; // the engine turns these into text and cards
    case 'safetyNet':
      return []; // added last by renderReply, so it survives LINE's five-message limit
    case 'eventCards': {
      const [only] = out.cards;
      if (only && (out.detailed || out.cards.length === 1)) {
        const { event, ...card } = only;
        return [eventMessage(event, { profile, now, ...card, ...(out.detailed ? { detailed: true } : {}) })];
      }
      const carousel = eventCarousel(out.cards, { profile, now });
      return carousel ? [carousel] : [];
    }
    case 'noticeSelection':
      return [{ type: 'text', text: `いま選んでいるもの\n${describeTopics(profile, { areas: vars.noticeAreas ?? [], kinds: vars.noticeKinds ?? [] })}` }];
    case 'privacyNotice':
      return [{ type: 'text', text: profile.privacy.noticeText }];
    case 'department': {
      const prefer = [vars.route, vars.areaId].filter((p): p is string => Boolean(p));
      return [departmentCard(profile, routeFor(profile, vars.category ?? 'other', prefer), now)];
    }
    case 'hotlines':
      return [hotlinesCard(hotlinesFor(profile, out.kinds))];
    case 'accountStatus': {
      const status = scheduleStatus(profile.accountHours, now);
      const text = describeOpenStatus(status, now, 'line');
      if (status.open) return [{ type: 'text', text }];
      const lines = profile.hotlines.filter((h) => profile.accountHours.afterHoursHotlineIds.includes(h.id));
      const extra = lines.map((h) => `${h.name} ${h.number}（${h.hours}）`).join('\n');
      return [{ type: 'text', text: extra ? `${text}\nいますぐ話したいときは、こちらにお電話ください。\n${extra}` : text }];
    }
    case 'queuePosition':
      return queue ? [{ type: 'text', text: describeQueue(queue, scheduleStatus(profile.accountHours, now).open) }] : [];
  }
}

function bookingPlaceholders(profile: CouncilProfile, vars: SessionVars): BookingPlaceholders {
  const service = vars.serviceId ? findBookableService(profile, vars.serviceId) : undefined;
  const day = vars.date ? tokyoDate(vars.date) : undefined;
  return {
    ...(service ? { 'booking.service': service.name } : {}),
    ...(day && !Number.isNaN(day.getTime()) ? { 'booking.date': formatTokyo(day, 'M月D日(ddd)') } : {}),
    ...(vars.time ? { 'booking.time': vars.time.replace(/^0/, '') } : {}),
  };
}

/**
 * 「現在2番目です。」 and, while counselors are reading, a rough wait. Outside the hours the
 * wait is not given (no one is answering; accountStatus says when they will).
 */
export function describeQueue(queue: QueueStanding, counselorsReading: boolean): string {
  const where = `現在${queue.position}番目です。`;
  if (!counselorsReading) return where;
  const minutes = queue.typicalWaitMinutes;
  if (minutes === null) return `${where}お待ちいただく時間の目安は、いまはお伝えできません。なるべく早くお返事します。`;
  return `${where}最近は、相談員がお返事するまで${roughWait(minutes)}です（目安です）。`;
}

function roughWait(minutes: number): string {
  if (minutes < 5) return '5分以内';
  if (minutes < 60) return `およそ${Math.round(minutes / 5) * 5}分`;
  const halfHours = Math.round(minutes / 30);
  return `およそ${Math.floor(halfHours / 2)}時間${halfHours % 2 ? '半' : ''}`;
}

/** Joins neighbouring texts only as far as needed to fit LINE's five messages. */
function mergeTexts(messages: LineMessage[]): LineMessage[] {
  const result = [...messages];
  for (let i = result.length - 2; i >= 0 && result.length > LINE_MESSAGES_PER_REQUEST; i--) {
    const [a, b] = [result[i]!, result[i + 1]!];
    if (a.type === 'text' && b.type === 'text') result.splice(i, 2, { type: 'text', text: `${a.text}\n\n${b.text}` });
  }
  return result.slice(0, LINE_MESSAGES_PER_REQUEST);
}
