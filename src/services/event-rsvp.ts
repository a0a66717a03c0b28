// 参加する and 参加をやめる as the conversation runs them: before the step commits, because
// what happened (a seat, the waitlist, closed) decides what the resident is told.
import type { Deps } from '../deps';
import type { Resident } from '../db/schema';
import type { EventAnswer, EventNeed } from '../engine/events';
import { findEvent } from '../events/listing';
import { joinEvent, leaveEvent } from '../events/rsvp';
import { joinedText, leftText } from '../events/rsvp-messages';
import { seatCounts } from '../events/seats';
import { eventClosedReason } from '../line/cards/event-card';

export interface EventStepContext {
  deps: Deps;
  resident: Resident;
  now: Date;
}

const NOT_FOUND = 'このイベントは見つかりませんでした。';

export async function joinEventStep(ctx: EventStepContext, need: Extract<EventNeed, { kind: 'rsvp' }>): Promise<EventAnswer> {
  const { db } = ctx.deps;
  const event = await findEvent(db, need.eventId);
  if (!event) return { kind: 'eventOutcome', message: NOT_FOUND, card: null };
  // One key per resident, button tap (session revision) and event.
  const requestKey = `line:${ctx.resident.id}:${need.requestKey}`;
  const result = await joinEvent(db, { eventId: event.id, residentId: ctx.resident.id, requestKey, now: ctx.now });
  if (!result.ok) return { kind: 'eventOutcome', message: eventClosedReason(event, ctx.now) ?? NOT_FOUND, card: null };
  const seats = (await seatCounts(db, [event.id])).get(event.id);
  const mine = result.rsvp.status === 'going' ? 'going' : 'waitlisted';
  return { kind: 'eventOutcome', message: joinedText(ctx.deps.profile, event, result), card: { event, mine, ...(seats ? { seats } : {}) } };
}

export async function leaveEventStep(ctx: EventStepContext, need: Extract<EventNeed, { kind: 'leaveEvent' }>): Promise<EventAnswer> {
  const event = await findEvent(ctx.deps.db, need.eventId);
  if (!event) return { kind: 'eventOutcome', message: NOT_FOUND, card: null };
  const result = await leaveEvent(ctx.deps, { event, residentId: ctx.resident.id, now: ctx.now });
  return { kind: 'eventOutcome', message: leftText(event, result), card: null };
}
