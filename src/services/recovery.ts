import type { Deps } from '../deps';
import { pendingDeliveries, updateDelivery } from '../db/repos/deliveries';
import { findResident } from '../db/repos/residents';
import { unfinishedEvents } from '../db/repos/webhook-events';
import { processStoredEvent } from './event-processor';
import { pushDelivery } from './sender';

// Work older than this is taken to be abandoned by a crashed or stopped process.
const STALE_MS = 2 * 60_000;

/**
 * Finishes what a crash or restart left behind: stored events never processed, and
 * pushes recorded but never settled (sent again with their original retry key).
 */
export async function recoverUnfinishedWork(deps: Deps): Promise<{ events: number; deliveries: number }> {
  const before = new Date(deps.clock.now().getTime() - STALE_MS);
  const events = await unfinishedEvents(deps.db, before);
  for (const e of events) {
    if (e.payload) await processStoredEvent(deps, { webhookEventId: e.webhookEventId, payload: e.payload, attempts: e.attempts });
  }
  const sends = await pendingDeliveries(deps.db, before);
  for (const d of sends) {
    const resident = await findResident(deps.db, d.residentId);
    if (!resident) continue;
    if (d.method === 'reply') {
      // A reply has no retry key: after a crash mid-call we cannot know whether it
      // arrived, and sending it again could double it. Leave it visible as failed.
      await updateDelivery(deps.db, d.id, { status: 'failed', lastError: 'interrupted_reply' });
      continue;
    }
    await pushDelivery(deps, d, { to: { residentId: resident.id, lineUserId: resident.lineUserId }, messages: JSON.parse(d.messages) });
  }
  return { events: events.length, deliveries: sends.length };
}
