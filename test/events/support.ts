import { residentForContact } from '../../src/db/repos/residents';
import { events, type EventRow } from '../../src/db/schema';
import type { Db } from '../../src/db/types';
import { joinEvent } from '../../src/events/rsvp';
import type { TestServer } from '../helpers/test-server';

type NewEvent = Partial<typeof events.$inferInsert> & { startsAt: Date };

/** An event row as staff would publish it (the staff pages are not under test here). */
export async function insertEvent(db: Db, over: NewEvent): Promise<EventRow> {
  const now = new Date(over.startsAt.getTime() - 30 * 24 * 60 * 60_000);
  const [row] = await db
    .insert(events)
    .values({
      id: crypto.randomUUID(),
      title: 'ふれあいサロン',
      kind: 'salon',
      areaId: 'nerima',
      placeName: '地域集会所',
      address: '練馬区豊玉北1-1-1',
      endsAt: new Date(over.startsAt.getTime() + 2 * 60 * 60_000),
      capacity: null,
      fee: '100円（お茶代）',
      audience: 'どなたでも',
      description: 'お茶を飲みながら、おしゃべりを楽しみましょう。',
      status: 'published',
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
      ...over,
    })
    .returning();
  return row!;
}

/** A new LINE resident (known to the emulator) who taps 参加する at `joinedAt`; throws if the RSVP is refused. */
export async function joinAsNewResident(server: TestServer, event: EventRow, joinedAt: Date) {
  const userId = server.newResident();
  const resident = await residentForContact(server.deps.db, userId, joinedAt);
  const result = await joinEvent(server.deps.db, { eventId: event.id, residentId: resident.id, requestKey: crypto.randomUUID(), now: joinedAt });
  if (!result.ok) throw new Error('RSVP refused');
  return { userId, residentId: resident.id, rsvp: result.rsvp };
}

/** What a LINE user received that tells them a seat freed up for them (【キャンセル待ちのお知らせ】). */
export const promotionsTo = (server: TestServer, userId: string) =>
  server.emulator.inbox(userId).filter((d) => JSON.stringify(d.messages).includes('キャンセル待ちのお知らせ'));
