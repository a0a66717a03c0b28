import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBroadcast } from '../../src/broadcasts/create';
import { runDueBroadcasts } from '../../src/broadcasts/runner';
import { manualClock } from '../../src/time/clock';
import { runExport } from '../helpers/export-cli';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addNoticeResidents } from './notice-residents';

const NOW = new Date('2026-11-24T10:00:00+09:00');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: manualClock(NOW), profile: 'sample-town' });
});
afterAll(() => server.close());

describe('npm run -s export -- broadcasts', () => {
  it('prints one JSON line per broadcast, oldest first, in Tokyo time, with counts and no resident or LINE ids', async () => {
    await addNoticeResidents(server.deps.db, server.emulator, { tag: 'd0', count: 3, now: NOW, areas: ['chuo'], kinds: ['cafe'] });
    await addNoticeResidents(server.deps.db, server.emulator, { tag: 'd1', count: 2, now: NOW, areas: ['kawabe'], kinds: ['cafe'] });
    const base = { eventId: null, createdBy: 'staff-1' };
    const sent = await createBroadcast(server.deps, { ...base, kind: 'notice', text: '中央のカフェです', audience: { type: 'segment', areas: ['chuo'], kinds: ['cafe'] }, scheduledAt: NOW, requestKey: crypto.randomUUID() });
    await runDueBroadcasts(server.deps);
    const later = await createBroadcast(server.deps, { ...base, kind: 'disaster', text: '災害ボランティアセンターを開きました', audience: { type: 'all' }, scheduledAt: new Date('2026-11-25T09:00:00+09:00'), requestKey: crypto.randomUUID() });

    const { stdout } = await runExport(server.databaseUrl, 'broadcasts');
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({
        id: sent.id,
        kind: 'notice',
        status: 'done',
        audience: { type: 'segment', areas: ['chuo'], kinds: ['cafe'] },
        recipient_count: 3,
        sent: 3,
        skipped: 0,
        failed: 0,
        remaining: 0,
        chunk_count: 1,
        chunks_sent: 1,
        scheduled_at: '2026-11-24T10:00:00+09:00',
        started_at: '2026-11-24T10:00:00+09:00',
        finished_at: '2026-11-24T10:00:00+09:00',
        created_by: 'staff-1',
      }),
      expect.objectContaining({ id: later.id, kind: 'disaster', status: 'scheduled', audience: { type: 'all' }, recipient_count: 5, sent: 0, remaining: 5, scheduled_at: '2026-11-25T09:00:00+09:00', started_at: null }),
    ]);
    expect(stdout).not.toMatch(/U[0-9a-f]{32}|res-d[01]/);
  });

  it('is listed in the help', async () => {
    const { stderr } = await runExport(server.databaseUrl, '--help');
    expect(stderr).toContain('broadcasts');
  });
});
