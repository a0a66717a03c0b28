// Shared setup of the staff event tests: residents known to the emulator, events made
// through the service, and RSVP rows written straight into the table (the resident side
// that makes them in LINE is tested on its own).
import { markFollowing, residentForContact } from '../../src/db/repos/residents';
import { eventRsvps, type RsvpStatus } from '../../src/db/schema';
import { createEvent, publishEvent } from '../../src/events/events';
import type { EventFields } from '../../src/events/event-input';
import { tokyoDate } from '../../src/time/tokyo';
import type { TestServer } from '../helpers/test-server';

/** A following LINE resident with a display name (the emulator knows them too). */
export async function lineResident(server: TestServer, displayName: string) {
  const lineUserId = server.newResident(displayName);
  const now = server.deps.clock.now();
  const resident = await residentForContact(server.deps.db, lineUserId, now);
  await markFollowing(server.deps.db, resident.id, true, now, displayName);
  return { ...resident, lineUserId, displayName };
}

/** The form as a browser posts it for a valid event on 2026-12-05 14:00–16:00 (Tokyo). */
export const validForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  title: 'いきいきサロン 12月の会',
  kind: 'salon',
  areaId: 'shakujii',
  placeName: '地域集会所 2階和室',
  address: '東京都中央区1-2-3',
  mapUrl: '',
  startDate: '2026-12-05',
  startTime: '14:00',
  endDate: '',
  endTime: '16:00',
  capacity: '15',
  fee: '100円（お茶代）',
  audience: 'どなたでも',
  description: '歌と体操のあと、お茶を飲みながらおしゃべりします。',
  imageUrl: '',
  ...overrides,
});

/** The time and place validForm() posts: an event made with these, edited through the form, changes neither. */
export const formTimeAndPlace = {
  placeName: '地域集会所 2階和室',
  address: '東京都中央区1-2-3',
  startsAt: tokyoDate('2026-12-05', '14:00'),
  endsAt: tokyoDate('2026-12-05', '16:00'),
} satisfies Partial<EventFields>;

export function eventFields(overrides: Partial<EventFields> = {}): EventFields {
  return {
    title: 'ふれあい会',
    kind: 'salon',
    areaId: 'shakujii',
    placeName: '地域集会所',
    address: null,
    mapUrl: null,
    startsAt: tokyoDate('2026-12-10', '10:00'),
    endsAt: tokyoDate('2026-12-10', '12:00'),
    capacity: 10,
    fee: null,
    audience: null,
    description: null,
    imageUrl: null,
    ...overrides,
  };
}

export async function addEvent(server: TestServer, overrides: Partial<EventFields> = {}, status: 'draft' | 'published' = 'published') {
  const { db } = server.deps;
  const now = server.deps.clock.now();
  const { event } = await createEvent(db, { id: crypto.randomUUID(), fields: eventFields(overrides), createdBy: null, now });
  if (status === 'draft') return event;
  const published = await publishEvent(db, event.id, now);
  if (!published.ok) throw new Error(published.message);
  return published.event;
}

let position = 0;

/** One RSVP row as the resident side would write it. */
export async function addRsvp(server: TestServer, input: { eventId: string; residentId: string; status: RsvpStatus; seat?: number; at?: Date }) {
  const [row] = await server.deps.db
    .insert(eventRsvps)
    .values({
      id: crypto.randomUUID(),
      eventId: input.eventId,
      residentId: input.residentId,
      status: input.status,
      seat: input.status === 'going' ? (input.seat ?? null) : null,
      position: ++position,
      requestKey: crypto.randomUUID(),
      createdAt: input.at ?? server.deps.clock.now(),
      cancelledAt: input.status === 'cancelled' ? server.deps.clock.now() : null,
    })
    .returning();
  return row!;
}
