import { describe, expect, it } from 'vitest';
import { conversation } from '../../flows/conversation';
import { nerimaProfile } from '../../flows/profiles/nerima';
import { classify } from '../../src/engine/classifier';
import { initialSession, step } from '../../src/engine/step';
import { describeQueue } from '../../src/line/render';

const ctx = { conversation, areas: nerimaProfile.areas, withCounselor: true };
const say = (text: string) => step(ctx, initialSession(conversation), { kind: 'text', text, triage: classify(text) });

describe('step() while a counselor has the case (pure)', () => {
  it('says nothing and changes nothing for ordinary texts, commands and taps', () => {
    for (const text of ['家賃が払えない', 'メニュー', '人と話したい', 'あいうえお']) {
      const r = say(text);
      expect(r.outbox).toEqual([]);
      expect(r.effects).toEqual([]);
      expect(r.session).toEqual(initialSession(conversation));
    }
    for (const input of [{ kind: 'postback', data: 'g=menu' }, { kind: 'follow' }, { kind: 'unsupported' }] as const) {
      expect(step(ctx, initialSession(conversation), input).outbox).toEqual([]);
    }
  });

  it('answers a crisis with the hotlines, raises the case, and offers no buttons or queue news', () => {
    const r = say('死にたい');
    expect(r.outbox.map((o) => o.type)).toEqual(['text', 'hotlines', 'text']);
    expect(r.choices).toEqual([]);
    expect(r.effects.map((e) => e.name)).toEqual(['openCase']);
    expect(r.effects[0]).toMatchObject({ vars: { urgency: 'crisis' }, crisis: ['suicide'] });
  });

  it('records consent decisions without a word', () => {
    expect(say('同意を取り消したい').effects.map((e) => e.name)).toEqual(['withdrawConsent']);
    expect(say('同意する')).toMatchObject({ outbox: [], choices: [], effects: [{ name: 'recordConsent' }] });
  });

  it('hands back to the menu with a short message (counselor closed the case)', () => {
    const r = step({ conversation, areas: nerimaProfile.areas }, { ...initialSession(conversation), vars: { misses: 1, category: 'money' } }, { kind: 'handback' });
    expect(r.session).toMatchObject({ flowId: 'triage', nodeId: 'handback', vars: { misses: 0 } });
    expect(JSON.stringify(r.outbox)).toContain('相談員との会話を終了しました');
    expect(r.choices.map((c) => c.label)).toContain('お金・生活費');
  });
});

describe('queue wording', () => {
  it.each([
    [3, '5分以内'],
    [12, 'およそ10分'],
    [58, 'およそ60分'],
    [70, 'およそ1時間'],
    [100, 'およそ1時間半'],
    [190, 'およそ3時間'],
  ])('%i minutes → %s', (minutes, words) => {
    expect(describeQueue({ position: 2, typicalWaitMinutes: minutes }, true)).toBe(`現在2番目です。最近は、相談員がお返事するまで${words}です（目安です）。`);
  });

  it('no figure when there are too few, and no wait at all when no one is reading', () => {
    expect(describeQueue({ position: 1, typicalWaitMinutes: null }, true)).toBe(
      '現在1番目です。お待ちいただく時間の目安は、いまはお伝えできません。なるべく早くお返事します。',
    );
    expect(describeQueue({ position: 4, typicalWaitMinutes: 15 }, false)).toBe('現在4番目です。');
  });
});
