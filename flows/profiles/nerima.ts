// 練馬区社会福祉協議会. Facts from /work/shared/DOMAIN.md and seeds 000 (2011)
// and 003 (令和2年度事業計画, 2020). Anything the sources do not give is marked
// in sourceNote and in toBeConfirmed.
import { defineCouncilProfile } from '../../src/profile/parse';
import { WEEKDAYS, type Weekday } from '../../src/time/tokyo';

const HQ_ADDRESS = '〒176-8501 東京都練馬区豊玉北6-12-1 練馬区役所東庁舎4階';
const OFFICE = [{ from: '08:30', to: '17:15' }];
const WEEKDAYS_OFFICE = { mon: OFFICE, tue: OFFICE, wed: OFFICE, thu: OFFICE, fri: OFFICE };
const YEAR_END = { from: '12-29', to: '01-03' };
/** Most of the council's desks: weekdays in office hours, closed on 祝日 and over the new year. */
const WEEKDAY_OFFICE_SCHEDULE = { phoneHours: WEEKDAYS_OFFICE, closedWeekdays: ['sat', 'sun'] satisfies Weekday[], closedOnHolidays: true, yearEndClosure: YEAR_END };
const ASSUMED_HOURS = '資料に受付時間がないため、仮に平日 8:30〜17:15 としています。';
const ASSUMED_CORNER_HOURS = '資料にあるのは休みの曜日だけです。受付時間は仮に 8:30〜17:15 としています。';
const ASSUMED_YEAR_END = '年末年始（12月29日〜1月3日）の休みは資料になく、仮の設定です。';
const CALL_MAIN_LINE = '資料に直通の番号がないため、代表番号におかけください。担当におつなぎします。';

const PHONE_DAY = [{ from: '09:00', to: '20:00' }];
const PHONE_WEEKEND = [{ from: '12:00', to: '20:00' }];
const OPEN_SPACE = [{ from: '12:00', to: '19:00' }];
// 予約面接 windows (令和2年度事業計画): shown as serviceHours and booked as bookableServices.
const KIRARA_INTERVIEW = { mon: [{ from: '09:00', to: '19:00' }], tue: [{ from: '09:00', to: '12:00' }], thu: [{ from: '09:00', to: '19:00' }] };
const WING_INTERVIEW = { wed: [{ from: '09:00', to: '12:00' }], thu: [{ from: '09:00', to: '19:00' }], fri: [{ from: '09:00', to: '19:00' }] };
const KIRARA_ADDRESS = '〒176-0012 東京都練馬区豊玉北5-15-19 豊玉すこやかセンター6階';
const WING_ADDRESS = '〒177-0041 東京都練馬区石神井町7-3-28 1階（石神井保健相談所と同じ建物）';
const ASSUMED_BOOKING = '面接1回の長さ（60分）・1枠1名・予約できる期間（60日先まで、前日まで）は資料になく、仮の設定です。';

/** The three volunteer corners differ only in place, number and closed days (seed 003). */
function volunteerCorner(c: { area: string; name: string; phone: string; address: string; closed: Weekday[]; closedText: string }) {
  const open = Object.fromEntries(WEEKDAYS.filter((d) => !c.closed.includes(d)).map((d) => [d, OFFICE]));
  return {
    id: `volunteer-${c.area}`,
    name: `${c.name}ボランティア・地域福祉推進コーナー`,
    shortName: `${c.name}コーナー`,
    kind: 'internal' as const,
    parentId: 'volunteer-center',
    phone: c.phone,
    address: c.address,
    helpsWith: [`${c.name}地区のボランティア活動のこと`, '地域の支え合い活動や、気になる方の相談'],
    phoneHours: open,
    closedWeekdays: c.closed,
    closedOnHolidays: true,
    yearEndClosure: YEAR_END,
    areaIds: [c.area],
    sourceNote: `休み：${c.closedText}（資料どおり）。${ASSUMED_CORNER_HOURS}${ASSUMED_YEAR_END}`,
  };
}

export const nerimaProfile = defineCouncilProfile({
  council: {
    id: 'nerima',
    name: '練馬区社会福祉協議会',
    shortName: '練馬区社協',
    phone: '03-3992-5600',
    address: HQ_ADDRESS,
    website: 'http://www.neri-shakyo.com/',
    motto: 'ひとりの不幸も見逃さない ～つながりのある地域をつくる～',
  },

  toBeConfirmed:
    'このプロフィールは、練馬区社協の資料（第3次地域福祉活動計画 概要版〔2011年〕と令和2年度事業計画〔2020年〕）をもとに作っています。' +
    '資料は2011〜2020年のものなので、電話番号・住所・受付時間・休みの日は、公開前に必ず社協で確認してください。' +
    '資料に受付時間がない窓口は仮に「平日 8:30〜17:15」とし、各窓口のメモ（sourceNote）に書いています。' +
    '年末年始の休み（12月29日〜1月3日）、LINEの対応時間、記録の保存期間（5年）、データを預ける事業者名も仮の値です。' +
    '予約できる相談の1回の長さと予約できる期間も仮の値で、弁護士相談会の日程（2026年12月・2027年1月）は例です。' +
    'DV相談ナビ（#8008）をはじめ、相談先の電話番号と受付時間も公開前に確認してください。',

  accountHours: {
    hours: WEEKDAYS_OFFICE,
    closedWeekdays: ['sat', 'sun'],
    closedOnHolidays: true,
    yearEndClosure: YEAR_END,
    replyNote:
      'LINEのメッセージは、平日（祝日と年末年始を除く）の 8:30〜17:15 に相談員が読んで、お返事します。' +
      'それ以外の時間にいただいたメッセージには、次の受付時間にお返事します。' +
      '命に関わるときや急ぐときは、ご案内する相談先にお電話ください。',
    afterHoursHotlineIds: ['yorisoi'],
  },

  departments: [
    {
      id: 'soumu',
      name: '代表・総務係（総合窓口）',
      shortName: '代表・総務係',
      kind: 'internal',
      phone: '03-3992-5600',
      address: HQ_ADDRESS,
      helpsWith: ['どこに相談したらよいか分からないこと', '会員・会費や寄付のこと', '社協の窓口や受付時間のご案内', 'そのほかのお問い合わせ'],
      ...WEEKDAY_OFFICE_SCHEDULE,
      sourceNote: `${ASSUMED_HOURS}${ASSUMED_YEAR_END}`,
    },
    {
      id: 'fukushi-shikin',
      name: '福祉資金担当',
      kind: 'internal',
      phone: '03-3991-5560',
      helpsWith: [
        '生活福祉資金の貸付',
        '失業などで生活費や一時的なお金が必要なときの貸付（緊急小口資金など）',
        '収入の少ない世帯、障害のある方や介護の必要な高齢の方がいる世帯への貸付',
      ],
      ...WEEKDAY_OFFICE_SCHEDULE,
      sourceNote: `${ASSUMED_HOURS}${ASSUMED_YEAR_END}`,
    },
    {
      id: 'seikatsu-support',
      name: '生活サポートセンター',
      kind: 'internal',
      phoneNote: CALL_MAIN_LINE,
      helpsWith: [
        '生活費が足りない、借金や税金・家賃の滞納で困っている',
        '仕事を失って暮らしが苦しい',
        '住まいを失った、または失いそう（住居確保給付金）',
        '家計の立て直し',
        '弁護士による無料相談会（借金・滞納・労働問題）',
      ],
      ...WEEKDAY_OFFICE_SCHEDULE,
      sourceNote: `資料に直通の番号がありません。令和2年度に区の要請で相談窓口を練馬区役所に移しています。${ASSUMED_HOURS}${ASSUMED_YEAR_END}`,
    },
    {
      id: 'kenri-yougo',
      name: '権利擁護センター ほっとサポートねりま',
      shortName: 'ほっとサポートねりま',
      kind: 'internal',
      phone: '03-5912-4022',
      address: HQ_ADDRESS,
      helpsWith: [
        '福祉サービスの選び方・使い方の相談',
        '日常のお金の管理や大切な書類の預かり（地域福祉権利擁護事業）',
        '成年後見制度の相談・申立ての手続き',
        '相続・遺言など、権利を守るための相談',
      ],
      ...WEEKDAY_OFFICE_SCHEDULE,
      sourceNote: `${ASSUMED_HOURS}${ASSUMED_YEAR_END}`,
    },
    {
      id: 'volunteer-center',
      name: 'ボランティア・地域福祉推進センター',
      shortName: 'ボランティアセンター',
      kind: 'internal',
      phone: '03-3994-0208',
      address: HQ_ADDRESS,
      helpsWith: [
        'ボランティアをしたい、ボランティアに来てほしい',
        'ボランティア活動保険の受付',
        'サロンなど地域の支え合い活動のこと',
        '災害ボランティアのこと',
      ],
      ...WEEKDAY_OFFICE_SCHEDULE,
      sourceNote: `${ASSUMED_HOURS}${ASSUMED_YEAR_END}`,
    },
    volunteerCorner({ area: 'hikarigaoka', name: '光が丘', phone: '03-5997-7721', address: '〒179-0072 東京都練馬区光が丘2-9-6 光が丘区民センター6階', closed: ['sat', 'sun'], closedText: '土日祝' }),
    volunteerCorner({ area: 'oizumi', name: '大泉', phone: '03-3922-2422', address: '〒178-0063 東京都練馬区東大泉3-18-17', closed: ['sun', 'mon'], closedText: '日月祝' }),
    volunteerCorner({ area: 'sekimachi', name: '関町', phone: '03-3929-1467', address: '〒177-0051 東京都練馬区関町北1-7-14 関町リサイクルセンター1階', closed: ['wed', 'sun'], closedText: '水日祝' }),
    {
      id: 'chiiki-coordinator',
      name: '地域福祉コーディネーター（ボランティア・地域福祉推進センター）',
      shortName: '地域福祉コーディネーター',
      kind: 'internal',
      parentId: 'volunteer-center',
      phone: '03-3994-0208',
      helpsWith: [
        '近所に気になる方がいる（見守りの相談）',
        'ひとりで寂しい、地域に居場所がほしい',
        '地域の困りごとを、住民のみなさんと一緒に考えること',
      ],
      ...WEEKDAY_OFFICE_SCHEDULE,
      sourceNote: `センターと各コーナーに配置されています（令和2年度事業計画）。電話はセンターの番号です。${ASSUMED_HOURS}${ASSUMED_YEAR_END}`,
    },
    {
      id: 'saigai-vc',
      name: '災害ボランティアセンター',
      kind: 'internal',
      parentId: 'volunteer-center',
      activatedOnly: true,
      phoneNote: '災害のときに開設し、連絡先をお知らせします。開設していないときは、ボランティア・地域福祉推進センターにおかけください。',
      helpsWith: ['災害のときのボランティアの受付', '被災した方からのお手伝いの依頼'],
      ...WEEKDAY_OFFICE_SCHEDULE,
      sourceNote: `災害時に社協が開設します。開設時の連絡先と受付時間は資料にありません。${ASSUMED_HOURS}`,
    },
    {
      id: 'kirara',
      name: '豊玉障害者地域生活支援センター「きらら」',
      shortName: 'きらら',
      kind: 'internal',
      phone: '03-3557-9222',
      address: KIRARA_ADDRESS,
      helpsWith: [
        '障害のある方やご家族の、暮らしの相談',
        '障害福祉サービスの使い方の相談（サービス等利用計画の作成）',
        '気軽に立ち寄れる場所（オープンスペース）',
      ],
      phoneHours: {
        mon: PHONE_DAY,
        tue: PHONE_DAY,
        thu: PHONE_DAY,
        fri: PHONE_DAY,
        sat: PHONE_WEEKEND,
        sun: PHONE_WEEKEND,
      },
      closedWeekdays: ['wed'],
      closedOnHolidays: true,
      yearEndClosure: YEAR_END,
      serviceHours: [
        {
          id: 'interview',
          label: '予約面接',
          hours: KIRARA_INTERVIEW,
        },
        {
          id: 'open-space',
          label: 'オープンスペース（予約なしの面接もできます）',
          hours: { tue: OPEN_SPACE, fri: OPEN_SPACE, sat: OPEN_SPACE, sun: OPEN_SPACE },
        },
      ],
      sourceNote: `電話・面接・オープンスペースの時間と、休み（水・祝）は令和2年度事業計画どおり。${ASSUMED_YEAR_END}`,
    },
    {
      id: 'wing',
      name: '石神井障害者地域生活支援センター「ういんぐ」',
      shortName: 'ういんぐ',
      kind: 'internal',
      phone: '03-3997-2181',
      address: WING_ADDRESS,
      helpsWith: [
        '障害のある方やご家族の、暮らしの相談',
        '障害福祉サービスの使い方の相談（サービス等利用計画の作成）',
        '気軽に立ち寄れる場所（オープンスペース）',
      ],
      phoneHours: {
        mon: PHONE_DAY,
        wed: PHONE_DAY,
        thu: PHONE_DAY,
        fri: PHONE_DAY,
        sat: PHONE_WEEKEND,
        sun: PHONE_WEEKEND,
      },
      closedWeekdays: ['tue'],
      closedOnHolidays: true,
      yearEndClosure: YEAR_END,
      serviceHours: [
        {
          id: 'interview',
          label: '予約面接',
          hours: WING_INTERVIEW,
        },
        {
          id: 'open-space',
          label: 'オープンスペース（予約なしの面接もできます）',
          hours: { mon: OPEN_SPACE, wed: OPEN_SPACE, sat: OPEN_SPACE, sun: OPEN_SPACE },
        },
      ],
      areaIds: ['shakujii'],
      sourceNote: `電話・面接・オープンスペースの時間と、休み（火・祝）は令和2年度事業計画どおり。${ASSUMED_YEAR_END}`,
    },
    {
      id: 'rainbow-work',
      name: '練馬区障害者就労支援センター「レインボーワーク」',
      shortName: 'レインボーワーク',
      kind: 'internal',
      phoneNote: CALL_MAIN_LINE,
      helpsWith: [
        '障害のある方の就職の相談',
        '働き続けるための相談（職場への訪問など）',
        '障害のある方の雇用を考えている企業からの相談',
      ],
      ...WEEKDAY_OFFICE_SCHEDULE,
      sourceNote: `資料に直通の番号がありません。${ASSUMED_HOURS}${ASSUMED_YEAR_END}`,
    },
    {
      id: 'houkatsu',
      name: '地域包括支援センター（練馬区）',
      shortName: '地域包括支援センター',
      kind: 'external',
      phoneNote:
        '練馬区の窓口で、お住まいの地域ごとに担当が分かれています。練馬区役所か、社協の代表番号にお問い合わせいただければ、担当の窓口をご案内します。',
      helpsWith: ['高齢の方の暮らしや介護の相談', '認知症の心配', '介護をしているご家族の相談'],
      ...WEEKDAY_OFFICE_SCHEDULE,
      sourceNote: `区の機関です。資料に番号がありません。${ASSUMED_HOURS}${ASSUMED_YEAR_END}`,
    },
    {
      id: 'kodomo-katei',
      name: '子ども家庭支援センター（練馬区）',
      shortName: '子ども家庭支援センター',
      kind: 'external',
      phoneNote: '練馬区の窓口です。練馬区役所か、社協の代表番号にお問い合わせいただければ、連絡先をご案内します。',
      helpsWith: ['子育ての悩み', '学校に行けないなど、お子さんのこと', 'ご家庭の困りごと'],
      ...WEEKDAY_OFFICE_SCHEDULE,
      sourceNote: `区の機関です。資料に番号がありません。${ASSUMED_HOURS}${ASSUMED_YEAR_END}`,
    },
  ],

  routes: {
    money: { default: 'seikatsu-support', loans: 'fukushi-shikin' },
    work: { default: 'seikatsu-support', disability: 'rainbow-work' },
    elderly: { default: 'houkatsu' },
    disability: { default: 'kirara', shakujii: 'wing' },
    childcare: { default: 'kodomo-katei' },
    isolation: {
      default: 'chiiki-coordinator',
      hikarigaoka: 'volunteer-hikarigaoka',
      oizumi: 'volunteer-oizumi',
      sekimachi: 'volunteer-sekimachi',
    },
    rights: { default: 'kenri-yougo' },
    neighbor: {
      default: 'chiiki-coordinator',
      hikarigaoka: 'volunteer-hikarigaoka',
      oizumi: 'volunteer-oizumi',
      sekimachi: 'volunteer-sekimachi',
    },
    volunteer: {
      default: 'volunteer-center',
      hikarigaoka: 'volunteer-hikarigaoka',
      oizumi: 'volunteer-oizumi',
      sekimachi: 'volunteer-sekimachi',
    },
    disaster: { default: 'volunteer-center', whenOpen: 'saigai-vc' },
    other: { default: 'soumu' },
  },

  areas: [
    { id: 'nerima', name: '練馬', kana: 'ねりま', note: '社協の4つの地区のひとつ' },
    { id: 'hikarigaoka', name: '光が丘', kana: 'ひかりがおか', note: '社協の4つの地区のひとつ' },
    { id: 'shakujii', name: '石神井', kana: 'しゃくじい', note: '社協の4つの地区のひとつ' },
    { id: 'oizumi', name: '大泉', kana: 'おおいずみ', note: '社協の4つの地区のひとつ' },
    { id: 'sekimachi', name: '関町', kana: 'せきまち' },
    { id: 'toshida', name: '土支田', kana: 'どしだ', note: 'どんぐりの家（サロン・こども食堂・おとな食堂）' },
  ],

  // Order matters: hotlinesFor() keeps it, so the most specific line comes first.
  hotlines: [
    {
      id: 'police',
      name: '警察（事件や暴力で、いま危険なとき）',
      number: '110',
      tel: '110',
      hours: '24時間',
      crisisKinds: ['violence', 'emergency'],
    },
    {
      id: 'ambulance',
      name: '救急車（けがや急病で、命に関わるとき）',
      number: '119',
      tel: '119',
      hours: '24時間',
      note: 'けがをしているときや、薬をたくさん飲んだときは、すぐにおかけください。',
      crisisKinds: ['emergency', 'self_harm'],
    },
    {
      id: 'child-abuse-189',
      name: '児童相談所 虐待対応ダイヤル「189（いちはやく）」',
      number: '189',
      tel: '189',
      hours: '24時間・毎日',
      note: '子どもへの虐待かもしれないと思ったら、おかけください。お近くの児童相談所につながります。',
      crisisKinds: ['child_abuse'],
    },
    {
      id: 'dv-navi',
      name: 'DV相談ナビ',
      number: '#8008',
      tel: '#8008',
      hours: '受付時間は、つながる地域の相談窓口によって異なります',
      note: 'お近くの配偶者暴力相談支援センターにつながります。',
      staffNote: '公開前に、番号と受付時間を確認してください。',
      crisisKinds: ['dv'],
    },
    {
      id: 'inochi',
      name: 'いのちの電話',
      number: '0570-783-556',
      tel: '0570783556',
      hours: '受付時間は、つながる地域のセンターによって異なります',
      note: '毎月10日は、無料の 0120-783-556 にもかけられます。',
      crisisKinds: ['suicide', 'self_harm'],
    },
    {
      id: 'yorisoi',
      name: 'よりそいホットライン',
      number: '0120-279-338',
      tel: '0120279338',
      hours: '24時間・毎日（通話無料）',
      note: 'どんな悩みでも相談できます。',
      crisisKinds: ['suicide', 'self_harm', 'dv'],
    },
    {
      id: 'kokoro',
      name: 'こころの健康相談統一ダイヤル',
      number: '0570-064-556',
      tel: '0570064556',
      hours: '受付時間は、つながる都道府県・政令指定都市によって異なります',
      crisisKinds: ['suicide', 'self_harm'],
    },
  ],

  // The distress safety net: lines that listen to any worry, the 24-hour one first.
  distressHotlineIds: ['yorisoi', 'inochi'],

  privacy: {
    noticeVersion: '2026-draft-1',
    retentionDays: 1825,
    providers: [
      'LINEヤフー株式会社（LINE公式アカウント）',
      '【要記入：サーバーの事業者名】',
      '【要記入：データベースの事業者名】',
    ],
    noticeText: [
      '練馬区社会福祉協議会（練馬区社協）のLINE相談での、個人情報の取り扱いについてお知らせします。',
      '',
      '■ 何のために使うか',
      'いただいたご相談にお答えし、合う窓口や支援におつなぎするために使います。だれのことか分からない形にした件数などを、事業をよくするために使うことがあります。',
      '',
      '■ 残すもの',
      'このトークでのやりとり、LINEの表示名、ご相談の内容と社協の対応の記録、ご予約やお知らせの設定です。',
      '',
      '■ 残す期間',
      '最後のやりとりから5年間残し、そのあと消去します。',
      '',
      '■ 読める人',
      'ご相談を担当する社協の職員だけが読みます。だれがいつ記録を見たかも残します。ほかの機関におつなぎするときは、あらかじめご本人の同意をいただきます（下の場合を除きます）。',
      '',
      '■ 警察や児童相談所に連絡するとき',
      '命に危険が迫っているときは、警察や消防（救急）に連絡することがあります。お子さんへの虐待が疑われるときは、法律で通告が義務づけられているため、児童相談所などに連絡します。これらの場合は、ご本人の同意がなくても連絡することがあります。',
      '',
      '■ データを預けている事業者',
      'LINEヤフー株式会社（LINE公式アカウント）、【要記入：サーバーの事業者名】、【要記入：データベースの事業者名】',
      '※【要記入】の部分は、公開前に社協が記入します。',
      '',
      '■ 同意をやめたいとき',
      'このトークで「同意をやめたい」と送るか、社協の代表番号（03-3992-5600）にお電話ください。同意をやめたあとは、新しいご相談の内容を残しません。それまでの記録の扱いについてもご相談に応じます。',
    ].join('\n'),
  },

  eventKinds: [
    { id: 'salon', name: 'ふれあい・いきいきサロン' },
    { id: 'tamariba', name: 'たまり場' },
    { id: 'kodomo-shokudo', name: 'こども食堂' },
    { id: 'otona-shokudo', name: 'おとな食堂' },
    { id: 'kaigosha-tsudoi', name: '介護者のつどい' },
    { id: 'sst', name: '誰でも参加できるSST' },
    { id: 'volunteer-course', name: 'ボランティア講座' },
    { id: 'senior-volunteer-course', name: 'シニア向けボランティア講座' },
    { id: 'disaster-vc-course', name: '災害ボランティアコーディネーター入門講座' },
    { id: 'kouken-seminar', name: '成年後見制度の説明会・講演会' },
    { id: 'lawyer-consultation', name: '弁護士相談会', description: '借金や税金・家賃の滞納、労働問題の無料相談' },
    { id: 'employment-seminar', name: '障害者雇用支援セミナー' },
    { id: 'marche', name: 'マルシェ' },
    { id: 'open-house', name: '施設公開' },
  ],

  // Sendable as it is (an emergency leaves no time to fill in blanks); staff may add details.
  disasterNotice: {
    text: [
      '【練馬区社協より　大切なお知らせ】',
      '練馬区社会福祉協議会は、災害ボランティアセンターを開設しました。',
      '',
      '・片付けなどのお手伝いが必要な方は、このLINEでご相談ください。',
      '・ボランティアとして参加できる方の受付の場所と時間は、決まりしだい、このLINEでお知らせします。',
      '',
      'まずは、ご自分とまわりの方の安全を第一にしてください。命に危険がせまっているときは、110番・119番に電話してください。',
    ].join('\n'),
  },

  suggestedEventKinds: {
    money: ['lawyer-consultation'],
    work: ['employment-seminar'],
    elderly: ['kaigosha-tsudoi'],
    disability: ['sst'],
    childcare: ['kodomo-shokudo'],
    isolation: ['salon', 'otona-shokudo'],
    rights: ['kouken-seminar'],
    neighbor: ['salon'],
    volunteer: ['volunteer-course', 'senior-volunteer-course'],
    disaster: ['disaster-vc-course'],
  },

  bookableServices: [
    {
      id: 'kirara-interview',
      name: '予約面接（きらら）',
      departmentId: 'kirara',
      description: '障害のある方やご家族の暮らしや、障害福祉サービスの使い方について、相談員がお話をうかがいます。',
      place: { address: KIRARA_ADDRESS },
      whatToBring: 'お持ちの方は、障害者手帳や受給者証、お薬手帳をお持ちください。',
      slotMinutes: 60,
      seatsPerSlot: 1,
      bookAheadDays: 60,
      minNoticeHours: 24,
      weekly: KIRARA_INTERVIEW,
      sourceNote: `面接の曜日と時間（月・木 9:00〜19:00、火 9:00〜12:00）は令和2年度事業計画どおり。${ASSUMED_BOOKING}`,
    },
    {
      id: 'wing-interview',
      name: '予約面接（ういんぐ）',
      departmentId: 'wing',
      description: '障害のある方やご家族の暮らしや、障害福祉サービスの使い方について、相談員がお話をうかがいます。',
      place: { address: WING_ADDRESS },
      whatToBring: 'お持ちの方は、障害者手帳や受給者証、お薬手帳をお持ちください。',
      slotMinutes: 60,
      seatsPerSlot: 1,
      bookAheadDays: 60,
      minNoticeHours: 24,
      weekly: WING_INTERVIEW,
      sourceNote: `面接の曜日と時間（水 9:00〜12:00、木・金 9:00〜19:00）は令和2年度事業計画どおり。${ASSUMED_BOOKING}`,
    },
    {
      id: 'seinen-kouken-senmon',
      name: '成年後見制度専門相談',
      departmentId: 'kenri-yougo',
      counselor: '司法書士',
      description: '成年後見制度の利用や、相続・遺言について、司法書士が個別にお話をうかがいます。',
      place: { address: HQ_ADDRESS, note: '権利擁護センター ほっとサポートねりまの窓口にお越しください。' },
      slotMinutes: 45,
      seatsPerSlot: 1,
      bookAheadDays: 62,
      minNoticeHours: 24,
      monthly: [{ nth: 1, weekday: 'wed', from: '13:30', to: '16:30', maxSlots: 3 }],
      sourceNote: '毎月第1水曜日 13:30〜16:30、1回45分、3枠は資料どおり。会場と予約できる期間（62日先まで、前日まで）は仮の設定です。',
    },
    {
      id: 'bengoshi-soudankai',
      name: '弁護士相談会（借金・滞納・労働問題）',
      departmentId: 'seikatsu-support',
      counselor: '弁護士',
      description: '借金や税金・家賃の滞納、仕事のトラブルについて、弁護士に無料で相談できます。',
      place: { address: HQ_ADDRESS, note: '会場は回によって変わることがあります。予約の確認のときにお知らせします。' },
      whatToBring: '借入先や滞納の分かる書類（請求書・督促状・契約書など）があればお持ちください。',
      slotMinutes: 30,
      seatsPerSlot: 1,
      bookAheadDays: 90,
      minNoticeHours: 24,
      // 【例】 The council sets the real dates; these two only show the shape.
      sessions: [
        { date: '2026-12-09', from: '13:00', to: '16:00', staffNote: '【例】実際の日程は社協が決めて、ここに書きます。' },
        { date: '2027-01-20', from: '13:00', to: '16:00', staffNote: '【例】実際の日程は社協が決めて、ここに書きます。' },
      ],
      sourceNote:
        '【例】弁護士相談会の日程・時間・会場・1回30分は資料になく、形を示すための例です。実際の日程は社協が決めて sessions に書いてください。',
    },
  ],

  // Assumed (not in the sources): LINE bookings get a reminder the evening before.
  reminders: { dayBefore: '18:00' },
});
