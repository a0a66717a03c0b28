// A fictional council used by tests to prove that no council fact lives in
// code: every id, number, hour, closed day and area differs from Nerima.
// All numbers are fake (000-…); never deploy this profile.
import { defineCouncilProfile } from '../../src/profile/parse';

const ADDRESS = '〒000-0000 みなと川市中央1-1-1 みなと川市福祉会館2階（架空の住所）';
const SPLIT_DAY = [
  { from: '08:45', to: '12:00' },
  { from: '13:00', to: '17:30' },
];
const NINE_TO_FIVE = [{ from: '09:00', to: '17:00' }];
const YEAR_END = { from: '12-28', to: '01-04' };

export const sampleTownProfile = defineCouncilProfile({
  council: {
    id: 'sample-town',
    name: 'みなと川市社会福祉協議会',
    shortName: 'みなと川社協',
    phone: '000-0000-0000',
    address: ADDRESS,
    motto: 'となりに、もうひとつの手を',
    fictional: true,
  },

  toBeConfirmed:
    'これはテスト用の架空の社協です。電話番号・住所・受付時間はすべて架空のもので、実際にはつながりません。本番では使わないでください。',

  accountHours: {
    hours: {
      mon: [{ from: '09:00', to: '18:00' }],
      tue: [{ from: '09:00', to: '18:00' }],
      wed: [{ from: '09:00', to: '18:00' }],
      thu: [{ from: '09:00', to: '18:00' }],
      fri: [{ from: '09:00', to: '18:00' }],
      sat: [{ from: '09:00', to: '12:00' }],
    },
    closedWeekdays: ['sun'],
    closedOnHolidays: true,
    yearEndClosure: YEAR_END,
    replyNote: 'メッセージは、月曜〜金曜 9:00〜18:00 と土曜 9:00〜12:00 に職員が確認します（祝日・年末年始はお休みです）。',
    afterHoursHotlineIds: ['minato-night'],
  },

  departments: [
    {
      id: 'madoguchi',
      name: '総合相談窓口',
      kind: 'internal',
      phone: '000-0000-1000',
      address: ADDRESS,
      helpsWith: ['なんでも相談', '会費・寄付のこと'],
      phoneHours: { mon: SPLIT_DAY, tue: SPLIT_DAY, wed: SPLIT_DAY, thu: SPLIT_DAY, fri: SPLIT_DAY },
      closedWeekdays: ['sat', 'sun'],
      closedOnHolidays: true,
      yearEndClosure: YEAR_END,
      closures: ['2026-12-25'],
    },
    {
      id: 'kashitsuke',
      name: '貸付係',
      kind: 'internal',
      phone: '000-0000-1001',
      helpsWith: ['生活費の貸付'],
      phoneHours: {
        mon: [{ from: '09:00', to: '16:00' }],
        tue: [{ from: '09:00', to: '16:00' }],
        wed: [{ from: '09:00', to: '16:00' }],
        thu: [{ from: '09:00', to: '16:00' }],
        fri: [{ from: '09:00', to: '16:00' }],
      },
      closedWeekdays: ['sat', 'sun'],
      closedOnHolidays: true,
      yearEndClosure: YEAR_END,
    },
    {
      id: 'kurashi',
      name: 'くらし相談室',
      kind: 'internal',
      phone: '000-0000-1002',
      helpsWith: ['お金や住まいの困りごと'],
      phoneHours: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE, sat: NINE_TO_FIVE },
      closedWeekdays: ['sun'],
      closedOnHolidays: false,
    },
    {
      id: 'anshin',
      name: 'あんしんサポートセンター',
      kind: 'internal',
      phone: '000-0000-1003',
      helpsWith: ['お金の管理', '成年後見制度'],
      phoneHours: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, fri: NINE_TO_FIVE },
      closedWeekdays: ['thu', 'sat', 'sun'],
      closedOnHolidays: true,
      yearEndClosure: YEAR_END,
    },
    {
      id: 'vc',
      name: 'みなと川ボランティアセンター',
      kind: 'internal',
      phone: '000-0000-1004',
      helpsWith: ['ボランティアの紹介'],
      phoneHours: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
      closedWeekdays: ['sat', 'sun'],
      closedOnHolidays: true,
      yearEndClosure: YEAR_END,
    },
    {
      id: 'vc-kawabe',
      name: 'ボランティアセンター川べ分室',
      kind: 'internal',
      parentId: 'vc',
      phone: '000-0000-1005',
      helpsWith: ['川べ地区のボランティア'],
      phoneHours: { wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE, sat: NINE_TO_FIVE, sun: NINE_TO_FIVE },
      closedWeekdays: ['mon', 'tue'],
      closedOnHolidays: true,
      areaIds: ['kawabe'],
    },
    {
      id: 'chiku-coordinator',
      name: '地区担当コーディネーター',
      kind: 'internal',
      parentId: 'vc',
      phoneNote: 'ボランティアセンターにおかけください。',
      helpsWith: ['近所の気になる方', 'さびしさ・居場所'],
      phoneHours: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
      closedWeekdays: ['sat', 'sun'],
      closedOnHolidays: true,
      yearEndClosure: YEAR_END,
    },
    {
      id: 'saigai',
      name: 'みなと川災害ボランティアセンター',
      kind: 'internal',
      parentId: 'vc',
      activatedOnly: true,
      phoneNote: '開設したときにお知らせします。',
      helpsWith: ['災害ボランティア'],
      phoneHours: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE, sat: NINE_TO_FIVE, sun: NINE_TO_FIVE },
      closedOnHolidays: false,
    },
    {
      id: 'hidamari',
      name: '障がい者相談支援センター「ひだまり」',
      shortName: 'ひだまり',
      kind: 'internal',
      phone: '000-0000-1006',
      helpsWith: ['障がいのある方の暮らしと仕事'],
      phoneHours: {
        mon: [{ from: '10:00', to: '22:00' }],
        tue: [{ from: '10:00', to: '22:00' }],
        wed: [{ from: '10:00', to: '22:00' }],
        thu: [{ from: '10:00', to: '22:00' }],
        fri: [{ from: '10:00', to: '22:00' }],
        sat: [{ from: '10:00', to: '22:00' }],
        sun: [{ from: '10:00', to: '22:00' }],
      },
      closedOnHolidays: false,
    },
    {
      id: 'shigoto',
      name: 'しごとサポート',
      kind: 'internal',
      phoneNote: '総合相談窓口におかけください。',
      helpsWith: ['仕事さがし'],
      phoneHours: { mon: NINE_TO_FIVE, wed: NINE_TO_FIVE, fri: NINE_TO_FIVE },
      closedWeekdays: ['tue', 'thu', 'sat', 'sun'],
      closedOnHolidays: true,
    },
    {
      id: 'kourei-soudan',
      name: 'みなと川市 高齢者あんしん相談センター',
      kind: 'external',
      phone: '000-0000-2001',
      helpsWith: ['介護・認知症'],
      phoneHours: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE, sat: NINE_TO_FIVE },
      closedWeekdays: ['sun'],
      closedOnHolidays: true,
    },
    {
      id: 'kosodate',
      name: 'みなと川市 子育て支援課',
      kind: 'external',
      phone: '000-0000-2002',
      helpsWith: ['子育て'],
      phoneHours: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
      closedWeekdays: ['sat', 'sun'],
      closedOnHolidays: true,
      yearEndClosure: YEAR_END,
    },
  ],

  routes: {
    money: { default: 'kurashi', loans: 'kashitsuke' },
    work: { default: 'shigoto', disability: 'hidamari' },
    elderly: { default: 'kourei-soudan' },
    disability: { default: 'hidamari' },
    childcare: { default: 'kosodate' },
    isolation: { default: 'chiku-coordinator' },
    rights: { default: 'anshin' },
    neighbor: { default: 'chiku-coordinator', kawabe: 'vc-kawabe' },
    volunteer: { default: 'vc', kawabe: 'vc-kawabe' },
    disaster: { default: 'vc', whenOpen: 'saigai' },
    other: { default: 'madoguchi' },
  },

  areas: [
    { id: 'chuo', name: '中央', kana: 'ちゅうおう' },
    { id: 'kawabe', name: '川べ', kana: 'かわべ' },
    { id: 'minatodai', name: 'みなと台', kana: 'みなとだい' },
    { id: 'kitano', name: '北野', kana: 'きたの' },
  ],

  hotlines: [
    {
      id: 'kinkyu',
      name: '緊急通報（架空）',
      number: '000-0000-9110',
      tel: '00000009110',
      hours: 'いつでも',
      crisisKinds: ['violence', 'emergency', 'self_harm'],
    },
    {
      id: 'kodomo-sos',
      name: 'こどもSOSダイヤル（架空）',
      number: '000-0000-9189',
      tel: '00000009189',
      hours: 'いつでも',
      crisisKinds: ['child_abuse'],
    },
    {
      id: 'dv-soudan',
      name: 'パートナー暴力ホットライン（架空）',
      number: '000-0000-9008',
      tel: '00000009008',
      hours: '毎日 9:00〜21:00',
      crisisKinds: ['dv'],
    },
    {
      id: 'kokoro-line',
      name: 'こころのよりどころ電話（架空）',
      number: '000-0000-9556',
      tel: '00000009556',
      hours: '毎日 18:00〜翌朝6:00',
      crisisKinds: ['suicide', 'self_harm'],
    },
    {
      id: 'minato-night',
      name: 'みなと川よるの相談電話（架空）',
      number: '000-0000-9338',
      tel: '00000009338',
      hours: '毎日 17:00〜翌朝9:00',
      note: 'どんなことでもお話しください。',
      crisisKinds: ['suicide', 'dv'],
    },
  ],

  distressHotlineIds: ['minato-night', 'kokoro-line'],

  privacy: {
    noticeVersion: 'sample-1',
    retentionDays: 1095,
    providers: ['テスト用クラウド事業者A', 'テスト用クラウド事業者B'],
    noticeText:
      'みなと川市社会福祉協議会（架空）は、ご相談に答えるためにやりとりを記録し、3年間保管したあと消去します。' +
      '記録を読むのは担当の職員だけです。データはテスト用クラウド事業者A・テスト用クラウド事業者Bに預けています。' +
      '命の危険があるときや子どもへの虐待が疑われるときは、警察や児童相談所に連絡します。' +
      '同意をやめたいときは、このトークでお知らせください。',
  },

  eventKinds: [
    { id: 'cafe', name: '地域カフェ' },
    { id: 'tamariba', name: 'たまり場' },
    { id: 'kosodate-hiroba', name: '子育てひろば' },
    { id: 'kaigo-cafe', name: '介護者カフェ' },
    { id: 'bousai-kouza', name: '防災講座' },
  ],

  disasterNotice: {
    text: 'みなと川社協より：みなと川災害ボランティアセンターを開設しました。くわしいことは、決まりしだいこのLINEでお知らせします。まずは安全を第一にしてください。',
  },

  suggestedEventKinds: {
    isolation: ['cafe', 'tamariba'],
    elderly: ['kaigo-cafe'],
    childcare: ['kosodate-hiroba'],
    disaster: ['bousai-kouza'],
  },

  bookableServices: [
    {
      id: 'houritsu',
      name: '弁護士による法律相談',
      departmentId: 'anshin',
      counselor: '弁護士',
      place: { address: ADDRESS },
      slotMinutes: 30,
      seatsPerSlot: 1,
      bookAheadDays: 45,
      minNoticeHours: 48,
      monthly: [{ nth: 3, weekday: 'fri', from: '10:00', to: '12:00', maxSlots: 4 }],
      reminders: { dayBefore: '12:00' },
    },
    {
      id: 'hidamari-mendan',
      name: 'ひだまり 面談',
      departmentId: 'hidamari',
      place: { address: ADDRESS, mapUrl: 'https://example.jp/map/hidamari' },
      whatToBring: '受給者証（お持ちの方）',
      slotMinutes: 30,
      seatsPerSlot: 2,
      bookAheadDays: 14,
      minNoticeHours: 2,
      weekly: {
        mon: [{ from: '10:00', to: '12:00' }, { from: '13:00', to: '16:00' }],
        wed: [{ from: '10:00', to: '12:00' }],
        sat: [{ from: '10:00', to: '11:30' }],
      },
      closures: ['2026-12-16'],
    },
  ],
  reminders: { dayBefore: '18:00', morningOf: '08:00' },
});
