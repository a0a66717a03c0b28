import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, residents } from '../../src/db/schema';
import { claimCase, listQueue, queueCounts, transcript } from '../../src/services/handoff';
import type { TestServer } from '../helpers/test-server';
import { startHandoffServer, waitingResident } from './support';

let server: TestServer;
beforeAll(async () => {
  server = await startHandoffServer();
});
afterAll(() => server.close());

async function seedCase(i: number, urgency: 'crisis' | 'urgent' | 'normal', status: 'open' | 'waiting' | 'claimed' | 'closed', minutesAgo: number, assigneeId: string | null = null) {
  const now = server.deps.clock.now().getTime();
  const at = new Date(now - minutesAgo * 60_000);
  await server.deps.db.insert(residents).values({ id: `r${i}`, lineUserId: `Useed${i}`, displayName: `住民${i}`, createdAt: at });
  await server.deps.db.insert(cases).values({
    id: `c${i}`,
    residentId: `r${i}`,
    category: 'other',
    urgency,
    departmentId: 'soumu',
    status,
    createdAt: at,
    updatedAt: at,
    waitingSince: status === 'open' ? null : at,
    assigneeId,
    claimedAt: status === 'claimed' ? at : null,
  });
}

describe('the queue for the admin pages', () => {
  it('orders crisis, urgent, normal, then the longest waiting; views and counts', async () => {
    await seedCase(1, 'normal', 'waiting', 50);
    await seedCase(2, 'urgent', 'waiting', 10);
    await seedCase(3, 'crisis', 'waiting', 1);
    await seedCase(4, 'normal', 'waiting', 90);
    await seedCase(5, 'urgent', 'claimed', 30, 'staff-a');
    await seedCase(6, 'normal', 'claimed', 60, 'staff-b');
    await seedCase(7, 'crisis', 'closed', 100, 'staff-a');
    await seedCase(8, 'normal', 'open', 5);
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    expect(ids(await listQueue(server.deps.db, { view: 'waiting' }))).toEqual(['c3', 'c2', 'c4', 'c1']);
    expect(ids(await listQueue(server.deps.db, { view: 'waiting', limit: 2, offset: 1 }))).toEqual(['c2', 'c4']);
    expect(ids(await listQueue(server.deps.db, { view: 'mine', staffId: 'staff-a' }))).toEqual(['c5']);
    expect(ids(await listQueue(server.deps.db, { view: 'all' }))).toEqual(['c3', 'c5', 'c2', 'c4', 'c6', 'c1']);
    expect(await queueCounts(server.deps.db, { staffId: 'staff-a' })).toEqual({
      waiting: { crisis: 1, urgent: 1, normal: 2, total: 4 },
      claimed: { crisis: 0, urgent: 1, normal: 1, total: 2 },
      mine: { crisis: 0, urgent: 1, normal: 0, total: 1 },
    });
    const [top] = await listQueue(server.deps.db, { view: 'waiting', limit: 1 });
    expect(top).toMatchObject({ id: 'c3', displayName: '住民3', urgency: 'crisis', status: 'waiting', assigneeId: null });
    expect(top).not.toHaveProperty('summary');
  });

  it('the transcript pages back and polls forward by id', async () => {
    const { chat, caseId } = await waitingResident(server);
    await claimCase(server.deps, caseId, 'staff-a');
    for (const t of ['一', '二', '三']) await chat.say(t);
    const latest = await transcript(server.deps.db, caseId, { limit: 2 });
    expect(latest!.messages.map((m) => m.body)).toEqual(['二', '三']);
    const earlier = await transcript(server.deps.db, caseId, { before: latest!.messages[0]!.id, limit: 1 });
    expect(earlier!.messages.map((m) => m.body)).toEqual(['一']);
    const all = await transcript(server.deps.db, caseId);
    expect(all!.messages[0]).toMatchObject({ from: 'resident', kind: 'follow' });
    expect(all!.messages.some((m) => m.from === 'bot')).toBe(true);
    expect(await transcript(server.deps.db, 'nope')).toBeUndefined();
  });
});
