import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textMessageEvent } from '../../src/dev/simulator/events';
import { residentForContact } from '../../src/db/repos/residents';
import { deliveries, webhookEvents } from '../../src/db/schema';
import { recoverUnfinishedWork } from '../../src/services/recovery';
import { recordDelivery } from '../../src/services/sender';
import { acceptEvents } from '../../src/services/webhook-intake';
import { manualClock } from '../../src/time/clock';
import { startTestServer, type TestServer } from '../helpers/test-server';

const clock = manualClock(new Date());
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(() => server.close());

describe('recovery after a crash or restart', () => {
  it('processes an event that was stored but never worked on, once', async () => {
    const userId = server.newResident();
    // Stored before the 200, then the process died before the background work ran.
    const event = textMessageEvent(userId, server.emulator.issueReplyToken(userId), 'こんにちは', clock.now().getTime());
    await acceptEvents(server.deps, [event]);
    expect(await recoverUnfinishedWork(server.deps)).toEqual({ events: 0, deliveries: 0 }); // too recent: maybe still running
    clock.advance(3 * 60_000);
    expect((await recoverUnfinishedWork(server.deps)).events).toBe(1);
    expect((await recoverUnfinishedWork(server.deps)).events).toBe(0);
    // The reply token had expired by then, so the answer went by push.
    expect(server.emulator.inbox(userId).map((d) => d.via)).toEqual(['push']);
    const [row] = await server.deps.db.select().from(webhookEvents).where(eq(webhookEvents.webhookEventId, event.webhookEventId));
    expect(row).toMatchObject({ status: 'processed', payload: null });
  });

  it('re-sends a push that was recorded but never settled, with its original retry key, once', async () => {
    const userId = server.newResident();
    const resident = await residentForContact(server.deps.db, userId, clock.now());
    const messages = [{ type: 'text' as const, text: 'お待たせしました' }];
    const delivery = await recordDelivery(server.deps, { to: { residentId: resident.id, lineUserId: userId }, messages });
    // The push reached LINE, then the process died before recording the answer.
    await server.deps.line.push(userId, messages, delivery.retryKey);
    clock.advance(3 * 60_000);
    expect((await recoverUnfinishedWork(server.deps)).deliveries).toBe(1);
    expect(server.emulator.inbox(userId)).toHaveLength(1);
    const [row] = await server.deps.db.select().from(deliveries).where(eq(deliveries.id, delivery.id));
    expect(row?.status).toBe('sent');
  });

  it('does not re-send a push LINE may have forgotten the retry key of (over 23 h old): outcome unknown', async () => {
    const userId = server.newResident();
    const resident = await residentForContact(server.deps.db, userId, clock.now());
    const messages = [{ type: 'text' as const, text: 'お待たせしました' }];
    const delivery = await recordDelivery(server.deps, { to: { residentId: resident.id, lineUserId: userId }, messages });
    await server.deps.line.push(userId, messages, delivery.retryKey);
    // The machine was off for a day: LINE no longer remembers the key, so a repeat would arrive twice.
    clock.advance(25 * 60 * 60_000);
    await recoverUnfinishedWork(server.deps);
    expect(server.emulator.inbox(userId)).toHaveLength(1);
    const [row] = await server.deps.db.select().from(deliveries).where(eq(deliveries.id, delivery.id));
    expect(row).toMatchObject({ status: 'failed', lastError: 'outcome_unknown' });
  });

  it('never re-sends an interrupted reply (no retry key): marks it failed instead', async () => {
    const userId = server.newResident();
    const resident = await residentForContact(server.deps.db, userId, clock.now());
    const delivery = await recordDelivery(server.deps, { to: { residentId: resident.id, lineUserId: userId }, messages: [], replyToken: 'token', eventTime: clock.now() });
    clock.advance(3 * 60_000);
    await recoverUnfinishedWork(server.deps);
    const [row] = await server.deps.db.select().from(deliveries).where(eq(deliveries.id, delivery.id));
    expect(row).toMatchObject({ status: 'failed', lastError: 'interrupted_reply' });
    expect(server.emulator.inbox(userId)).toHaveLength(0);
  });
});
