import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationSteps } from '../../src/db/schema';
import { claimCase } from '../../src/services/handoff';
import { startSqld, type Sqld } from '../helpers/sqld';
import { caseRow, startHandoffServer, waitingResident } from './support';

let sqld: Sqld;
beforeAll(async () => {
  sqld = await startSqld();
});
afterAll(() => sqld.stop());

const TRIALS = 20;
const COUNSELORS = ['staff-a', 'staff-b'];

describe.each([
  ['file', () => undefined],
  ['sqld', () => sqld.url],
])('two counselors claim the same case at the same instant (%s)', (_name, databaseUrl) => {
  it(`one owner, every time (${TRIALS} trials)`, { timeout: 60_000 }, async () => {
    const server = await startHandoffServer({ databaseUrl: databaseUrl() });
    try {
      const waiting = [];
      for (let i = 0; i < TRIALS; i++) waiting.push(await waitingResident(server, `住民${i}`));
      for (const { chat, caseId } of waiting) {
        const revisionBefore = (await chat.session())!.revision;
        const results = await Promise.all(COUNSELORS.map((staffId) => claimCase(server.deps, caseId, staffId)));
        const won = results.filter((r) => r.ok);
        const lost = results.filter((r) => !r.ok);
        expect(won).toHaveLength(1);
        const owner = won[0]!.ok ? won[0]!.case.assigneeId : null;
        expect(lost[0]).toMatchObject({ reason: 'already_claimed', current: { status: 'claimed', assigneeId: owner } });
        expect(await caseRow(server, caseId)).toMatchObject({ status: 'claimed', assigneeId: owner });
        // Exactly one step marks the claim (the loser's conditional writes did nothing).
        const resident = await chat.resident();
        const steps = await server.deps.db.select().from(conversationSteps).where(eq(conversationSteps.residentId, resident.id));
        expect(Math.max(...steps.map((s) => s.revision))).toBe(revisionBefore + 1);
      }
    } finally {
      await server.close();
    }
  });

  it('many at once, and a claim racing the resident’s own message: still one owner, and the bot keeps quiet after', { timeout: 60_000 }, async () => {
    const server = await startHandoffServer({ databaseUrl: databaseUrl() });
    try {
      for (let i = 0; i < 5; i++) {
        const { chat, caseId } = await waitingResident(server);
        const staff = Array.from({ length: 8 }, (_, k) => `staff-${k}`);
        const [results] = await Promise.all([
          Promise.all(staff.map((s) => claimCase(server.deps, caseId, s))),
          chat.say('よろしくお願いします'),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect((await caseRow(server, caseId)).status).toBe('claimed');
        await chat.say('家賃が払えません');
        expect(chat.last.messages).toEqual([]);
      }
    } finally {
      await server.close();
    }
  });
});
