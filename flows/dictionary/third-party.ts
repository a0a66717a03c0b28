import type { ThirdParty } from '../../src/engine/dictionary-types';

// A worry about someone outside the resident's own household (見守り) goes to
// `neighbor`; the resident's own mother, son or husband does not.
export const thirdParty: ThirdParty = {
  w: 1,
  // Someone living or found nearby.
  markers: [
    '{near}{person}', '{nearPlace}で', '{nearPlace}から', 'お隣さん', 'おとなりさん', 'お向かいさん', 'おむかいさん',
    'ご近所さん', '隣人', '隣家', '近隣の', '近隣住民', 'さんの家', 'さんのいえ', 'さんのお宅', 'さんのおたく',
    'さん宅', 'さんち', 'さんのおうち', '町内に', 'ちょうないに', '近所で子ども', '近所で子供', '近所でこども',
    '近所の家で', '近所から', '人が倒れ', 'ひとがたおれ', '道で倒れ', '路上で倒れ', '知らない人が倒れ',
    '{outPlace}で{outPerson}が', '(に|で)住んでいる(高齢|お年寄り|おじい|おばあ|女性|男性|方|人|外国人|ご家族|夫婦)',
    '階に住んでいる', '階に住む',
  ],
  // Someone writing in a role about a person they look after or serve.
  reporters: [
    '民生委員として', '民生委員をして', '民生委員です', '民生委員の者', 'みんせいいいんです', '担当地区',
    '担当している地区', '見守り対象', 'ケアマネです', 'ケアマネジャーです', 'ケアマネージャーです', '利用者さん',
    '利用者様', 'ヘルパーです', '施設職員です', '大家です', '管理人です', '入居者', '常連', 'お客さん', '毎日来る',
    'よく来る', '店に来る', '町内会長', '自治会長', '町会長', '町内会の役員', '自治会の役員', '町会の役員', '町会役員', '町内会の者', '自治会の者',
  ],
  notBefore: ['と', 'たちと', 'との', 'とお', 'と一緒'],
  notMarkers: [
    '{family}さん{houseOf}', '主人が倒れ', 'しゅじんがたおれ', '本人が倒れ', 'ほんにんがたおれ', '恋人が倒れ',
  ],
  keeps: ['volunteer', 'disaster'],
  // A professional reporting fraud or the abuse of an adult needs 権利擁護, not 見守り.
  reportersKeep: ['volunteer', 'disaster', 'rights'],
};
