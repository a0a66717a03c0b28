import { events, type EventRow } from '../../src/db/schema';
import type { Db } from '../../src/db/types';

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
