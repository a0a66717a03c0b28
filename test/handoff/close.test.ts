import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addNote,
  caseHistory,
  closeCase,
  getCase,
  listNotes,
  listQueue,
  releaseCase,
  replyToResident,
  transferCase,
} from '../../src/services/handoff';
import type { TestServer } from '../helpers/test-server';
import { caseRow, claimedResident, Inbox, startHandoffServer } from './support';

let server: TestServer;
beforeAll(async () => {
  server = await startHandoffServer();
});
afterAll(() => server.close());

const claimed = (staffId?: string) => claimedResident(server, staffId);

describe('closing a case hands the resident back to the bot', () => {
  it('a short message with the menu; the outcome and corrected category are kept; the bot answers the next message', async () => {
    const { chat, caseId } = await claimed();
    await replyToResident(server.deps, caseId, 'staff-a', 'お話をうかがいます。');
    const inbox = new Inbox(server, chat.userId);
    const result = await closeCase(server.deps, caseId, 'staff-a', { outcome: 'referred', category: 'money', note: '生活サポートセンターにつないだ' });
    expect(result).toMatchObject({ ok: true, message: 'sent' });
    const { reply } = inbox.take();
    expect(reply.text).toContain('相談員との会話を終了しました。');
    expect(reply.text).toContain('またいつでもご相談ください。');
    expect(reply.choices).toEqual(expect.arrayContaining(['お金・生活費', '高齢・介護', '人と話したい']));
    expect(await caseRow(server, caseId)).toMatchObject({
      status: 'closed',
      outcome: 'referred',
      category: 'money',
      triageCategory: 'other',
      closedBy: 'staff-a',
      closedAt: server.deps.clock.now(),
      assigneeId: 'staff-a',
    });
    expect((await listNotes(server.deps.db, caseId)).map((n) => [n.kind, n.body])).toEqual([['close', '生活サポートセンターにつないだ']]);

    // The menu that came with the message works, and so does free text.
    await chat.tap('お金・生活費', reply);
    expect(chat.last.text).toContain('お金のことですね');
    await chat.say('父が認知症かもしれない');
    expect(chat.last.text).toContain('地域包括支援センター');
    const resident = await chat.resident();
    const history = await caseHistory(server.deps.db, resident.id);
    expect(history.map((c) => c.status)).toEqual(['open', 'closed']);
    expect(history[1]).toMatchObject({ id: caseId, outcome: 'referred' });
  });

  it('asking for a person again after a close opens a new case in the queue', async () => {
    const { chat, caseId } = await claimed();
    await closeCase(server.deps, caseId, 'staff-a', { outcome: 'resolved', category: 'other' });
    await chat.say('人と話したい');
    expect(chat.last.text).toContain('番目です');
    const again = await chat.openCase();
    expect(again).toMatchObject({ status: 'waiting' });
    expect(again!.id).not.toBe(caseId);
  });

  it('only the assignee closes, with a known outcome and category', async () => {
    const { caseId } = await claimed('staff-a');
    expect(await closeCase(server.deps, caseId, 'staff-b', { outcome: 'resolved', category: 'other' })).toMatchObject({
      ok: false,
      reason: 'not_assignee',
    });
    // @ts-expect-error an outcome that does not exist
    expect(await closeCase(server.deps, caseId, 'staff-a', { outcome: 'done', category: 'other' })).toMatchObject({ reason: 'invalid' });
    // @ts-expect-error a category that does not exist
    expect(await closeCase(server.deps, caseId, 'staff-a', { outcome: 'resolved', category: 'food' })).toMatchObject({ reason: 'invalid' });
    expect(await closeCase(server.deps, caseId, 'staff-b', { outcome: 'unreachable', category: 'other' }, { override: true })).toMatchObject({
      ok: true,
    });
    expect(await closeCase(server.deps, caseId, 'staff-a', { outcome: 'resolved', category: 'other' })).toMatchObject({ reason: 'closed' });
    expect((await caseRow(server, caseId)).closedBy).toBe('staff-b');
  });
});

describe('release, transfer and notes', () => {
  it('release: back in the queue at the same place, with no assignee', async () => {
    const first = await claimed();
    const before = await caseRow(server, first.caseId);
    const result = await releaseCase(server.deps, first.caseId, 'staff-a', { note: '午後に折り返し' });
    expect(result).toMatchObject({ ok: true, case: { status: 'waiting', assigneeId: null, claimedAt: null, waitingSince: before.waitingSince } });
    expect(await releaseCase(server.deps, first.caseId, 'staff-a')).toMatchObject({ ok: false, reason: 'not_claimed' });
    expect((await listNotes(server.deps.db, first.caseId)).map((n) => n.kind)).toEqual(['release']);
  });

  it('transfer to a counselor: they have it now, with the note; the first counselor cannot reply any more', async () => {
    const { caseId } = await claimed('staff-a');
    const moved = await transferCase(server.deps, caseId, 'staff-a', { toStaffId: 'staff-c', note: '障害のことに詳しい方へ' });
    expect(moved).toMatchObject({ ok: true, case: { status: 'claimed', assigneeId: 'staff-c' } });
    expect(await replyToResident(server.deps, caseId, 'staff-a', 'x')).toMatchObject({ reason: 'not_assignee' });
    expect(await replyToResident(server.deps, caseId, 'staff-c', '引き継ぎました。')).toMatchObject({ ok: true });
    expect(await listNotes(server.deps.db, caseId)).toMatchObject([
      { kind: 'transfer', staffId: 'staff-a', toStaffId: 'staff-c', toDepartmentId: null, body: '障害のことに詳しい方へ' },
    ]);
  });

  it('transfer to a department: back in the queue under it, and the bot no longer moves it', async () => {
    const { chat, caseId } = await claimed('staff-a');
    const moved = await transferCase(server.deps, caseId, 'staff-a', { departmentId: 'kenri-yougo', note: '成年後見の相談' });
    expect(moved).toMatchObject({ ok: true, case: { status: 'waiting', assigneeId: null, departmentId: 'kenri-yougo', staffRouted: true } });
    const queue = await listQueue(server.deps.db, { view: 'waiting', limit: 200 });
    expect(queue.find((c) => c.id === caseId)).toMatchObject({ departmentId: 'kenri-yougo' });
    await chat.say('父が認知症かもしれない'); // the bot answers (waiting), but the staff's routing stands
    expect(chat.last.text).toContain('地域包括支援センター');
    expect(await caseRow(server, caseId)).toMatchObject({ departmentId: 'kenri-yougo', category: 'other', status: 'waiting' });
  });

  it('transfer needs a note and a known destination', async () => {
    const { caseId } = await claimed('staff-a');
    expect(await transferCase(server.deps, caseId, 'staff-a', { toStaffId: 'staff-c', note: ' ' })).toMatchObject({ reason: 'invalid' });
    expect(await transferCase(server.deps, caseId, 'staff-a', { note: 'どこかへ' })).toMatchObject({ reason: 'invalid' });
    expect(await transferCase(server.deps, caseId, 'staff-a', { departmentId: 'nowhere', note: 'x' })).toMatchObject({ reason: 'invalid' });
    expect(await transferCase(server.deps, caseId, 'staff-b', { toStaffId: 'staff-c', note: 'x' })).toMatchObject({ reason: 'not_assignee' });
  });

  it('internal notes, and the case view', async () => {
    const { chat, caseId } = await claimed('staff-a');
    expect(await addNote(server.deps, caseId, 'staff-b', '  以前にも電話相談あり  ')).toMatchObject({ ok: true, note: { body: '以前にも電話相談あり' } });
    expect(await addNote(server.deps, caseId, 'staff-b', '')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await addNote(server.deps, 'no-such-case', 'staff-b', 'x')).toMatchObject({ ok: false, reason: 'not_found' });
    const view = await getCase(server.deps.db, caseId);
    expect(view).toMatchObject({
      case: { id: caseId, status: 'claimed', assigneeId: 'staff-a' },
      resident: { id: (await chat.resident()).id, displayName: '練馬 はなこ', consent: 'given' },
      notes: [{ kind: 'note', staffId: 'staff-b' }],
      position: null,
    });
    expect(view!.case).not.toHaveProperty('replyToken');
  });
});
