// Event reminders over the real local server (file libSQL, LINE emulator): the day before
// at the profile's time (Nerima: 18:00), once per going resident whatever runs overlap or
// die mid-send, caught up after downtime only while still useful, never to waitlisted,
// cancelled or unfollowed residents, nor for a cancelled event.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markFollowing } from '../../src/db/repos/residents';
import { eventReminders, events, type EventRow } from '../../src/db/schema';
import { runDueEventReminders } from '../../src/events/reminders';
import { manualClock } from '../../src/time/clock';
import { tokyoDate } from '../../src/time/tokyo';
import { dieAfterLineAccepts } from '../helpers/line-faults';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { expectRestartFinishedOnce } from '../booking/reminder-restart';
import { insertEvent, joinAsNewResident } from './support';

const NOW = tokyoDate('2026-11-24', '10:00'); // Tuesday
const SAT = '2026-11-28';
const clock = manualClock(NOW);
let server: TestServer;
const dieAfterNextPush = dieAfterLineAccepts('push');

beforeEach(async () => {
  clock.set(NOW);
  dieAfterNextPush.disarm();
  server = await startTestServer({ clock, wrapLine: dieAfterNextPush.wrap });
  await server.drain(); // the start-up sweep
});
afterEach(() => server.close());

const at = (date: string, hhmm: string) => clock.set(tokyoDate(date, hhmm));
const run = () => runDueEventReminders(server.deps, clock.now());
const join = (event: EventRow, joinedAt = clock.now()) => joinAsNewResident(server, event, joinedAt);

const pushes = (userId: string) => server.emulator.inbox(userId).map((d) => JSON.stringify(d.messages));
const reminderRows = () => server.deps.db.select().from(eventReminders);

describe('event reminders', () => {
  it('the day before at 18:00, once, to residents going and following; not to the waitlist or those who left', async () => {
    const salon = await insertEvent(server.deps.db, { title: '土曜のサロン', startsAt: tokyoDate(SAT, '14:00'), capacity: 2 });
    const going = await join(salon);
    const unfollowed = await join(salon);
    const waiting = await join(salon);
    expect(waiting.rsvp.status).toBe('waitlisted');
    await markFollowing(server.deps.db, unfollowed.residentId, false, NOW);

    at('2026-11-27', '17:55');
    expect(await run()).toMatchObject({ sent: 0 });
    at('2026-11-27', '18:00');
    expect(await run()).toMatchObject({ sent: 1, skipped: 1, failed: 0 });
    const [message] = pushes(going.userId);
    expect(message).toContain('【サロン・イベントのお知らせ】');
    expect(message).toContain('明日 11月28日（土）14:00〜16:00 の「土曜のサロン」');
    expect(message).toContain('場所：地域集会所（練馬区豊玉北1-1-1）');
    expect(message).toContain('地図：https://www.google.com/maps/search/');
    expect(message).toContain('参加をやめる');
    expect(server.emulator.inbox(going.userId).map((d) => d.via)).toEqual(['push']);
    expect(pushes(unfollowed.userId)).toEqual([]);
    expect(pushes(waiting.userId)).toEqual([]);

    at('2026-11-27', '18:05');
    expect(await run()).toMatchObject({ sent: 0, skipped: 0 });
    at('2026-11-28', '09:00');
    await run();
    expect(pushes(going.userId)).toHaveLength(1);
    expect((await reminderRows()).map((r) => r.status).sort()).toEqual(['sent', 'skipped']);

    // Logs carry ids and outcomes, never the text or the LINE user id.
    const logs = server.logs.join('\n');
    expect(logs).toContain('event.reminder');
    expect(logs).not.toContain(going.userId);
    expect(logs).not.toContain('土曜のサロン');
  });

  it('two overlapping runs → each resident reminded once', async () => {
    const salon = await insertEvent(server.deps.db, { startsAt: tokyoDate(SAT, '14:00') });
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await join(salon));
    at('2026-11-27', '18:00');
    const summaries = await Promise.all([run(), run(), run()]);
    expect(summaries.reduce((n, s) => n + s.sent, 0)).toBe(6);
    for (const p of people) expect(pushes(p.userId)).toHaveLength(1);
    expect(await server.count('event_reminders')).toBe(6);
    expect(await server.count('deliveries')).toBe(6);
  });

  it('after downtime: sent while still useful (本日), never within the hour before the start; none for RSVPs made after 18:00 the day before', async () => {
    const morning = await insertEvent(server.deps.db, { title: '朝のたまり場', startsAt: tokyoDate(SAT, '10:00') });
    const afternoon = await insertEvent(server.deps.db, { title: '午後のサロン', startsAt: tokyoDate(SAT, '15:00') });
    const a = await join(morning);
    const b = await join(afternoon);
    const late = await join(afternoon, tokyoDate('2026-11-27', '19:00'));

    at(SAT, '09:30'); // the scheduler was down from Friday afternoon
    expect(await run()).toMatchObject({ sent: 1 });
    expect(pushes(a.userId)).toEqual([]);
    expect(pushes(b.userId)[0]).toContain('本日 11月28日（土）15:00〜17:00 の「午後のサロン」');
    expect(pushes(late.userId)).toEqual([]);
  });

  it('a cancelled event gets no reminder', async () => {
    const salon = await insertEvent(server.deps.db, { startsAt: tokyoDate(SAT, '14:00') });
    const a = await join(salon);
    await server.deps.db.update(events).set({ status: 'cancelled', cancelledAt: NOW }).where(eq(events.id, salon.id));
    at('2026-11-27', '18:00');
    expect(await run()).toMatchObject({ sent: 0 });
    expect(pushes(a.userId)).toEqual([]);
  });

  it('a restart mid-run (LINE accepted the push, the process died before settling) → finished with the same retry key, delivered once', async () => {
    const salon = await insertEvent(server.deps.db, { startsAt: tokyoDate(SAT, '14:00') });
    const a = await join(salon);
    await expectRestartFinishedOnce({
      server,
      userId: a.userId,
      received: () => pushes(a.userId).length,
      dieAfterNextPush: () => dieAfterNextPush.arm(),
      at: (hhmm) => at('2026-11-27', hhmm),
      run,
      claims: reminderRows,
      claimed: { status: 'claimed' },
    });
  });
});
