import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/time/clock';
import { Chat } from '../helpers/chat';
import { runExport } from '../helpers/export-cli';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: manualClock('2026-11-24T10:00:00+09:00') });
});
afterAll(() => server.close());

const exportCli = (...args: string[]) => runExport(server.databaseUrl, ...args);

describe('npm run -s export -- cases', () => {
  it('prints one JSON line per case, in Tokyo time, without the resident’s words', async () => {
    const a = await Chat.open(server);
    await a.tap('同意する');
    await a.say('家賃が払えない');
    const b = await Chat.open(server, { follow: false });
    await b.say('死にたい');
    const { stdout } = await exportCli('cases');
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      created_at: '2026-11-24T10:00:00+09:00',
      category: 'money',
      urgency: 'normal',
      department: 'seikatsu-support',
      department_name: '生活サポートセンター',
      status: 'open',
    });
    expect(rows[1]).toMatchObject({ category: 'isolation', urgency: 'crisis', status: 'waiting', crisis_kinds: ['suicide'] });
    for (const key of ['id', 'created_at', 'category', 'urgency', 'department', 'status']) expect(rows[0]).toHaveProperty(key);
    expect(stdout).not.toContain('家賃が払えない');
    expect(stdout).not.toContain('死にたい');
  });

  it('an unknown kind is a clear error', async () => {
    await expect(exportCli('nothing')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown export "nothing"') });
  });
});
