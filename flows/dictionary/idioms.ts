// Harmless uses of crisis words. An idiom cancels every crisis phrase it
// overlaps, unless that crisis phrase is longer (死ぬほど忙しい is an idiom;
// 死にたい next to it still counts). Keep them specific: each one is a place
// where a real crisis could hide.
export const idioms: readonly string[] = [
  // Hyperbole and everyday talk of death.
  '死ぬほど', 'しぬほど', '死ぬかと思', 'しぬかとおも', '死ぬまで', 'しぬまで', '死ぬ前に', 'しぬまえに', '死ぬのが怖',
  'しぬのが怖', '死ぬ時', '死ぬとき', 'しぬとき', '死ぬ気で', 'しぬきで', '死にそうなくらい', '死にそうなほど',
  '{hyperbole}(死にそう|しにそう|死ぬ|しぬ)', '(死にそう|しにそう|死ぬ|死んだ){laugh}', '死んだように', '笑い死', 'わらいじに',
  '死に別れ', '死に目', '早死に', '若死に', '孤独死', 'こどくし', '{pet}が(死にそう|しにそう|死ん|しん)',
  // Hiragana runs that only look like 死に / 死ぬ.
  'にたいして', 'にたいする', 'わたしぬき', 'あたしぬき',
  // Studying, preventing or supporting, not living through it.
  '{crisisTopic}(対策|防止|予防|の講座|の研修|の勉強|被害者の支援|被害者支援|の支援に|支援に関わ)', '自殺予防', '自殺対策',
  '自殺防止', 'じさつよぼう', 'じさつたいさく', '自殺のニュース', 'ゲートキーパー', '虐待防止', '虐待予防', '虐待の研修',
  '救命講習', '救命', '倒れた(人|方)の', '性的マイノリティ', '性的少数者', '性的指向',
  // Bereavement: a death in the past, a will found.
  '(自死|自殺|じさつ)で(亡|な)く', '(自死|自殺|じさつ)(遺族|の遺族)', '{kin}の遺書', '遺書が見つか',
  // Other words that merely contain a crisis word.
  'DVD', 'advi', '暴力団', '暴力的なゲーム', '心中お察し', '心中察し', 'ご心中', '火事場', '洗濯ロープ', 'ロープを張',
  '包丁を研', '包丁研ぎ', '包丁の研', '息を殺', '虫を殺', '殺虫', '殺菌', '殺到', '蚊に刺', '虫に刺', 'ダニに刺', '胸が痛む',
  '態度が冷たく', '救急車の音', '救急車のサイレン', '救急車が通', '救急車を呼ぶほどでは', '救急車を呼ぶほどじゃ',
  // Children: tantrums and bullying are childcare worries, not abuse.
  '{minorish}が暴れ', '{peer}に(叩|たた|殴|なぐ|蹴|け)',
  // Bodies and machines that are merely tired, sore or broken.
  '疲れて動けな', 'つかれてうごけな', 'だるくて動けな', '重くて動けな', '暑さでぐったり', '夏バテ', '転んであざ', 'ぶつけてあざ',
  '{machine}が(動かな|止ま)', '(壊れ|こわれ|故障し)て(動かな|うごかな)', 'メールしても返事', 'LINEしても返事', 'ラインしても返事',
  'タバコの煙', 'たばこの煙', '煙草の煙', '線香の煙',
  // Things that fall over, plans for "if it happens", past events, and worn-out carers.
  '倒れそう', 'たおれそう', '共倒れ', 'ともだおれ', '{fallable}が倒れ', '倒れた{fallable}', '倒れかけ', '倒れたら', 'たおれたら',
  '倒れた時', '倒れたとき', 'たおれたとき', '倒れても', 'たおれても', '倒れてから', 'たおれてから', '倒れて以来', '倒れた後',
  '倒れたあと', '倒れて入院', '倒れた{kin}', '倒れないか', 'たおれないか', '倒れないように', '倒れるまで', '倒産', '火事の時',
  '火事のとき', '火事になったら', '火事が心配', '火事にならない', '火事の予防', '火事に気をつけ',
  // Help offered or asked for in daily life, not a cry for help.
  '助けてくれる', 'たすけてくれる', '助けてもら', 'たすけてもら', '助けていただ', 'たすけていただ', '助けてほしい',
  'たすけてほしい',
  // Money talk: 年金だけでは生きていけない is a budget worry.
  '(だけでは|だけじゃ|では|じゃ)(生きていけない|いきていけない)',
];
