import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliveries } from '../../src/db/schema';
import { replyToResident, transcript } from '../../src/services/handoff';
import type { TestServer } from '../helpers/test-server';
import { caseRow, claimedResident, Inbox, startHandoffServer, waitingResident } from './support';

let server: TestServer;
beforeAll(async () => {
  server = await startHandoffServer();
});
afterAll(() => server.close());
beforeEach(() => server.emulator.clearFaults());

const lastSeq = () => server.emulator.requests().at(-1)?.seq ?? 0;
const pushesSince = (seq: number) => server.emulator.requests(seq).filter((r) => r.path.endsWith('/push'));

const claimed = (staffId?: string) => claimedResident(server, staffId);

describe('a counselor replies to the resident', () => {
  it('by push with a stored retry key; the text joins the transcript; first_response_at is set once', async () => {
    const { chat, caseId } = await claimed();
    const inbox = new Inbox(server, chat.userId);
    const seq = lastSeq();
    const result = await replyToResident(server.deps, caseId, 'staff-a', '  相談員の田中です。お話をうかがいます。 ');
    expect(result).toMatchObject({ ok: true, outcome: 'sent', method: 'push' });
    const { deliveries: got, reply } = inbox.take();
    expect(got.map((d) => d.via)).toEqual(['push']);
    expect(reply.text).toBe('相談員の田中です。お話をうかがいます。');
    const [row] = await server.deps.db.select().from(deliveries).where(eq(deliveries.id, result.ok ? result.deliveryId : ''));
    expect(pushesSince(seq).map((p) => p.retryKey)).toEqual([row!.retryKey]);
    const seen = await transcript(server.deps.db, caseId);
    expect(seen!.messages.at(-1)).toMatchObject({ from: 'staff', staffId: 'staff-a', direction: 'out', body: '相談員の田中です。お話をうかがいます。' });
    const first = (await caseRow(server, caseId)).firstResponseAt;
    expect(first).toEqual(server.deps.clock.now());
    (server.deps.clock as unknown as { advance(ms: number): void }).advance(60_000);
    await replyToResident(server.deps, caseId, 'staff-a', 'ほかにも気になることはありますか？');
    expect((await caseRow(server, caseId)).firstResponseAt).toEqual(first);
  });

  it('LINE answers 500 once: retried with the same key, delivered once', async () => {
    const { chat, caseId } = await claimed();
    const inbox = new Inbox(server, chat.userId);
    server.emulator.addFault({ status: 500, pathPrefix: '/v2/bot/message/push' });
    const seq = lastSeq();
    expect(await replyToResident(server.deps, caseId, 'staff-a', 'お待たせしました。')).toMatchObject({ ok: true, outcome: 'sent' });
    const pushes = pushesSince(seq);
    expect(pushes.map((p) => p.status)).toEqual([500, 200]);
    expect(new Set(pushes.map((p) => p.retryKey)).size).toBe(1);
    expect(inbox.take().deliveries).toHaveLength(1);
  });

  it('when LINE keeps failing, the page learns it and sees the unsent reply', async () => {
    const { caseId } = await claimed();
    server.emulator.addFault({ status: 503, count: 10, pathPrefix: '/v2/bot/message/push' });
    expect(await replyToResident(server.deps, caseId, 'staff-a', '届かない返信')).toMatchObject({ ok: true, outcome: 'failed' });
    const seen = await transcript(server.deps.db, caseId);
    expect(seen!.unsent).toMatchObject([{ status: 'failed', text: '届かない返信', staffId: 'staff-a' }]);
    expect(seen!.messages.some((m) => m.body === '届かない返信')).toBe(false);
    expect((await caseRow(server, caseId)).firstResponseAt).toBeNull();
  });

  it('the resident writes back and the counselor sees only what is new', async () => {
    const { chat, caseId } = await claimed();
    await replyToResident(server.deps, caseId, 'staff-a', 'こんにちは。');
    const before = await transcript(server.deps.db, caseId);
    const nothingNew = await transcript(server.deps.db, caseId, { after: before!.lastId! });
    expect(nothingNew!.messages).toEqual([]);
    expect(nothingNew!.lastId).toBe(before!.lastId);
    await chat.say('ありがとうございます。実は家賃のことで');
    const fresh = await transcript(server.deps.db, caseId, { after: before!.lastId! });
    expect(fresh!.messages.map((m) => [m.from, m.body])).toEqual([['resident', 'ありがとうございます。実は家賃のことで']]);
  });

  it('only the assignee can reply; and a reply needs words', async () => {
    const { caseId } = await claimed('staff-a');
    expect(await replyToResident(server.deps, caseId, 'staff-b', 'x')).toMatchObject({
      ok: false,
      reason: 'not_assignee',
      current: { status: 'claimed', assigneeId: 'staff-a' },
    });
    expect(await replyToResident(server.deps, caseId, 'staff-a', '   ')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await replyToResident(server.deps, caseId, 'staff-a', 'あ'.repeat(5001))).toMatchObject({ ok: false, reason: 'invalid' });
    const waiting = await waitingResident(server);
    expect(await replyToResident(server.deps, waiting.caseId, 'staff-a', 'x')).toMatchObject({ ok: false, reason: 'not_claimed' });
    expect(await replyToResident(server.deps, 'no-such-case', 'staff-a', 'x')).toMatchObject({ ok: false, reason: 'not_found' });
  });
});
