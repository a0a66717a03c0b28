import type { Deps } from '../deps';
import type { EventRow } from '../db/schema';
import type { LineMessage } from '../line/port';
import { eventMessage, eventWhen } from '../line/cards/event-card';
import type { EventFields } from './event-input';

/** What participants must hear about when staff edit a published event: when and where. */
export function participantChanges(before: EventRow, after: EventFields): Array<'when' | 'where'> {
  const changes: Array<'when' | 'where'> = [];
  if (before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime()) changes.push('when');
  if (before.placeName !== after.placeName || (before.address ?? '') !== (after.address ?? '')) changes.push('where');
  return changes;
}

/** The notice a going or waitlisted resident gets: what changed, from what to what, and the updated card. */
export function changeNoticeMessages(
  deps: Deps,
  change: { before: EventRow; after: EventRow; changes: Array<'when' | 'where'>; mine: 'going' | 'waitlisted' },
): LineMessage[] {
  const { before, after, changes, mine } = change;
  const lines = [`お申し込みいただいている「${after.title}」の${changes.map((c) => (c === 'when' ? '日時' : '場所')).join('と')}が変わりました。`];
  if (changes.includes('when')) lines.push(`日時：${eventWhen(before)} → ${eventWhen(after)}`);
  if (changes.includes('where')) lines.push(`場所：${before.placeName} → ${after.placeName}`);
  lines.push('都合が悪くなったときは、下のカードの「参加をやめる」を押してください。');
  return [{ type: 'text', text: lines.join('\n') }, eventMessage(after, { profile: deps.profile, now: deps.clock.now(), mine })];
}
