// 参加する against a real database, the file client and sqld alike: the seats hold under
// concurrency, the waitlist keeps the order RSVPs were made in, a double tap is one RSVP,
// and nothing is taken for an event residents cannot join.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventRsvps } from '../../src/db/schema';
import type { Db } from '../../src/db/types';
import { joinEvent, type RsvpRequest } from '../../src/events/rsvp';
import { tokyoDate } from '../../src/time/tokyo';
import { newResidentId, openMigratedDatabase } from '../helpers/database';
import { startSqld, type Sqld } from '../helpers/sqld';
import { insertEvent } from './support';

const NOW = tokyoDate('2026-11-24', '10:00');
const SAT_14 = tokyoDate('2026-11-28', '14:00');

let sqld: Sqld;
beforeAll(async () => {
  sqld = await startSqld();
});
afterAll(() => sqld.stop());

// One sqld database for the whole file: each test makes its own events and residents.
const openDb = (kind: 'file' | 'sqld') => openMigratedDatabase(kind, sqld);
const resident = (db: Db) => newResidentId(db, NOW);
const request = (eventId: string, residentId: string, over: Partial<RsvpRequest> = {}): RsvpRequest => ({
  eventId,
  residentId,
  requestKey: crypto.randomUUID(),
  now: NOW,
  ...over,
});

describe.each(['file', 'sqld'] as const)('参加する on the %s database', (kind) => {
  let db: Db;
  let close: () => void;
  beforeAll(async () => {
    ({ db, close } = await openDb(kind));
  });
  afterAll(() => close());

  it('30 residents racing for the last seat → exactly one seat, the rest waitlisted in the order their rows were created', async () => {
    const event = await insertEvent(db, { startsAt: SAT_14, capacity: 3 });
    for (let i = 0; i < 2; i++) expect(await joinEvent(db, request(event.id, await resident(db)))).toMatchObject({ ok: true, rsvp: { seat: i + 1 } });
    const racers = await Promise.all(Array.from({ length: 30 }, () => resident(db)));
    const results = await Promise.all(racers.map((r) => joinEvent(db, request(event.id, r))));

    const ok = results.flatMap((r) => (r.ok ? [r] : []));
    expect(ok).toHaveLength(30);
    const going = ok.filter((r) => r.rsvp.status === 'going');
    expect(going).toHaveLength(1);
    expect(going[0]!.rsvp.seat).toBe(3);
    // Each waitlisted resident is told how many wait before them: 0, 1, … 28, once each.
    expect(ok.filter((r) => r.rsvp.status === 'waitlisted').map((r) => r.ahead).sort((a, b) => a - b)).toEqual(Array.from({ length: 29 }, (_, i) => i));

    const rows = await db.all<{ status: string; seat: number | null; position: number }>(
      sql`select status, seat, position from event_rsvps where event_id = ${event.id} order by rowid`,
    );
    expect(rows).toHaveLength(32);
    expect(new Set(rows.map((r) => r.position)).size).toBe(32);
    const waitlisted = rows.filter((r) => r.status === 'waitlisted');
    expect(waitlisted).toHaveLength(29);
    expect(waitlisted.every((r) => r.seat === null)).toBe(true);
    // Positions rise in the order the rows were written: the waitlist is first come, first served.
    expect(waitlisted.map((r) => r.position)).toEqual([...waitlisted.map((r) => r.position)].sort((a, b) => a - b));
    expect(rows.filter((r) => r.status === 'going').map((r) => r.seat).sort()).toEqual([1, 2, 3]);
  });

  it('a double tap (the same request key, concurrently) → one RSVP; a new key for the same resident → the RSVP they have', async () => {
    const event = await insertEvent(db, { startsAt: SAT_14, capacity: 5 });
    const residentId = await resident(db);
    const req = request(event.id, residentId);
    const results = await Promise.all(Array.from({ length: 10 }, () => joinEvent(db, { ...req })));
    const ids = new Set(results.map((r) => (r.ok ? r.rsvp.id : 'refused')));
    expect(ids.size).toBe(1);
    // Each repeat of the request is answered as that request (受け付けました), not as "already".
    expect(results.every((r) => r.ok && !r.earlier)).toBe(true);
    const again = await joinEvent(db, request(event.id, residentId));
    expect(again).toMatchObject({ ok: true, earlier: true, rsvp: { id: [...ids][0], status: 'going', seat: 1 } });
    expect(await db.select().from(eventRsvps).where(eq(eventRsvps.eventId, event.id))).toHaveLength(1);
  });

  it('no capacity → everyone goes, each with a seat of their own', async () => {
    const event = await insertEvent(db, { startsAt: SAT_14, capacity: null });
    const people = await Promise.all(Array.from({ length: 12 }, () => resident(db)));
    const results = await Promise.all(people.map((r) => joinEvent(db, request(event.id, r))));
    expect(results.every((r) => r.ok && r.rsvp.status === 'going')).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.rsvp.seat : 0))).size).toBe(12);
  });

  it('a draft, a cancelled and a started event take no RSVP', async () => {
    const residentId = await resident(db);
    const draft = await insertEvent(db, { startsAt: SAT_14, status: 'draft' });
    const cancelled = await insertEvent(db, { startsAt: SAT_14, status: 'cancelled', cancelledAt: NOW });
    const started = await insertEvent(db, { startsAt: tokyoDate('2026-11-24', '09:30') });
    for (const e of [draft, cancelled, started]) {
      expect(await joinEvent(db, request(e.id, residentId))).toEqual({ ok: false, reason: 'closed' });
    }
    const rows = await db.all(sql`select id from event_rsvps where resident_id = ${residentId}`);
    expect(rows).toEqual([]);
  });
});
