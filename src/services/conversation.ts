import type { Deps } from '../deps';
import { insertStepQuery, isStepConflict } from '../db/repos/conversation-steps';
import { appendMessages } from '../db/repos/messages';
import { deliveries, type Resident } from '../db/schema';
import { classify } from '../engine/classifier';
import { needKey } from '../engine/booking';
import { isEventNeed } from '../engine/events';
import { step, type Answer, type EngineInput, type Session, type StepContext, type StepResult } from '../engine/step';
import { answerNeed } from './booking-answers';
import { answerEventNeed } from './event-answers';
import { renderReply } from '../line/render';
import { effects } from './effects';
import { keepReplyToken } from './handoff/counselor-reply';
import { queueStanding } from './handoff/position';
import { sessionAndCase } from './handoff/steps';
import { dispatchDelivery, planDelivery, type SendRequest } from './sender';

export type ConversationInput =
  | { kind: 'follow' }
  | { kind: 'text'; text: string }
  /** `date`: a date picker's choice (postback params.date). */
  | { kind: 'postback'; data: string; date?: string }
  | { kind: 'unsupported'; messageType: string };

export interface Incoming {
  resident: Resident;
  lineUserId: string;
  webhookEventId: string;
  replyToken?: string;
  eventTime: Date;
}

const WITHHELD = '（同意をいただく前のため、内容は保存していません）';
const MAX_CONFLICTS = 5;
const MAX_PASSES = 6;

/**
 * One resident input: classify, log, step the conversation, and commit the new state,
 * the reply and the effects in one batch (all or nothing), then send the reply.
 */
export async function converse(deps: Deps, incoming: Incoming, input: ConversationInput): Promise<void> {
  const { db, profile, conversation } = deps;
  const { resident } = incoming;
  const now = deps.clock.now();
  const triage = input.kind === 'text' ? classify(input.text) : undefined;
  // Consultation text is kept only with consent; on the crisis path, life comes first.
  const keepsText = resident.consent === 'given' || triage?.urgency === 'crisis';
  const keptText = input.kind === 'text' && keepsText ? input.text : undefined;
  await appendMessages(db, [
    {
      residentId: resident.id,
      direction: 'in',
      kind: input.kind,
      body: transcriptText(input, keepsText),
      webhookEventId: incoming.webhookEventId,
      createdAt: now,
    },
  ]);
  const engineInput: EngineInput =
    input.kind === 'text'
      ? { kind: 'text', text: input.text, triage: triage! }
      : input.kind === 'unsupported'
        ? { kind: 'unsupported' }
        : input;

  for (let conflicts = 0; conflicts < MAX_CONFLICTS; conflicts++) {
    // A claim commits the case and a marker step together, so a claim that lands after this
    // read makes our step conflict below, and we look again.
    const { session, active } = await sessionAndCase(db, conversation, resident.id);
    const withCounselor = active?.status === 'claimed';
    const result = await stepWithLoadedData(
      { conversation, areas: profile.areas, withCounselor, now },
      session,
      engineInput,
      { deps, db, profile, resident, now },
    );
    if (withCounselor && !result.outbox.length && !result.effects.length) {
      // The counselor answers, not the bot: leave them this message's reply token.
      if (incoming.replyToken) await keepReplyToken(db, active.id, incoming.replyToken, incoming.eventTime);
      return;
    }
    const next = { ...result.session, revision: session.revision + 1, vars: { ...result.session.vars } };
    if (input.kind === 'text' && !keepsText) {
      // A typed note or booking topic is the resident's words.
      delete next.vars.note;
      delete next.vars.topic;
    }
    const queue = result.outbox.some((o) => o.type === 'queuePosition')
      ? await queueStanding(db, profile, resident.id, next.vars.urgency ?? 'normal', active, now)
      : undefined;
    const messages = renderReply(result.outbox, result.choices, { profile, now, vars: next.vars, ...(queue ? { queue } : {}) });
    const req: SendRequest = {
      to: { residentId: resident.id, lineUserId: incoming.lineUserId },
      messages,
      replyToken: incoming.replyToken,
      eventTime: incoming.eventTime,
      sourceEventId: incoming.webhookEventId,
    };
    const delivery = planDelivery(deps, req);
    const effectQueries = result.effects.flatMap((call) =>
      effects[call.name]({ db, profile, resident, call, now, webhookEventId: incoming.webhookEventId, keptText }),
    );
    try {
      await db.batch([
        insertStepQuery(db, resident.id, next, incoming.webhookEventId, now),
        ...(messages.length ? [db.insert(deliveries).values(delivery)] : []),
        ...effectQueries,
      ]);
    } catch (error) {
      if (isStepConflict(error)) continue; // another message from this resident stepped first: step again from there
      throw error;
    }
    if (messages.length) await dispatchDelivery(deps, delivery, req);
    else if (withCounselor && incoming.replyToken) await keepReplyToken(db, active.id, incoming.replyToken, incoming.eventTime);
    return;
  }
  throw new Error(`conversation step conflicted ${MAX_CONFLICTS} times`);
}

/**
 * step() is pure, so booking and event data it needs (services, days, times, bookings, events,
 * notice settings, a booking or RSVP attempt) is loaded here: step, load what it asked for, step
 * again from the same session, until it asks for nothing new. Only the last pass counts.
 */
async function stepWithLoadedData(
  base: Omit<StepContext, 'booking'>,
  session: Session,
  input: EngineInput,
  ctx: Parameters<typeof answerNeed>[0] & Parameters<typeof answerEventNeed>[0],
): Promise<StepResult> {
  const answers = new Map<string, Answer>();
  const consentGiven = ctx.resident.consent === 'given';
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = step({ ...base, booking: { answers, consentGiven } }, session, input);
    if (!result.needs.length) return result;
    for (const need of result.needs) answers.set(needKey(need), isEventNeed(need) ? await answerEventNeed(ctx, need) : await answerNeed(ctx, need));
  }
  throw new Error(`conversation step still needed data after ${MAX_PASSES} passes`);
}

function transcriptText(input: ConversationInput, keepsText: boolean): string {
  switch (input.kind) {
    case 'follow':
      return '（友だち追加）';
    case 'text':
      return keepsText ? input.text : WITHHELD;
    case 'postback':
      return `（ボタン操作: ${input.data}）`;
    case 'unsupported':
      return `（${input.messageType} が送られました）`;
  }
}
