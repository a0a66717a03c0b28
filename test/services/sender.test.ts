import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { residentForContact } from '../../src/db/repos/residents';
import { deliveries } from '../../src/db/schema';
import { pushDelivery, recordDelivery, sendToResident, type Recipient } from '../../src/services/sender';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
let to: Recipient;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  server.emulator.clearFaults();
  server.emulator.setMonthlyLimit(null);
  const lineUserId = server.newResident();
  const resident = await residentForContact(server.deps.db, lineUserId, new Date());
  to = { residentId: resident.id, lineUserId };
});

const hello = [{ type: 'text' as const, text: 'こんにちは' }];
const inbox = () => server.emulator.inbox(to.lineUserId);
const callsSince = (seq: number, path: string) => server.emulator.requests(seq).filter((r) => r.path.endsWith(path));
const lastSeq = () => server.emulator.requests().at(-1)?.seq ?? 0;
const deliveryRows = () => server.deps.db.select().from(deliveries).where(eq(deliveries.residentId, to.residentId));

describe('sending to a resident', () => {
  it('uses the reply token while it is fresh', async () => {
    const token = server.emulator.issueReplyToken(to.lineUserId);
    expect(await sendToResident(server.deps, { to, messages: hello, replyToken: token, eventTime: new Date() })).toBe('sent');
    expect(inbox().map((d) => d.via)).toEqual(['reply']);
  });

  it('pushes with a stored retry key when the token is stale', async () => {
    const token = server.emulator.issueReplyToken(to.lineUserId);
    const eventTime = new Date(Date.now() - 5 * 60_000);
    const seq = lastSeq();
    expect(await sendToResident(server.deps, { to, messages: hello, replyToken: token, eventTime })).toBe('sent');
    const [row] = await deliveryRows();
    expect(row).toMatchObject({ method: 'push', status: 'sent' });
    expect(callsSince(seq, '/push')[0]?.retryKey).toBe(row!.retryKey);
    expect(row!.lineRequestId).toBe(callsSince(seq, '/push')[0]?.requestId);
  });

  it('falls back to push when LINE refuses the reply token outright', async () => {
    expect(await sendToResident(server.deps, { to, messages: hello, replyToken: 'never-issued', eventTime: new Date() })).toBe('sent');
    expect(inbox().map((d) => d.via)).toEqual(['push']);
  });

  it('retries 5xx and rate-limit 429 with the same retry key, delivering once', async () => {
    server.emulator.addFault({ status: 500, pathPrefix: '/v2/bot/message/push' });
    server.emulator.addFault({ status: 429, pathPrefix: '/v2/bot/message/push' });
    const seq = lastSeq();
    expect(await sendToResident(server.deps, { to, messages: hello })).toBe('sent');
    const pushes = callsSince(seq, '/push');
    expect(pushes.map((p) => p.status)).toEqual([500, 429, 200]);
    expect(new Set(pushes.map((p) => p.retryKey)).size).toBe(1);
    expect(inbox()).toHaveLength(1);
  });

  it('treats 409 (retry key already accepted) as sent and delivers nothing twice', async () => {
    const delivery = await recordDelivery(server.deps, { to, messages: hello });
    // The first attempt reached LINE but its answer was lost (e.g. the process died).
    await server.deps.line.push(to.lineUserId, hello, delivery.retryKey);
    expect(await pushDelivery(server.deps, delivery, { to, messages: hello })).toBe('sent');
    expect(inbox()).toHaveLength(1);
  });

  it('never retries the monthly-limit 429', async () => {
    server.emulator.setMonthlyLimit(0);
    const seq = lastSeq();
    expect(await sendToResident(server.deps, { to, messages: hello })).toBe('monthly_limit');
    expect(callsSince(seq, '/push')).toHaveLength(1);
    expect((await deliveryRows())[0]?.status).toBe('monthly_limit');
  });

  it('gives up after the retry budget and records the failure', async () => {
    server.emulator.addFault({ status: 503, count: 10, pathPrefix: '/v2/bot/message/push' });
    expect(await sendToResident(server.deps, { to, messages: hello })).toBe('failed');
    const [row] = await deliveryRows();
    expect(row).toMatchObject({ status: 'failed', attempts: 4, lastError: 'server_error 503' });
    expect(inbox()).toHaveLength(0);
  });

  it('retries a reply after a 5xx with the same token (LINE did not consume it)', async () => {
    server.emulator.addFault({ status: 500, pathPrefix: '/v2/bot/message/reply' });
    const token = server.emulator.issueReplyToken(to.lineUserId);
    expect(await sendToResident(server.deps, { to, messages: hello, replyToken: token, eventTime: new Date() })).toBe('sent');
    expect(inbox().map((d) => d.via)).toEqual(['reply']);
  });
});
