import type { Context } from '../../src/engine/dictionary-types';
import { groups } from './groups';

// Words whose presence anywhere in a message lets a `needs` phrase count
// (crisis.ts, urgency.ts) or upgrades a crisis kind (violence + partner → DV).
export const contexts: Readonly<Record<string, Context>> = {
  minor: { words: groups.minor },
  partner: {
    words: groups.partner,
    notWords: [
      '大丈夫', 'だいじょうぶ', '丈夫', '工夫', '夫を亡く', '夫が亡くな', '夫に先立た', '夫が他界', '亡き夫',
      '亡くなった夫', '亡夫', '妻を亡く', '妻が亡くな', '妻に先立た', '亡くなった妻', '主人を亡く', '主人が亡くな',
      '主人に先立た', '彼女は', '彼女が言', '夫の介護', '妻の介護', '主人の介護',
    ],
  },
  ownBody: {
    words: [
      '手首', 'てくび', '腕に', '腕を', 'うでに', 'うでを', '太もも', '自分の体', '自分のからだ', '自分を', '自分に',
      'じぶんを',
    ],
  },
  drug: { words: groups.drug },
  noWayOut: { words: ['しかない', 'しかないと', 'しか方法が', 'しか道が', 'ほかに方法がない', '他に方法がない'] },
  despair: { words: groups.despair },
  farewell: { words: [...groups.despair, ...groups.lethalPlace, 'ありがとう'] },
  dementia: { words: ['認知症', 'にんちしょう', '徘徊', 'はいかい', 'ぼけて', 'ボケて', '物忘れ', 'ものわすれ'] },
  disaster: { words: groups.disaster },
  utility: { words: groups.utility },
  lethalPlace: { words: groups.lethalPlace },
  parentWord: {
    words: groups.parentWord,
    notWords: [
      '(この|その|あの|わが)まま(が|は|も)', 'ままなら', 'ママ友', '親子', '親切', '親戚', '両親', '親の会',
      '親の介護', '親が高齢', '親身',
    ],
  },
  dependent: { words: groups.dependent },
  // A child writing (ぼく, ママ, 中2です); not おかあさん, which grown children write of an old mother.
  childVoice: {
    words: [
      'ぼくの', 'ぼくは', 'ぼくが', 'ぼく(小|中|高)', 'あたしの', '(ママ|パパ)(が|は|も|に|の)', 'ぼくんち', 'ぼくんとこ',
      '(小|中|高)(1|2|3|4|5|6)(です|だよ|だけど|の)', '小学生です', '中学生です', '高校生です', 'しょうがくせい',
    ],
    notWords: ['(この|その|あの|わが|た|だ)まま(が|は|も|に|の)', 'ママ友', 'ままとも'],
  },
  // Someone who does not answer or wake.
  noAnswer: {
    words: [
      '返事しない', '返事せん', '返事がない', '返事もない', '返事をしない', 'へんじしない', 'へんじがない', '起きない',
      'おきない', '起きん', '目を開けない', '目をあけない', '目を覚まさない', '反応しない', '反応がない', '反応せん',
    ],
  },
  // Someone looked after by others, where bruises or restraint point to abuse by staff.
  careSetting: {
    words: [
      '施設', 'しせつ', '職員', 'デイ', 'ショートステイ', 'ショート', '老人ホーム', 'グループホーム', '入所',
      'ヘルパー', '介護士', '入院先', '病院で',
    ],
  },
  // Someone living alone has not been seen or answered for a while.
  unseen: {
    words: [
      '見かけない', 'みかけない', '見かけな', '姿を見', 'すがたをみ', '顔を見ない', '顔を見て', '応答が', '応答も',
      'おうとうが', '返事がない', '返事もない', 'へんじがない', '出てこない', 'でてこない', '新聞がたま', 'しんぶんがたま',
      '郵便物がたま', '郵便がたま', 'ポストがいっぱい', '連絡がつかない', '連絡が取れない', '連絡がとれない',
      'れんらくがとれない', '電話に出ない', 'でんわにでない', 'ノックしても', 'インターホン', 'チャイム', '物音がしない',
      '気配がない', '見ていない', '会っていない', '出てきていない', '電話にも出ない', 'でんわにもでない', '閉まったまま',
      'しまったまま', '雨戸が閉ま', 'カーテンが閉ま', '(郵便受け|ポスト|郵便物|郵便|新聞)(が|も)(いっぱい|あふれ|たま|溜ま)', 'つきっぱなし', 'つけっぱなし', '連絡が(取れず|とれず|つかず)',
    ],
  },
  // Sounds heard from the next flat or house.
  overheard: {
    words: [
      '(隣|となり|上の階|下の階|向かい|むかい|隣の部屋|隣室|近所|きんじょ|隣の家|となりのいえ)(から|の部屋から|の家から|で)',
      '壁越し', 'かべごし', '外から', 'そとから',
    ],
  },
  floodingNow: {
    words: [
      '水が来て', '水がきて', '水が入って', '浸水して', '浸水した', '水が迫', 'あふれて', '溢れて', '氾濫し', '流され',
      '水につか', '水位が', '川の水', '水が家', '家の中まで', '床上まで', '膝まで', '腰まで',
    ],
  },
};
