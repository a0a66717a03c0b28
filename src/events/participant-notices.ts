import type { Deps } from '../deps';
import type { LineMessage } from '../line/port';
import { dispatchDelivery, planDelivery, type SendRequest } from '../services/sender';
import type { activeRsvps } from './events';

type Participant = Awaited<ReturnType<typeof activeRsvps>>[number];

export interface ParticipantNotice {
  rsvpId: string;
  req: SendRequest;
  /** To be written in the same batch as the change it announces, before it is sent. */
  delivery: ReturnType<typeof planDelivery>;
}

/** One notice per participant who still follows the account (the others are skipped). */
export function planParticipantNotices(deps: Deps, participants: readonly Participant[], messagesFor: (p: Participant) => LineMessage[]): ParticipantNotice[] {
  return participants
    .filter((p) => p.following)
    .map((p) => {
      const req: SendRequest = { to: { residentId: p.residentId, lineUserId: p.lineUserId }, messages: messagesFor(p) };
      return { rsvpId: p.rsvpId, req, delivery: planDelivery(deps, req) };
    });
}

/** Sends notices whose delivery rows are stored; returns how many LINE accepted. */
export async function sendParticipantNotices(deps: Deps, notices: readonly ParticipantNotice[]): Promise<number> {
  let sent = 0;
  for (const n of notices) {
    if ((await dispatchDelivery(deps, n.delivery, n.req)) === 'sent') sent++;
  }
  return sent;
}
