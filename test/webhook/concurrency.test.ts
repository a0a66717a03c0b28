import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textMessageEvent } from '../../src/dev/simulator/events';
import { startSqld, type Sqld } from '../helpers/sqld';
import { startTestServer } from '../helpers/test-server';

// The libSQL file client can lose writes after SQLITE_BUSY (TOOLCHAIN.md); these
// count rows after a burst to prove nothing is lost, on a file and on sqld over HTTP.
let sqld: Sqld;
beforeAll(async () => {
  sqld = await startSqld();
});
afterAll(() => sqld.stop());

describe.each([
  ['file', () => undefined],
  ['sqld', () => sqld.url],
])('500 concurrent signed webhook events (%s)', (_name, databaseUrl) => {
  it("all land: 500 events, 500 residents, 500 inbound and 500 replies", { timeout: 120_000 }, async () => {
    const server = await startTestServer({ databaseUrl: databaseUrl() });
    try {
      const users = Array.from({ length: 500 }, (_, i) => server.newResident(`住民${i}`));
      const statuses = await Promise.all(
        users.map((u, i) => server.post([textMessageEvent(u, server.emulator.issueReplyToken(u), `こんにちは ${i}`)])),
      );
      expect(statuses.filter((s) => s === 200)).toHaveLength(500);
      await server.drain();
      expect(await server.count('webhook_events')).toBe(500);
      expect(await server.count("webhook_events where status = 'processed'")).toBe(500);
      expect(await server.count('residents')).toBe(500);
      expect(await server.count("messages where direction = 'in'")).toBe(500);
      expect(await server.count("deliveries where status = 'sent'")).toBe(500);
      expect(users.every((u) => server.emulator.inbox(u).length === 1)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
