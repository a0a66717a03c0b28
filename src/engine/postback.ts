import type { GlobalIntent } from './conversation-types';
import { GLOBAL_INTENTS } from './conversation-types';

export const EVENT_ACTIONS = ['details', 'join', 'leave'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];
const EVENT_ACTION_CODES: Record<EventAction, string> = { details: 'd', join: 'j', leave: 'l' };

// Postback data (LINE allows 300 characters). A node choice carries where it was
// offered and the session revision, so a tap on an old button is recognised as stale.
// An event button carries only the event: it is pushed on cards that outlive any
// conversation state (a broadcast read days later), so it never expires.
export type PostbackData =
  | { kind: 'global'; intent: GlobalIntent }
  | { kind: 'choice'; flowId: string; version: number; nodeId: string; revision: number; choiceId: string }
  | { kind: 'event'; action: EventAction; eventId: string };

export function encodePostback(data: PostbackData): string {
  const p = new URLSearchParams();
  if (data.kind === 'global') p.set('g', data.intent);
  else if (data.kind === 'event') {
    p.set('e', EVENT_ACTION_CODES[data.action]);
    p.set('id', data.eventId);
  } else {
    p.set('f', data.flowId);
    p.set('v', String(data.version));
    p.set('n', data.nodeId);
    p.set('r', String(data.revision));
    p.set('c', data.choiceId);
  }
  return p.toString();
}

export function decodePostback(raw: string): PostbackData | null {
  const p = new URLSearchParams(raw);
  const intent = p.get('g');
  if (intent !== null) return (GLOBAL_INTENTS as readonly string[]).includes(intent) ? { kind: 'global', intent: intent as GlobalIntent } : null;
  const eventCode = p.get('e');
  if (eventCode !== null) {
    const action = EVENT_ACTIONS.find((a) => EVENT_ACTION_CODES[a] === eventCode);
    const eventId = p.get('id');
    return action && eventId ? { kind: 'event', action, eventId } : null;
  }
  const [flowId, nodeId, choiceId] = [p.get('f'), p.get('n'), p.get('c')];
  const version = Number(p.get('v'));
  const revision = Number(p.get('r'));
  if (!flowId || !nodeId || !choiceId || !Number.isInteger(version) || !Number.isInteger(revision)) return null;
  return { kind: 'choice', flowId, version, nodeId, revision, choiceId };
}
