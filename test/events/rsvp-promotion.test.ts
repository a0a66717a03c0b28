// 参加をやめる and the waitlist over the real local server (file libSQL, LINE emulator): a
// freed seat goes to the first waitlisted resident still following, in the same batch as
// the cancel, and they are told once — also when two leave at once, when one taps twice,
// and when the process dies before the message goes (the recovery sweep sends it).
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markFollowing } from '../../src/db/repos/residents';
import { deliveries, eventRsvps, type EventRow } from '../../src/db/schema';
import { promotionDeliveryId } from '../../src/events/promote';
import { leaveEvent } from '../../src/events/rsvp';
import { recoverUnfinishedWork } from '../../src/services/recovery';
import { manualClock } from '../../src/time/clock';
import { tokyoDate } from '../../src/time/tokyo';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { insertEvent, joinAsNewResident, promotionsTo } from './support';

const NOW = tokyoDate('2026-11-24', '10:00');
const clock = manualClock(NOW);
let server: TestServer;
let failPushes = false;

beforeEach(async () => {
  clock.set(NOW);
  failPushes = false;
  server = await startTestServer({
    clock,
    wrapLine: (line) => ({
      ...line,
      async push(to, messages, retryKey) {
        if (failPushes) throw new Error('process died');
        return line.push(to, messages, retryKey);
      },
    }),
  });
  await server.drain();
});
afterEach(() => server.close());

const join = (event: EventRow) => joinAsNewResident(server, event, clock.now());

const leave = (event: EventRow, residentId: string) => leaveEvent(server.deps, { event, residentId, now: clock.now() });
const rsvpsOf = (event: EventRow) => server.deps.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, event.id)).orderBy(asc(eventRsvps.position));
const promotions = (userId: string) => promotionsTo(server, userId);

describe('a freed seat', () => {
  it('two residents leave at once → the first two still following move up, in order, each told once', async () => {
    const event = await insertEvent(server.deps.db, { startsAt: tokyoDate('2026-11-28', '14:00'), capacity: 2 });
    const [a, b] = [await join(event), await join(event)];
    const waiting = [];
    for (let i = 0; i < 4; i++) waiting.push(await join(event));
    await markFollowing(server.deps.db, waiting[0]!.residentId, false, NOW);

    const results = await Promise.all([leave(event, a.residentId), leave(event, b.residentId)]);
    expect(results).toEqual([
      { ok: true, was: 'going' },
      { ok: true, was: 'going' },
    ]);
    const rows = await rsvpsOf(event);
    const statusOf = (residentId: string) => rows.find((r) => r.residentId === residentId)!;
    expect(statusOf(waiting[0]!.residentId)).toMatchObject({ status: 'waitlisted' }); // unfollowed: skipped
    expect([statusOf(waiting[1]!.residentId).status, statusOf(waiting[2]!.residentId).status]).toEqual(['going', 'going']);
    expect([statusOf(waiting[1]!.residentId).seat, statusOf(waiting[2]!.residentId).seat].sort()).toEqual([1, 2]);
    expect(statusOf(waiting[3]!.residentId)).toMatchObject({ status: 'waitlisted' });
    expect(promotions(waiting[1]!.userId)).toHaveLength(1);
    expect(promotions(waiting[2]!.userId)).toHaveLength(1);
    expect(promotions(waiting[0]!.userId)).toHaveLength(0);
    expect(promotions(waiting[3]!.userId)).toHaveLength(0);
  });

  it('a double tap on 参加をやめる → one cancel, one promotion, one message', async () => {
    const event = await insertEvent(server.deps.db, { startsAt: tokyoDate('2026-11-28', '14:00'), capacity: 1 });
    const a = await join(event);
    const [b, c] = [await join(event), await join(event)];
    // Both taps are answered 取り消しました (the second may have read the RSVP before the first cancelled it).
    const results = await Promise.all([leave(event, a.residentId), leave(event, a.residentId)]);
    expect(results).toContainEqual({ ok: true, was: 'going' });
    expect(await leave(event, a.residentId)).toEqual({ ok: false, reason: 'none' });
    const rows = await rsvpsOf(event);
    expect(rows.map((r) => [r.residentId, r.status, r.seat])).toEqual([
      [a.residentId, 'cancelled', null],
      [b.residentId, 'going', 1],
      [c.residentId, 'waitlisted', null],
    ]);
    expect(promotions(b.userId)).toHaveLength(1);
    expect(await server.count('deliveries')).toBe(1);
  });

  it('the process dies before the message goes → the seat is already theirs, and the recovery sweep tells them once', async () => {
    const event = await insertEvent(server.deps.db, { startsAt: tokyoDate('2026-11-28', '14:00'), capacity: 1 });
    const a = await join(event);
    const b = await join(event);
    failPushes = true;
    await expect(leave(event, a.residentId)).rejects.toThrow('process died');
    const [, promoted] = await rsvpsOf(event);
    expect(promoted).toMatchObject({ residentId: b.residentId, status: 'going', seat: 1 });
    const [pending] = await server.deps.db.select().from(deliveries).where(eq(deliveries.id, promotionDeliveryId(promoted!.id)));
    expect(pending).toMatchObject({ status: 'pending', method: 'push', residentId: b.residentId });

    failPushes = false;
    clock.advance(3 * 60_000);
    expect(await recoverUnfinishedWork(server.deps)).toMatchObject({ deliveries: 1 });
    await recoverUnfinishedWork(server.deps);
    expect(promotions(b.userId)).toHaveLength(1);
    const [sent] = await server.deps.db.select().from(deliveries).where(eq(deliveries.residentId, b.residentId));
    expect(sent).toMatchObject({ status: 'sent', retryKey: pending!.retryKey });
  });

  it('leaving the waitlist frees no seat and tells no one', async () => {
    const event = await insertEvent(server.deps.db, { startsAt: tokyoDate('2026-11-28', '14:00'), capacity: 1 });
    await join(event);
    const b = await join(event);
    const c = await join(event);
    expect(await leave(event, b.residentId)).toEqual({ ok: true, was: 'waitlisted' });
    expect((await rsvpsOf(event)).map((r) => r.status)).toEqual(['going', 'cancelled', 'waitlisted']);
    expect(promotions(c.userId)).toHaveLength(0);
    expect(await server.count('deliveries')).toBe(0);
  });
});
