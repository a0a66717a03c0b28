import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, parseCorpus, THRESHOLDS } from '../../bench/triage-metrics';
import { triageDictionary } from '../../flows/dictionary/index';
import { classify } from '../../src/engine/classifier';
import type { Category, CrisisKind, Urgency } from '../../src/engine/taxonomy';
import { corpusFiles, repoRoot } from '../helpers/triage-corpora';

type Row = [text: string, category: Category, urgency: Urgency];

const expectTriage = ([text, category, urgency]: Row): void => {
  const got = classify(text);
  expect({ category: got.category, urgency: got.urgency }, `${text} → ${got.matched.join('|')}`).toEqual({
    category,
    urgency,
  });
};

describe('classify', () => {
  it.each<Row>([
    ['しにたい', 'isolation', 'crisis'],
    ['やちんがはらえない', 'money', 'normal'],
    ['ははのかいごがたいへん', 'elderly', 'normal'],
    ['ぼらんてぃあしたい', 'volunteer', 'normal'],
    ['おっとになぐられた', 'rights', 'crisis'],
    ['こどもをたたいちゃう', 'childcare', 'crisis'],
    ['いきてるのがつらぃ', 'isolation', 'crisis'],
  ])('hiragana only: %s → %s/%s', (...row) => expectTriage(row));

  it.each<Row>([
    ['氏にたい', 'isolation', 'crisis'],
    ['タヒにたい', 'isolation', 'crisis'],
    ['もうしにたいいいい', 'isolation', 'crisis'],
    ['ボランテア募集してますか', 'volunteer', 'normal'],
    ['しゃきんが返せない', 'money', 'normal'],
    ['ｶﾈがない…ﾏｼﾞでやばい', 'money', 'normal'],
  ])('typos and odd spellings: %s → %s/%s', (...row) => expectTriage(row));

  it.each<Row>([
    ['死にたい😢', 'isolation', 'crisis'],
    ['家賃払えない😭😭😭', 'money', 'normal'],
    ['助けて🆘', 'isolation', 'crisis'],
    ['寂しい🥺', 'isolation', 'normal'],
  ])('emoji: %s → %s/%s', (...row) => expectTriage(row));

  it.each<Row>([
    ['しんどいねん、だれか話きいて', 'isolation', 'normal'],
    ['親の介護でえらいわ', 'elderly', 'normal'],
    ['家賃はらえへん、どないしよ', 'money', 'normal'],
    ['お金がないけん困っとる', 'money', 'normal'],
    ['ほんまにしにたいねん', 'isolation', 'crisis'],
  ])('dialect: %s → %s/%s', (...row) => expectTriage(row));

  it.each<Row>([
    ['お金には困っていないが、話し相手がほしい', 'isolation', 'normal'],
    ['死にたいとは思っていません。お金の相談です', 'money', 'normal'],
    ['暴力はありませんが、夫の借金が心配', 'money', 'normal'],
    ['寂しくはないけど、ボランティアをしてみたい', 'volunteer', 'normal'],
    // A hedge followed by "but" is still answered as a crisis: recall first.
    ['死にたいわけじゃないけど、毎日がしんどい', 'isolation', 'crisis'],
    // History: a past marker before and a "now" marker after.
    ['昔はリストカットしてたけど今はやめられています。働きたいです', 'work', 'normal'],
  ])('negation: %s → %s/%s', (...row) => expectTriage(row));

  it.each<Row>([
    ['たすけて', 'isolation', 'crisis'],
    ['もう無理、たすけて', 'isolation', 'crisis'],
    ['家賃が払えない、たすけてください', 'money', 'normal'],
    ['今日食べるものがない、たすけて', 'money', 'urgent'],
  ])('a bare cry for help is a crisis, one next to a named worry is that worry: %s → %s/%s', (...row) =>
    expectTriage(row),
  );

  it.each<Row>([
    ['仕事が死ぬほど忙しい', 'work', 'normal'],
    ['死ぬほどおいしいケーキをもらった', 'other', 'normal'],
    ['笑い死にしそうなくらいおもしろかった', 'other', 'normal'],
    ['自殺予防のゲートキーパー講座を受けたい', 'volunteer', 'normal'],
    ['自殺対策の取り組みについて', 'other', 'normal'],
    ['亡くなった父の相続について', 'rights', 'normal'],
    ['借金で首が回らない', 'money', 'normal'],
    ['台風で庭の木が倒れた', 'disaster', 'urgent'],
    ['介護で共倒れになりそう', 'elderly', 'normal'],
    ['DVDを寄付したい', 'other', 'normal'],
    ['周りの人がわたしにたいしてつめたい', 'isolation', 'normal'],
  ])('idioms that must not raise a crisis: %s → %s/%s', (...row) => expectTriage(row));

  it.each<[text: string, category: Category, urgency: Urgency, thirdParty: boolean]>([
    ['隣のおじいさんを最近見かけない', 'neighbor', 'normal', true],
    ['となりのおばあちゃん、さいきん見ない', 'neighbor', 'normal', true],
    ['民生委員として気になる家庭があります', 'neighbor', 'normal', true],
    ['隣の奥さんが認知症っぽい', 'neighbor', 'normal', true],
    ['近所の子があざだらけで心配', 'neighbor', 'crisis', true],
    ['隣のおじいさんが家の中で倒れてる', 'neighbor', 'crisis', true],
    ['母が認知症かもしれない', 'elderly', 'normal', false],
    ['息子がずっと部屋にひきこもっている', 'isolation', 'normal', false],
    ['お母さんの家に行ったら倒れていた', 'elderly', 'crisis', false],
    ['近所の人と交流したい', 'isolation', 'normal', false],
    ['隣の奥さんが旦那さんに殴られているのを見た', 'neighbor', 'crisis', true],
    ['民生委員です。担当の方が悪質な訪問販売の被害にあっています', 'rights', 'normal', true],
  ])('third person: %s → %s/%s (thirdParty %s)', (text, category, urgency, thirdParty) => {
    const got = classify(text);
    expect({ category: got.category, urgency: got.urgency, thirdParty: got.thirdParty }).toEqual({
      category,
      urgency,
      thirdParty,
    });
  });

  it.each<[text: string, category: Category, kinds: CrisisKind[]]>([
    ['夫に殴られています', 'rights', ['dv']],
    ['息子に殴られる、お金もとられる', 'rights', ['violence']],
    ['リストカットがやめられない', 'disability', ['self_harm']],
    ['子どもを叩いてしまいそう', 'childcare', ['child_abuse']],
    ['隣の家から子どもの泣き叫ぶ声と怒鳴り声が毎晩する', 'neighbor', ['child_abuse']],
    ['母が倒れて動かない', 'elderly', ['emergency']],
    ['借金で首が回らない、もう死ぬしかない', 'money', ['suicide']],
    ['介護に疲れた。母と一緒に死にたい', 'elderly', ['suicide']],
    ['にんちしょうの　ちちを　たたいてしまいそう', 'elderly', ['violence']],
    ['夫が怖くて家に帰れない', 'rights', ['dv']],
    ['ぱぱにたたかれる', 'childcare', ['child_abuse']],
    ['泣きやまない子どもを床に叩きつけそう', 'childcare', ['child_abuse']],
    ['だんながほんとうにこわい', 'rights', ['dv']],
    ['線路の近くまで来た。あとは飛び込むだけ', 'isolation', ['suicide']],
    ['隣の家から煙が出てる', 'disaster', ['emergency']],
  ])('crisis kinds and the category conventions: %s → %s %j', (text, category, kinds) => {
    const got = classify(text);
    expect({ category: got.category, urgency: got.urgency, crisisKinds: got.crisisKinds }).toEqual({
      category,
      urgency: 'crisis',
      crisisKinds: kinds,
    });
  });

  it.each<Row>([
    ['電気とガスを止められてしまった', 'money', 'urgent'],
    ['もう3日なにも食べていません', 'money', 'urgent'],
    ['台風で家が浸水した', 'disaster', 'urgent'],
    ['地震のときの避難が不安です', 'disaster', 'normal'],
    ['家賃が払えなくて困っています', 'money', 'normal'],
  ])('urgency: %s → %s/%s', (...row) => expectTriage(row));

  it.each<Row>([
    ['線路の前まで来た。もう飛び込むしかない', 'isolation', 'crisis'],
    ['マンションの屋上まで来ちゃった', 'isolation', 'crisis'],
    ['ここから落ちたら楽になれるかな、橋の上にいる', 'isolation', 'crisis'],
    ['ロープ買ってきた。首にかける', 'isolation', 'crisis'],
    ['睡眠薬を少しずつ集めてる', 'isolation', 'crisis'],
    ['今夜で全部終わりにする', 'isolation', 'crisis'],
    ['生きとっても仕方ないけん', 'isolation', 'crisis'],
    ['生きてたってしゃあない', 'isolation', 'crisis'],
    ['生きる価値なんかない', 'isolation', 'crisis'],
    ['最後にひと目だけ母に会いたい、もう疲れた', 'elderly', 'crisis'],
  ])('suicide told by a method, a place or an ending: %s → %s/%s', (...row) => expectTriage(row));

  it.each<Row>([
    ['介護で寝てない。父の顔に枕を押し付けそうになった', 'elderly', 'crisis'],
    ['認知症の母の首を絞めそうになった', 'elderly', 'crisis'],
    ['泣きやまない子どもを壁に投げつけそうになった', 'childcare', 'crisis'],
    ['夫の介護でイライラして、突き飛ばしてしまいそう', 'elderly', 'crisis'],
    ['赤ちゃんに何かしてしまいそうで自分が怖い', 'childcare', 'crisis'],
  ])('a carer or parent about to hurt someone: %s → %s/%s', (...row) => expectTriage(row));

  it.each<Row>([
    ['ままがごはんくれない', 'childcare', 'crisis'],
    ['ぼくのおかあさん、ずっとかえってこない', 'childcare', 'crisis'],
    ['パパにたたかれる。いえにかえりたくない', 'childcare', 'crisis'],
    ['中2です。親に毎日殴られる', 'childcare', 'crisis'],
  ])('a child telling of neglect or blows: %s → %s/%s', (...row) => expectTriage(row));

  it.each<Row>([
    ['母が呼んでも返事しない、息はしてるけど目を開けない', 'elderly', 'crisis'],
    ['祖父がいびきをかいて、揺すっても起きない', 'elderly', 'crisis'],
    ['地震で父が家具の下敷きになってる', 'disaster', 'crisis'],
    ['管理人です。何日もノックに応答がなく、部屋から異臭がします', 'neighbor', 'crisis'],
    ['隣のおばあさん、新聞がたまってて変なにおいがする', 'neighbor', 'crisis'],
  ])('someone unresponsive, trapped or not answering for days: %s → %s/%s', (...row) => expectTriage(row));

  it.each<Row>([
    ['取り立ての人に「家に火つけるぞ」と言われた', 'rights', 'crisis'],
    ['元夫が「刺してやる」ってメールしてくる', 'rights', 'crisis'],
    ['元彼が家に押しかけてきて帰らない', 'rights', 'crisis'],
    ['施設の父の腕に縛られたような跡がある。職員にやられたと言ってる', 'rights', 'crisis'],
    ['施設で父が職員に怒鳴られている', 'rights', 'crisis'],
    ['隣の部屋から女の人の悲鳴と物が割れる音', 'neighbor', 'crisis'],
  ])('threats, arson and abuse by staff or next door: %s → %s/%s', (...row) => expectTriage(row));

  it.each<Row>([
    ['バイト先の店長、殺したいくらいムカつく笑 辞めたい', 'work', 'normal'],
    ['面接、緊張で死にそう', 'work', 'normal'],
    ['イヤイヤ期で毎日ぐったり。子育てひろばはどこ？', 'childcare', 'normal'],
    ['仕事終わりにぐったりしてサロンに行けない', 'isolation', 'normal'],
    ['職場で倒れるんじゃないかってくらい残業続き', 'work', 'normal'],
    ['昔リスカしてた跡が腕にあって、面接が怖い', 'work', 'normal'],
    ['娘が友達から「死ね」って言われたらしい', 'childcare', 'normal'],
    ['脅迫めいたメールが来た。「法的措置をとります」って、詐欺？', 'rights', 'normal'],
    ['向かいの家に救急車が来てたけど、もう退院して戻ってきたみたい', 'neighbor', 'normal'],
    ['父は去年脳梗塞で倒れたけど、今はデイに通ってます', 'elderly', 'normal'],
    ['子どもが階段から落ちたけど、病院で診てもらって大丈夫だった', 'childcare', 'normal'],
    ['夫のDVで離婚して5年、養育費の相談がしたい', 'rights', 'normal'],
    ['息子がゲームで「殺すぞ」とか叫んでる', 'childcare', 'normal'],
    ['中学の息子、叱ると暴れそうで心配', 'childcare', 'normal'],
  ])('look-alikes that are not a crisis: %s → %s/%s', (...row) => expectTriage(row));

  it.each<Row>([
    ['母はデイサービスを楽しんでるみたい', 'elderly', 'normal'],
    ['そうなってるとは知らなかった', 'other', 'normal'],
    ['やさしそうな人でよかった', 'other', 'normal'],
    ['手伝いますとか言ってくれる人がいればいいな', 'other', 'normal'],
    ['自分に何ができるかわからなかった', 'other', 'normal'],
    ['子どもになぐさめられた', 'childcare', 'normal'],
    ['夫と二人暮らしです。地震が怖い', 'disaster', 'normal'],
    ['上司が怒鳴るので夫に相談した', 'work', 'normal'],
  ])('kana runs and distant words that only look like a crisis: %s → %s/%s', (...row) => expectTriage(row));

  it('answers "did not understand" with other and confidence 0', () => {
    for (const text of ['', '😊', 'あいうえお', 'ｘｙｚ']) {
      expect(classify(text)).toMatchObject({ category: 'other', urgency: 'normal', confidence: 0, matched: [] });
    }
  });

  it('gives more confidence to stronger evidence and a clearer lead', () => {
    const weak = classify('年金').confidence;
    const strong = classify('家賃を滞納して借金の督促がくる').confidence;
    const torn = classify('介護の仕事を探している母の通帳').confidence;
    expect(weak).toBeGreaterThan(0);
    expect(strong).toBeGreaterThan(weak);
    expect(strong).toBeGreaterThan(torn);
    expect(strong).toBeLessThanOrEqual(1);
  });

  it('lists the phrases that decided', () => {
    expect(classify('家賃が払えない').matched).toEqual(['家賃', '払えない']);
    expect(classify('死ぬほど忙しい、もう死にたい').matched).toContain('死にたい');
  });

  it('uses the dictionary it is given', () => {
    const dict = { ...triageDictionary, categories: { ...triageDictionary.categories, other: [{ w: 5, p: ['ほげ'] }] } };
    expect(classify('ほげ', dict)).toMatchObject({ category: 'other', matched: ['ほげ'] });
    expect(classify('ほげ').confidence).toBe(0);
  });
});

describe('labelled triage corpora', () => {
  for (const file of corpusFiles()) {
    it(`${relative(repoRoot, file)}: crisis recall 100%, category ≥ 90%, false crisis ≤ 2%`, () => {
      const m = evaluate(parseCorpus(readFileSync(file, 'utf8')));
      const show = (misses: typeof m.missedCrises): string[] => misses.map((x) => `${x.example.line}: ${x.example.text}`);
      expect(show(m.missedCrises), 'missed crises').toEqual([]);
      expect(m.crisisRecall).toBe(THRESHOLDS.crisisRecall);
      expect(m.categoryAccuracy).toBeGreaterThanOrEqual(THRESHOLDS.categoryAccuracy);
      expect(m.falseCrisisRate, show(m.falseCrises).join('\n')).toBeLessThanOrEqual(THRESHOLDS.falseCrisisRate);
    });
  }
});
