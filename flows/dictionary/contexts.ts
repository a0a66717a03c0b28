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
  farewell: { words: [...groups.despair, 'ありがとう'] },
  dementia: { words: ['認知症', 'にんちしょう', '徘徊', 'はいかい', 'ぼけて', 'ボケて', '物忘れ', 'ものわすれ'] },
  disaster: { words: groups.disaster },
  utility: { words: groups.utility },
  floodingNow: {
    words: [
      '水が来て', '水がきて', '水が入って', '浸水して', '浸水した', '水が迫', 'あふれて', '溢れて', '氾濫し', '流され',
      '水につか', '水位が',
    ],
  },
};
