import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentEvents, messages } from '../../src/db/schema';
import { manualClock } from '../../src/time/clock';
import { Chat } from '../helpers/chat';
import { startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: manualClock('2026-11-24T10:00:00+09:00') });
});
afterAll(() => server.close());

const consentLog = async (chat: Chat) =>
  server.deps.db.select().from(consentEvents).where(eq(consentEvents.residentId, (await chat.resident()).id));
const inboundBodies = async (chat: Chat) =>
  (await server.deps.db.select().from(messages).where(eq(messages.residentId, (await chat.resident()).id)))
    .filter((m) => m.direction === 'in' && m.kind === 'text')
    .map((m) => m.body);

describe('first contact and consent', () => {
  it('greets with what the account is, its hours, not-an-emergency, and the privacy notice', async () => {
    const chat = await Chat.open(server);
    expect(chat.last.text).toContain('練馬区社会福祉協議会');
    expect(chat.last.text).toContain('8:30〜17:15'); // the account's hours, from the profile
    expect(chat.last.text).toContain('110番');
    expect(chat.last.text).toContain(server.deps.profile.privacy.noticeText.slice(0, 30));
    expect(chat.last.choices).toEqual(['同意する', '同意しない']);
    expect((await chat.resident()).consent).toBe('unknown');
  });

  it('consent given → recorded with time and notice version, then the menu; text is kept', async () => {
    const chat = await Chat.open(server);
    await chat.tap('同意する');
    expect(chat.last.text).toContain('ありがとうございます');
    expect(chat.last.choices).toContain('お金・生活費');
    const resident = await chat.resident();
    expect(resident).toMatchObject({ consent: 'given', consentNoticeVersion: server.deps.profile.privacy.noticeVersion });
    expect(resident.consentAt?.toISOString()).toBe('2026-11-24T01:00:00.000Z');
    expect((await consentLog(chat)).map((e) => e.decision)).toEqual(['given']);
    await chat.say('介護のことで相談したい');
    expect(await inboundBodies(chat)).toEqual(['介護のことで相談したい']);
    expect((await chat.openCase())?.summary).toBe('介護のことで相談したい');
  });

  it('consent refused → still gets where to turn, but no consultation text is kept anywhere', async () => {
    const chat = await Chat.open(server);
    await chat.tap('同意しない');
    expect(chat.last.text).toContain('保存しません');
    await chat.say('母の介護で疲れています');
    expect(chat.last.text).toContain('地域包括支援センター');
    expect(await inboundBodies(chat)).not.toContain('母の介護で疲れています');
    const kase = await chat.openCase();
    expect(kase).toMatchObject({ category: 'elderly', summary: null });
    expect(JSON.stringify(await chat.session())).not.toContain('母の介護');
    expect((await chat.resident()).consent).toBe('declined');
  });

  it('a worry typed instead of answering the consent question is answered, not kept', async () => {
    const chat = await Chat.open(server);
    await chat.say('障害年金のことを聞きたい');
    expect(chat.last.text).toContain('きらら');
    expect(await inboundBodies(chat)).toEqual([expect.stringContaining('保存していません')]);
  });

  it('consent can be withdrawn any time from the menu, and by typing', async () => {
    const chat = await Chat.open(server);
    await chat.tap('同意する');
    await chat.tap('個人情報・同意');
    expect(chat.last.choices).toContain('同意を取り消す');
    await chat.tap('同意を取り消す');
    expect(chat.last.text).toContain('同意を取り消しました');
    expect((await chat.resident()).consent).toBe('withdrawn');
    await chat.say('やっぱり同意する');
    await chat.say('同意します');
    await chat.say('同意をやめたいです');
    expect((await consentLog(chat)).map((e) => e.decision)).toEqual(['given', 'withdrawn', 'given', 'withdrawn']);
    await chat.say('家賃が払えない');
    expect(await inboundBodies(chat)).not.toContain('家賃が払えない');
  });
});
