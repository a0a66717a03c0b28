import type { ThirdParty } from '../../src/engine/dictionary-types';

// A worry about someone outside the resident's own household (見守り) goes to
// `neighbor`; the resident's own mother, son or husband does not.
export const thirdParty: ThirdParty = {
  w: 1,
  markers: [
    '{near}{person}', '{nearPlace}で', '{nearPlace}から',
    'お隣さん', 'おとなりさん', 'お向かいさん', 'おむかいさん', 'ご近所さん', '隣人', '隣家', '近隣の', '近隣住民',
    'さんの家', 'さんのいえ', 'さんのお宅', 'さんのおたく', 'さん宅', 'さんち', 'さんのおうち',
    '民生委員として', '民生委員をして', '民生委員です', '民生委員の者', 'みんせいいいんです', '担当地区', '担当している地区',
    '見守り対象', '町内に', 'ちょうないに', '人が倒れ', 'ひとがたおれ', '道で倒れ', '路上で倒れ', '知らない人が倒れ',
    '大家です', '管理人です', '入居者', '町内会長', '近所で子ども', '近所で子供', '近所でこども', '近所の家で', '近所から', '自治会長', '町会長', '町内会の役員', '自治会の役員',
  ],
  notMarkers: [
    '{family}さん{houseOf}',
    '{near}{person}と', '{near}{person}たちと', '{near}{person}との',
    '主人が倒れ', 'しゅじんがたおれ', '本人が倒れ', 'ほんにんがたおれ', '恋人が倒れ',
  ],
  keeps: ['volunteer', 'disaster'],
};
