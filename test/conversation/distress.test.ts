import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation } from '../../flows/conversation';
import { nerimaProfile } from '../../flows/profiles/nerima';
import { sampleTownProfile } from '../../flows/profiles/sample-town';
import { classify } from '../../src/engine/classifier';
import { initialSession, step } from '../../src/engine/step';
import { renderReply } from '../../src/line/render';
import { withSafetyNet } from '../../src/line/safety-net';
import type { LineMessage } from '../../src/line/port';
import { manualClock } from '../../src/time/clock';
import { Chat } from '../helpers/chat';
import { startTestServer, type TestServer } from '../helpers/test-server';

// The second safety net: a text with signs of distress that is not a crisis gets one more
// message (a word of care, lines that listen, the way to a person), at most once a day.
const clock = manualClock('2026-11-24T10:00:00+09:00');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(() => server.close());

// The closing line is the net's own (the crisis answer also speaks of lines that listen).
const NET = '相談員と話したいときは「人と話したい」と送ってください';
const LINES = ['よりそいホットライン 0120-279-338', 'いのちの電話 0570-783-556'];
const DAY_MS = 24 * 3_600_000;

async function consented() {
  const chat = await Chat.open(server);
  await chat.tap('同意する');
  return chat;
}

function expectNet(chat: Chat) {
  const last = chat.last.messages.at(-1);
  expect(last?.type).toBe('text');
  expect(String(last?.text)).toContain(NET);
  for (const line of LINES) expect(chat.last.text).toContain(line);
  expect(chat.last.choices).toContain('人と話したい');
  expect(chat.last.messages.length).toBeLessThanOrEqual(5);
}

describe('the distress safety net', () => {
  it('follows the usual answer once, changes nothing else, and is not repeated the next message', async () => {
    const chat = await consented();
    await chat.say('母の介護でもう限界です');
    expect(chat.last.text).toContain('地域包括支援センター');
    expectNet(chat);
    expect(await chat.openCase()).toMatchObject({ category: 'elderly', urgency: 'normal', status: 'open', waitingSince: null });

    await chat.say('夜も眠れなくて、毎日つらいです');
    expect(chat.last.text).not.toContain(NET);
    expect(chat.last.messages.length).toBeLessThanOrEqual(5);
  });

  it('comes back after its quiet hours, even after new consultations in between', async () => {
    const chat = await consented();
    await chat.say('誰にも相談できない');
    expectNet(chat);
    await chat.tap('他の相談');
    await chat.say('家賃が払えなくて、もう無理です');
    expect(chat.last.text).not.toContain(NET);
    clock.advance(DAY_MS);
    await chat.say('もう何日も眠れていない');
    expectNet(chat);
  });

  it('is not added to a crisis answer, which has the numbers first', async () => {
    const chat = await consented();
    await chat.say('もう死にたい');
    expect(chat.last.messages[1]?.type).toBe('flex');
    expect(chat.last.text).not.toContain(NET);
    expect(chat.last.messages.length).toBeLessThanOrEqual(5);
  });

  it('is not added to ordinary messages', async () => {
    const chat = await consented();
    for (const text of ['家賃が払えなくて困っています', '仕事がつらい', 'ボランティアをしてみたい', '疲れたけど楽しかったです']) {
      await chat.say(text);
      expect(chat.last.text, text).not.toContain(NET);
    }
  });

  it('reaches a resident who has not consented yet, and one the classifier did not understand', async () => {
    const chat = await Chat.open(server);
    await chat.say('もう疲れ果てました');
    expectNet(chat);
    expect(chat.last.text).toContain('うまく読み取れませんでした');
  });

  it('is left out when the resident is put in the counselor queue anyway', async () => {
    const chat = await consented();
    await chat.say('もう限界です。人と話したい');
    expect(chat.last.text).toContain('番目です');
    expect(chat.last.text).not.toContain(NET);
    expect((await chat.session())?.vars.distressNoteAt).toBeUndefined();
  });
});

describe('the safety net in the engine and on LINE', () => {
  const ctx = { conversation, areas: nerimaProfile.areas, now: new Date('2026-11-24T10:00:00+09:00') };
  const say = (text: string, extra: object = {}) =>
    step({ ...ctx, ...extra }, initialSession(conversation), { kind: 'text', text, triage: classify(text) });

  it('says nothing while a counselor has the case (the counselor reads every message)', () => {
    expect(say('もう限界です', { withCounselor: true }).outbox).toEqual([]);
  });

  it('needs the clock: without it the engine cannot keep its quiet hours, so it adds nothing', () => {
    const { now: _now, ...noClock } = ctx;
    const r = step(noClock, initialSession(conversation), { kind: 'text', text: 'もう限界です', triage: classify('もう限界です') });
    expect(r.outbox.some((o) => o.type === 'safetyNet')).toBe(false);
  });

  it('names the profile lines, never fixed ones (another council gets its own)', () => {
    const r = say('もう限界です');
    const messages = renderReply(r.outbox, r.choices, { profile: nerimaProfile, now: ctx.now, vars: r.session.vars });
    const last = messages.at(-1);
    expect(last?.type === 'text' && last.text).toContain('よりそいホットライン 0120-279-338（24時間・毎日（通話無料））');
    const other = renderReply(r.outbox, r.choices, { profile: sampleTownProfile, now: ctx.now, vars: r.session.vars }).at(-1);
    const otherText = other?.type === 'text' ? other.text : '';
    expect(otherText).toContain('みなと川よるの相談電話（架空） 000-0000-9338');
    expect(otherText).not.toContain('0120-279-338');
  });

  const card: LineMessage = { type: 'flex', altText: 'card', contents: { type: 'bubble' } };
  const text = (t: string): LineMessage => ({ type: 'text', text: t });

  it('has its own message while there is room', () => {
    expect(withSafetyNet([text('a'), card], 'NET')).toEqual([text('a'), card, text('NET')]);
  });

  it('joins the last text of a five-message reply, so nothing the bot meant to say is lost', () => {
    const five = [text('a'), card, text('b'), card, card];
    expect(withSafetyNet(five, 'NET')).toEqual([text('a'), card, text('b\n\nNET'), card, card]);
  });

  it('takes the last message’s place when five cards leave no text to join', () => {
    const cards = [card, card, card, card, card];
    expect(withSafetyNet(cards, 'NET')).toEqual([card, card, card, card, text('NET')]);
  });
});
