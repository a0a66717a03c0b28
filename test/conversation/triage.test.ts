import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/time/clock';
import { Chat } from '../helpers/chat';
import { startTestServer, type TestServer } from '../helpers/test-server';

// A Tuesday morning, when everything is open.
const clock = manualClock('2026-11-24T10:00:00+09:00');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(() => server.close());

async function consented() {
  const chat = await Chat.open(server);
  await chat.tap('同意する');
  return chat;
}

describe('triage: every category reaches its place', () => {
  it.each([
    ['生活費が足りなくて困っています', '生活サポートセンター', 'money'],
    ['仕事を探しています。障害があります', 'レインボーワーク', 'work'],
    ['父が認知症かもしれない', '地域包括支援センター', 'elderly'],
    ['障害福祉サービスのことを聞きたい', 'きらら', 'disability'],
    ['子どもが学校に行けなくなりました', '子ども家庭支援センター', 'childcare'],
    ['誰とも話さない日が続いてさみしい', '地域福祉コーディネーター', 'isolation'],
    ['成年後見制度について知りたい', 'ほっとサポートねりま', 'rights'],
    ['ボランティアをしてみたい', 'ボランティア・地域福祉推進センター', 'volunteer'],
    ['防災の講座はありますか', 'ボランティア・地域福祉推進センター', 'disaster'],
    ['社協の会費について教えてください', '代表・総務係', 'other'],
  ])('%s → %s', async (text, place, category) => {
    const chat = await consented();
    await chat.say(text);
    expect(chat.last.text).toContain(place);
    expect(chat.last.text).toContain('いま電話で相談できます');
    expect(chat.last.choices).toEqual(['予約する', '近くのイベントを見る', '人と話したい', '他の相談']);
    expect(await chat.openCase()).toMatchObject({ category, status: 'open', urgency: 'normal' });
  });

  it('the menu lists every category, a person and privacy, within 13 quick replies', async () => {
    const chat = await consented();
    expect(chat.last.choices).toHaveLength(13);
    await chat.tap('高齢・介護');
    expect(chat.last.text).toContain('地域包括支援センター');
  });
});

describe('clarifying questions', () => {
  it('money: asks which kind, and a loan goes to 福祉資金担当', async () => {
    const chat = await consented();
    await chat.say('お金のことで困っています');
    expect(chat.last.choices).toEqual(['生活費が足りない', '借金・返済', '家賃・住まい', '貸付（福祉資金）', 'その他']);
    await chat.tap('貸付（福祉資金）');
    expect(chat.last.text).toContain('福祉資金担当');
  });

  it('money: does not ask again what the resident already said (家賃)', async () => {
    const chat = await consented();
    await chat.say('家賃が払えない');
    expect(chat.last.text).toContain('生活サポートセンター');
    expect(chat.last.text).not.toContain('いちばん近いもの');
  });

  it('work: asks about disability; "いいえ" goes to 生活サポートセンター', async () => {
    const chat = await consented();
    await chat.tap('仕事');
    expect(chat.last.text).toContain('配慮が必要ですか');
    await chat.tap('いいえ');
    expect(chat.last.text).toContain('生活サポートセンター');
  });

  it('neighbor: danger now? what was noticed? where? → the area corner, with a note on the case', async () => {
    const chat = await consented();
    await chat.say('隣のおばあさんを最近見かけない');
    expect(chat.last.choices).toEqual(['いま危ないかもしれない', '危なくはないが心配']);
    await chat.tap('危なくはないが心配');
    await chat.tap('郵便物がたまっている');
    expect(chat.last.choices).toContain('光が丘');
    await chat.tap('光が丘');
    expect(chat.last.text).toContain('光が丘ボランティア・地域福祉推進コーナー');
    expect(await chat.openCase()).toMatchObject({ category: 'neighbor', areaId: 'hikarigaoka', note: '郵便物や新聞がたまっている' });
  });

  it('neighbor in danger now → 119/110 at once, and the case is a crisis waiting for a person', async () => {
    const chat = await consented();
    await chat.tap('近所の気になる人');
    await chat.tap('いま危ないかもしれない');
    expect(chat.last.text).toContain('119');
    expect(chat.last.text).toContain('110');
    expect(await chat.openCase()).toMatchObject({ category: 'neighbor', urgency: 'crisis', status: 'waiting' });
  });
});

describe('when the bot does not understand, or the input is odd', () => {
  it('nothing matches twice → the menu and a person', async () => {
    const chat = await consented();
    await chat.say('あいうえお');
    expect(chat.last.text).toContain('うまく読み取れませんでした');
    await chat.say('かきくけこ');
    expect(chat.last.choices).toEqual(['人と話したい', 'メニューを見る']);
    await chat.tap('人と話したい');
    expect(chat.last.text).toContain('相談員にお伝えしました');
    expect((await chat.openCase())?.status).toBe('waiting');
  });

  it('a tap on an old button → kindly expired, and the current choices again', async () => {
    const chat = await consented();
    const menu = chat.last;
    await chat.tap('お金・生活費', menu);
    const question = chat.last;
    await chat.tap('借金・返済', question);
    await chat.tap('家賃・住まい', question); // the question was already answered
    expect(chat.last.text).toContain('古くなった');
    expect(chat.last.choices).toEqual(['予約する', '近くのイベントを見る', '人と話したい', '他の相談']);
  });

  it('a sticker → a kind word and the same choices', async () => {
    const chat = await consented();
    const before = chat.last.choices;
    const event = { ...(await import('../../src/dev/simulator/events')).textMessageEvent(chat.userId, server.emulator.issueReplyToken(chat.userId), '') };
    await server.post([{ ...event, message: { type: 'sticker', id: '1', packageId: '1', stickerId: '1' } }]);
    await server.drain();
    const reply = server.emulator.inbox(chat.userId).at(-1)!;
    expect(JSON.stringify(reply.messages)).toContain('スタンプ');
    expect(JSON.stringify(reply.messages)).toContain(before[0]);
  });
});

describe('open now, in Tokyo time, with holidays', () => {
  it('家賃が払えない on 勤労感謝の日 (2026-11-23) → 生活サポートセンター, closed for the holiday, next opening given', async () => {
    clock.set('2026-11-23T10:00:00+09:00');
    try {
      const chat = await consented();
      await chat.say('家賃が払えない');
      expect(chat.last.text).toContain('生活サポートセンター');
      expect(chat.last.text).toContain('勤労感謝の日');
      expect(chat.last.text).toContain('11月24日(火)');
    } finally {
      clock.set('2026-11-24T10:00:00+09:00');
    }
  });
});
