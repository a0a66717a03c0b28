import { describe, expect, it } from 'vitest';
import { triageDictionary } from '../../flows/dictionary/index';
import { classify } from '../../src/engine/classifier';

// The distress markers of the second safety net: found with the same normaliser, spellings,
// idioms, negation and history rules as crisis phrases, and deciding nothing else.
const withoutMarkers = { ...triageDictionary, distress: { ...triageDictionary.distress, families: [] } };

describe('distress markers', () => {
  it.each([
    ['もう限界です', 'despair'],
    ['介護でもう限界です', 'despair'],
    ['もうだめかもしれない', 'despair'],
    ['将来が見えない、何をしても無駄', 'despair'],
    ['涙が止まらない', 'despair'],
    ['心が折れました', 'despair'],
    ['疲れ果てて何もする気が起きない', 'exhaustion'],
    ['もうつかれた', 'exhaustion'],
    ['追い詰められていて逃げ場がない', 'trapped'],
    ['家族のお荷物になっている自分が嫌い', 'burden'],
    ['迷惑ばかりかけている', 'burden'],
    ['全部投げ出したい', 'wantOut'],
    ['もう何日も眠れない', 'sleepless'],
    ['ねむれない日が続いています', 'sleepless'],
    ['誰にも相談できない', 'alone'],
    ['だれにもそうだんできない', 'alone'],
    ['頼れる人がいません', 'alone'],
    ['父が怖くて家に帰りたくない', 'fearAtHome'],
    ['家賃が払えない、助けてください', 'plea'],
    ['毎日しんどい', 'pain'],
    ['さみしくてたまらない', 'pain'],
    ['不安で不安で', 'pain'],
    ['死ぬほどつらい', 'pain'],
  ])('%s (%s)', (text) => {
    const got = classify(text);
    expect(got.distress, text).toBe(true);
    expect(got.distressPhrases.length).toBeGreaterThan(0);
  });

  it.each([
    // Hardships the consultation itself answers: no sign that they last or overwhelm.
    '仕事がつらい', '腰がつらい', '階段がきつい', '介護に疲れた', '老後が不安', '眠れない', '寂しい', 'どうしたらいいかわからない',
    // Idioms and good endings.
    '疲れたけど楽しかった', 'もう疲れたけど楽しかった', '疲れ果てたけど充実した一日でした', '死ぬほど笑った', '仕事が死ぬほど忙しい',
    '毎日が地獄みたいに忙しい', '騒音で毎晩眠れない', '腰が痛くて夜も眠れない', '赤ちゃんがずっと泣いている', '孤独死が心配',
    '近所の人に助けてもらっています', '母が怖がっている', '子どもに寂しい思いをさせている', '質問にこたえられない',
    '母にもう無理しないでと言いたい', '見守りのSOSボタンを付けたい',
    // Denied, or told as history (the crisis rules).
    '孤独ではないです', '母が怖いわけではない', '毎日つらいとは思っていません', '昔は毎晩眠れなかったけど今は元気です',
  ])('not distress: %s', (text) => {
    const got = classify(text);
    expect(got.distress, `${text} → ${got.distressPhrases.join('|')}`).toBe(false);
  });

  it('a hedge followed by "but" still counts, as for crisis phrases', () => {
    expect(classify('母が怖いわけではないけど、顔色ばかりうかがっている').distress).toBe(true);
  });

  it.each([
    '介護でもう限界です', '誰にも相談できない', '家賃が払えない、助けてください', 'もう何日も眠れない', '父が怖くて家に帰りたくない',
    '毎日しんどい', '借金地獄から抜け出せない', 'もう無理、たすけて', '死にたい',
  ])('changes no category, urgency, crisis kind or confidence: %s', (text) => {
    const { distress, distressPhrases, ...rest } = classify(text);
    const { distress: _d, distressPhrases: _p, ...before } = classify(text, withoutMarkers);
    expect(rest).toEqual(before);
  });
});
