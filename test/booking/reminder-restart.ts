// The restart-mid-run case that booking and event reminders share (src/services/reminder-runs.ts):
// LINE accepted the push, the process died before settling the claim; a restarted run leaves the
// fresh claim alone, and a later one takes it over and finishes it with the stored retry key.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { deliveries } from '../../src/db/schema';
import type { ReminderRunSummary } from '../../src/services/reminder-runs';
import type { TestServer } from '../helpers/test-server';

export async function expectRestartFinishedOnce(o: {
  server: TestServer;
  /** The resident the reminder is for. */
  userId: string;
  /** How many reminders LINE shows the resident received. */
  received: () => number;
  /** Arms the fault: the process dies once LINE accepted the next push. */
  dieAfterNextPush: () => void;
  /** Sets the clock to this time on the day the reminder is due (at 18:00). */
  at: (hhmm: string) => void;
  run: () => Promise<ReminderRunSummary>;
  /** The reminder rows of this resident's booking or RSVP. */
  claims: () => Promise<{ status: string; deliveryId: string | null }[]>;
  /** What the claim row looks like while the dead run holds it. */
  claimed: Record<string, unknown>;
}): Promise<void> {
  const delivery = async (id: string) => (await o.server.deps.db.select().from(deliveries).where(eq(deliveries.id, id)))[0];
  o.at('18:00');
  o.dieAfterNextPush();
  expect(await o.run()).toMatchObject({ sent: 0 });
  expect(o.received()).toBe(1); // it did reach the resident
  const [claim] = await o.claims();
  expect(claim).toMatchObject(o.claimed);
  const before = await delivery(claim!.deliveryId!);
  expect(before).toMatchObject({ status: 'pending', method: 'push' });

  // The restarted process runs at once: the claim may still be in flight, so it is left alone.
  o.at('18:01');
  expect(await o.run()).toMatchObject({ sent: 0, finished: 0 });
  // Later, one run takes the stale claim over and finishes it with the stored retry key (LINE answers 409).
  o.at('18:05');
  const [r1, r2] = await Promise.all([o.run(), o.run()]);
  expect(r1.finished + r2.finished).toBe(1);
  expect(r1.sent + r2.sent).toBe(1);
  expect(o.received()).toBe(1);
  expect(o.server.emulator.stats().deliveriesByUser[o.userId]).toBe(1);
  expect(await delivery(claim!.deliveryId!)).toMatchObject({ status: 'sent', retryKey: before!.retryKey });
  expect(await o.server.count('deliveries')).toBe(1);
  expect((await o.claims())[0]).toMatchObject({ status: 'sent' });
}
