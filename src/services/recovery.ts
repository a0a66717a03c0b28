import type { Deps } from '../deps';
import { pendingDeliveries } from '../db/repos/deliveries';
import { findResident } from '../db/repos/residents';
import { unfinishedEvents } from '../db/repos/webhook-events';
import { processStoredEvent } from './event-processor';
import { resumeDelivery } from './sender';

// Work older than this is taken to be abandoned by a crashed or stopped process.
const STALE_MS = 2 * 60_000;

/**
 * Finishes what a crash, a restart or a database hiccup left behind: stored events not
 * yet processed (or failed, a few times at most), and deliveries never settled.
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
    if (resident) await resumeDelivery(deps, d, { residentId: resident.id, lineUserId: resident.lineUserId });
  }
  return { events: events.length, deliveries: sends.length };
}
