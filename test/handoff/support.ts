import { eq } from 'drizzle-orm';
import { cases, residents } from '../../src/db/schema';
import { claimCase } from '../../src/services/handoff';
import { manualClock } from '../../src/time/clock';
import { Chat, Reply } from '../helpers/chat';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** A Tuesday morning in Tokyo: counselors are reading LINE. */
export const WEEKDAY_MORNING = '2026-11-24T10:00:00+09:00';

export const startHandoffServer = (options: { databaseUrl?: string; at?: string } = {}) =>
  startTestServer({ clock: manualClock(options.at ?? WEEKDAY_MORNING), ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) });

/** A resident who consented and asked for a person: their case waits in the queue. */
export async function waitingResident(server: TestServer, displayName?: string) {
  const chat = await Chat.open(server, displayName ? { displayName } : {});
  await chat.tap('同意する');
  await chat.say('人と話したい');
  const kase = await chat.openCase();
  if (kase?.status !== 'waiting') throw new Error('the case is not waiting');
  return { chat, caseId: kase.id };
}

/** A waiting resident whose case `staffId` has claimed. */
export async function claimedResident(server: TestServer, staffId = 'staff-a') {
  const w = await waitingResident(server);
  const result = await claimCase(server.deps, w.caseId, staffId);
  if (!result.ok) throw new Error(result.message);
  return w;
}

/** Everything LINE delivered to this resident after `mark` (a count of earlier deliveries), by any route. */
export class Inbox {
  private mark: number;
  constructor(
    private readonly server: TestServer,
    private readonly userId: string,
  ) {
    this.mark = server.emulator.inbox(userId).length;
  }

  /** Deliveries since the last call (or since the inbox was opened). */
  take() {
    const all = this.server.emulator.inbox(this.userId);
    const fresh = all.slice(this.mark);
    this.mark = all.length;
    return { deliveries: fresh, reply: new Reply(fresh.flatMap((d) => d.messages as Record<string, unknown>[])) };
  }
}

export async function caseRow(server: TestServer, caseId: string) {
  const [row] = await server.deps.db.select().from(cases).where(eq(cases.id, caseId));
  return row!;
}

export async function residentRow(server: TestServer, residentId: string) {
  const [row] = await server.deps.db.select().from(residents).where(eq(residents.id, residentId));
  return row!;
}
