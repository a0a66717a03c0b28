import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditInsert, recordAudit } from '../../src/auth/audit';
import { clientAddress, ipv6Prefix64 } from '../../src/auth/client-address';
import { safeNextPath } from '../../src/auth/respond';
import { auditLog } from '../../src/db/schema';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('recordAudit', () => {
  it('appends rows with ids and codes; refuses free text in detail', async () => {
    const at = new Date('2026-06-01T00:00:00Z');
    await recordAudit(server.deps.db, { at, actorUserId: null, action: 'case.view', caseId: 'case-1', detail: { tab: 'transcript', n: 3 } });
    expect(() => auditInsert(server.deps.db, { at, actorUserId: null, action: 'case.view', detail: { text: 'あ'.repeat(101) } })).toThrow(RangeError);
    const rows = await server.deps.db.select().from(auditLog);
    expect(rows).toEqual([{ id: 1, at, actorUserId: null, action: 'case.view', caseId: 'case-1', detail: { tab: 'transcript', n: 3 } }]);
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/admin/queue', '/admin/queue'],
    ['/admin', '/admin'],
    ['/admin/cases/1?x=2', '/admin/cases/1?x=2'],
    ['/administrator', undefined],
    ['//evil.example/admin', undefined],
    ['https://evil.example/admin', undefined],
    ['/admin\\..\\evil', undefined],
    ['/admin/login?next=/admin', undefined],
    ['/admin/\n', undefined],
    [undefined, undefined],
  ])('%s → %s', (input, expected) => expect(safeNextPath(input)).toBe(expected));
});

describe('client address', () => {
  it('groups IPv6 by /64', () => {
    expect(ipv6Prefix64('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(ipv6Prefix64('2001:0db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipv6Prefix64('::1')).toBe('0:0:0:0::/64');
  });

  it('trusts cf-connecting-ip only on a Cloudflare request; a Node request is "local"', async () => {
    const app = new Hono().get('/', (c) => c.text(clientAddress(c)));
    expect(await (await app.request('/', { headers: { 'cf-connecting-ip': '203.0.113.9' } })).text()).toBe('local');
    const onCloudflare = new Request('http://x/', { headers: { 'cf-connecting-ip': '203.0.113.9' } });
    Object.defineProperty(onCloudflare, 'cf', { value: { colo: 'NRT' } });
    expect(await (await app.fetch(onCloudflare)).text()).toBe('203.0.113.9');
  });
});
