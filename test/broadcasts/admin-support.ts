import { eq } from 'drizzle-orm';
import { broadcasts, events } from '../../src/db/schema';
import type { TestServer } from '../helpers/test-server';
import { addNoticeResidents } from './notice-residents';

/** A published event, as the staff event pages would leave it. */
export async function publishedEvent(
  server: TestServer,
  fields: { title: string; kind: string; areaId: string; startsAt: string; endsAt: string; capacity?: number; placeName?: string; address?: string; fee?: string },
) {
  const now = server.deps.clock.now();
  const id = crypto.randomUUID();
  await server.deps.db.insert(events).values({
    id,
    title: fields.title,
    kind: fields.kind,
    areaId: fields.areaId,
    placeName: fields.placeName ?? '地区の集会所',
    address: fields.address ?? null,
    startsAt: new Date(fields.startsAt),
    endsAt: new Date(fields.endsAt),
    capacity: fields.capacity ?? null,
    fee: fields.fee ?? null,
    status: 'published',
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
  });
  return id;
}

/** Every text a LINE user received, in order. */
export function textsReceived(server: TestServer, lineUserId: string): string[] {
  return server.emulator
    .inbox(lineUserId)
    .flatMap((d) => d.messages as { type: string; text?: string }[])
    .filter((m) => m.type === 'text')
    .map((m) => m.text ?? '');
}

export const broadcastRow = async (server: TestServer, id: string) => (await server.deps.db.select().from(broadcasts).where(eq(broadcasts.id, id)))[0];

/** The hidden request key a rendered compose or disaster form carries. */
export const requestKeyIn = (html: string) => /name="requestKey" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** The broadcast id of a redirect to its progress page. */
export const broadcastIdOf = (res: Response) => /\/admin\/broadcasts\/([^/?]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? '';

/** One resident with these お知らせ設定 (see addNoticeResidents); returns the LINE user id. */
export async function noticeResident(server: TestServer, tag: string, setting: { optedIn?: boolean; following?: boolean; areas?: string[]; kinds?: string[] }) {
  const made = await addNoticeResidents(server.deps.db, server.emulator, { tag, count: 1, now: server.deps.clock.now(), ...setting });
  return made.lineUserIds[0]!;
}
