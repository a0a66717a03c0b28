import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESIDENTS, seedDemoData } from '../../src/db/seed-demo';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('demo data', () => {
  it('is seeded once per database, however often the server starts', async () => {
    expect(await seedDemoData(server.deps.db, server.deps.profile, new Date())).toBe(true);
    expect(await seedDemoData(server.deps.db, server.deps.profile, new Date())).toBe(false);
    expect(await server.count('residents')).toBe(DEMO_RESIDENTS.length);
    // Published, upcoming and marked as demo, so the simulator's event search finds them.
    expect(await server.count(`events where status = 'published' and starts_at > ${Date.now()} and title like '【デモ】%'`)).toBe(3);
  });
});
