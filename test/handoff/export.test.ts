import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimCase, closeCase, replyToResident } from '../../src/services/handoff';
import type { TestServer } from '../helpers/test-server';
import { startHandoffServer, waitingResident } from './support';

const run = promisify(execFile);
let server: TestServer;
beforeAll(async () => {
  server = await startHandoffServer();
});
afterAll(() => server.close());

const clock = () => server.deps.clock as unknown as { advance(ms: number): void };
const exportCases = async () => {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', 'cases'], {
    env: { ...process.env, DATABASE_URL: server.databaseUrl },
  });
  return stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
};

describe('npm run -s export -- cases, with the handoff', () => {
  it('status, assignee, outcome, claimed_at, closed_at and first_response_seconds', async () => {
    const done = await waitingResident(server); // waiting since 10:00
    const open = await waitingResident(server);
    clock().advance(4 * 60_000);
    await claimCase(server.deps, done.caseId, 'staff-a'); // 10:04
    clock().advance(90_000);
    await replyToResident(server.deps, done.caseId, 'staff-a', 'お話をうかがいます。'); // 10:05:30
    clock().advance(20 * 60_000);
    await closeCase(server.deps, done.caseId, 'staff-a', { outcome: 'ongoing', category: 'isolation' });
    const rows = await exportCases();
    const closed = rows.find((r) => r.id === done.caseId);
    expect(closed).toMatchObject({
      status: 'closed',
      assignee: 'staff-a',
      outcome: 'ongoing',
      category: 'isolation',
      triage_category: 'other',
      waiting_since: '2026-11-24T10:00:00+09:00',
      claimed_at: '2026-11-24T10:04:00+09:00',
      first_response_at: '2026-11-24T10:05:30+09:00',
      first_response_seconds: 330,
      closed_at: '2026-11-24T10:25:30+09:00',
      closed_by: 'staff-a',
    });
    expect(rows.find((r) => r.id === open.caseId)).toMatchObject({
      status: 'waiting',
      assignee: null,
      outcome: null,
      claimed_at: null,
      closed_at: null,
      first_response_seconds: null,
    });
  });
});
