// What residents are told about their RSVPs: plain, kind, with what to do next.
import type { EventRow } from '../db/schema';
import { eventMessage, eventWhen } from '../line/cards/event-card';
import type { LineMessage } from '../line/port';
import type { CouncilProfile } from '../profile/schema';
import type { LeaveResult, RsvpResult } from './rsvp';

const what = (event: EventRow) => `「${event.title}」（${eventWhen(event)}）`;

/** The answer to 参加する. */
export function joinedText(profile: CouncilProfile, event: EventRow, result: Extract<RsvpResult, { ok: true }>): string {
  const { rsvp, ahead, earlier } = result;
  if (rsvp.status === 'going') {
    const reminder = profile.reminders.dayBefore ? '\n前の日に、このLINEでお知らせします。' : '';
    return earlier
      ? `${what(event)}には、すでに参加のお申し込みをいただいています。当日お待ちしています。`
      : `${what(event)}への参加を受け付けました。当日お待ちしています。${reminder}`;
  }
  const queue = ahead === 0 ? 'キャンセル待ちの1番目です。' : `あなたより前に、${ahead}人の方がお待ちです。`;
  const head = earlier ? `${what(event)}には、すでにキャンセル待ちでお申し込みをいただいています。` : `${what(event)}は満席のため、キャンセル待ちで受け付けました。`;
  return `${head}\n${queue}\nお席が空いたら、このLINEでお知らせします。`;
}

/** The answer to 参加をやめる. */
export function leftText(event: EventRow, result: LeaveResult): string {
  if (!result.ok) return `${what(event)}へのお申し込みは、いまはありません。`;
  return result.was === 'going'
    ? `${what(event)}への参加のお申し込みを取り消しました。\nまたのご参加をお待ちしています。`
    : `${what(event)}のキャンセル待ちを取り消しました。`;
}

/** Pushed to a resident who moves from the waitlist to a seat. */
export function promotionMessages(profile: CouncilProfile, event: EventRow, now: Date): LineMessage[] {
  return [
    {
      type: 'text',
      text: `【キャンセル待ちのお知らせ】\nお席が空きました。${what(event)}に参加できます。当日お待ちしています。\n行けなくなったときは、下の「参加をやめる」を押してください。`,
    },
    eventMessage(event, { profile, now, mine: 'going' }),
  ];
}
