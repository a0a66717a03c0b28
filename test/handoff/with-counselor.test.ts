import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimCase, listQueue, releaseCase, replyToResident, transcript } from '../../src/services/handoff';
import type { TestServer } from '../helpers/test-server';
import { caseRow, claimedResident, Inbox, startHandoffServer, waitingResident } from './support';

let server: TestServer;
beforeAll(async () => {
  server = await startHandoffServer();
});
afterAll(() => server.close());

const claimed = (staffId?: string) => claimedResident(server, staffId);

describe('while a counselor has the case, the bot steps aside', () => {
  it('texts get no automatic answer, yet are logged and visible to the counselor', async () => {
    const { chat, caseId } = await claimed();
    await chat.say('家賃が払えなくて困っています');
    expect(chat.last.messages).toEqual([]);
    await chat.say('メニュー');
    expect(chat.last.messages).toEqual([]);
    await chat.say('人と話したい');
    expect(chat.last.messages).toEqual([]);
    const seen = await transcript(server.deps.db, caseId);
    expect(seen!.messages.slice(-3).map((m) => [m.from, m.body])).toEqual([
      ['resident', '家賃が払えなくて困っています'],
      ['resident', 'メニュー'],
      ['resident', '人と話したい'],
    ]);
    // The bot's guesses do not move a case the counselor has.
    expect(await caseRow(server, caseId)).toMatchObject({ status: 'claimed', assigneeId: 'staff-a', category: 'other' });
  });

  it('taps on earlier buttons get no automatic answer either', async () => {
    const w = await waitingResident(server);
    const menuReply = w.chat.last; // the "you are in the queue" reply, with 他の相談
    await claimCase(server.deps, w.caseId, 'staff-a');
    await w.chat.tap('他の相談', menuReply);
    expect(w.chat.last.messages).toEqual([]);
  });

  it('a crisis is still answered at once with the hotlines (life first), and the case becomes a crisis', async () => {
    const { chat, caseId } = await claimed('staff-b');
    const normal = await claimed('staff-b');
    await chat.say('もう死にたい');
    expect(chat.last.messages[1]?.type).toBe('flex');
    expect(chat.last.text).toContain('0570-783-556');
    expect(chat.last.text).toContain('担当の相談員にも届いています');
    expect(chat.last.text).not.toContain('番目です');
    expect(chat.last.choices).toEqual([]);
    expect(await caseRow(server, caseId)).toMatchObject({ status: 'claimed', assigneeId: 'staff-b', urgency: 'crisis', crisisKinds: 'suicide', category: 'other' });
    const mine = await listQueue(server.deps.db, { view: 'mine', staffId: 'staff-b' });
    expect(mine.map((c) => c.id)).toEqual([caseId, normal.caseId]);
    // Afterwards the bot is silent again.
    await chat.say('ありがとう');
    expect(chat.last.messages).toEqual([]);
  });

  it('a consent decision still takes effect (silently)', async () => {
    const { chat } = await claimed();
    await chat.say('同意をやめたい');
    expect(chat.last.messages).toEqual([]);
    expect((await chat.resident()).consent).toBe('withdrawn');
    await chat.say('同意する');
    expect((await chat.resident()).consent).toBe('given');
  });

  it('the counselor answers a fresh message with its reply token', async () => {
    const { chat, caseId } = await claimed();
    const inbox = new Inbox(server, chat.userId);
    await chat.say('もしもし、聞こえますか');
    const sent = await replyToResident(server.deps, caseId, 'staff-a', 'はい、相談員の田中です。');
    expect(sent).toMatchObject({ ok: true, outcome: 'sent', method: 'reply' });
    expect(inbox.take().deliveries.map((d) => d.via)).toEqual(['reply']);
    // The token is single-use: the next answer goes by push.
    expect(await replyToResident(server.deps, caseId, 'staff-a', 'ゆっくりで大丈夫です。')).toMatchObject({ ok: true, method: 'push' });
  });

  it('while waiting (not yet claimed) the bot keeps working, and the case stays in the queue', async () => {
    const { chat, caseId } = await waitingResident(server);
    await chat.say('メニュー');
    expect(chat.last.text).toContain('ご相談の内容に近いもの');
    expect((await caseRow(server, caseId)).status).toBe('waiting');
  });

  it('after a release, the bot answers again', async () => {
    const { chat, caseId } = await claimed();
    expect(await releaseCase(server.deps, caseId, 'staff-a')).toMatchObject({ ok: true });
    await chat.say('メニュー');
    expect(chat.last.text).toContain('ご相談の内容に近いもの');
  });
});
