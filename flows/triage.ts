import { defineFlow, type Choice } from '../src/engine/flow-types';

const backToMenu = { id: 'menu', label: '他の相談', intent: 'menu' } as const;
const human = { id: 'human', label: '人と話したい', intent: 'human' } as const;

// The main menu's choices: also offered when a counselor hands the resident back to the bot.
const menuChoices: Choice[] = [
  { id: 'money', label: 'お金・生活費', next: 'money_detail', set: { category: 'money' } },
  { id: 'work', label: '仕事', next: 'work_detail', set: { category: 'work' } },
  { id: 'elderly', label: '高齢・介護', next: 'result', set: { category: 'elderly' } },
  { id: 'disability', label: '障害', next: 'result', set: { category: 'disability' } },
  { id: 'childcare', label: '子育て・子ども', next: 'result', set: { category: 'childcare' } },
  { id: 'isolation', label: 'ひとりで不安・話し相手', next: 'result', set: { category: 'isolation' } },
  { id: 'rights', label: '契約・財産の管理', next: 'result', set: { category: 'rights' } },
  { id: 'neighbor', label: '近所の気になる人', next: 'neighbor_danger', set: { category: 'neighbor' } },
  { id: 'volunteer', label: 'ボランティア', next: 'result', set: { category: 'volunteer' } },
  { id: 'disaster', label: '災害・防災', next: 'result', set: { category: 'disaster' } },
  { id: 'other', label: 'その他・問い合わせ', next: 'result', set: { category: 'other' } },
  human,
  { id: 'privacy', label: '個人情報・同意', intent: 'privacy' },
];

// The main menu, the clarifying questions, and the result: where to turn.
export const triageFlowV1 = defineFlow({
  id: 'triage',
  version: 1,
  start: 'menu',
  nodes: {
    menu: {
      reset: true,
      say: [
        {
          type: 'text',
          text: 'ご相談の内容に近いものを選んでください。\n文章で書いていただいても大丈夫です。\n\n地域のサロンやイベントは「イベント」、お知らせの設定は「お知らせ設定」と送ってください。',
        },
      ],
      choices: menuChoices,
      onText: 'classify',
      fallback: 'menu',
    },

    money_detail: {
      say: [{ type: 'text', text: 'お金のことですね。いちばん近いものを選んでください。' }],
      choices: [
        { id: 'living', label: '生活費が足りない', next: 'result', keywords: ['生活費', '食べ', '所持金', 'お金がない', '収入'] },
        { id: 'debt', label: '借金・返済', next: 'result', keywords: ['借金', '返済', 'ローン', '督促', '滞納', 'カード'] },
        { id: 'rent', label: '家賃・住まい', next: 'result', keywords: ['家賃', '住まい', 'アパート', '追い出', '立ち退', '住む'] },
        {
          id: 'loan',
          label: '貸付（福祉資金）',
          next: 'result',
          set: { route: 'loans' },
          keywords: ['貸付', '貸し付け', '小口', '福祉資金', 'お金を借り'],
        },
        { id: 'other', label: 'その他', next: 'result' },
      ],
      onText: 'classify',
      fallback: 'money_detail',
    },

    work_detail: {
      say: [{ type: 'text', text: 'お仕事のことですね。\n障害や病気のために、働き方の配慮が必要ですか？' }],
      choices: [
        { id: 'yes', label: 'はい', next: 'result', set: { route: 'disability' }, keywords: ['障害', '障がい', '病気', '精神', '発達'] },
        { id: 'no', label: 'いいえ', next: 'result' },
        { id: 'unsure', label: 'わからない', next: 'result' },
      ],
      onText: 'classify',
      fallback: 'work_detail',
    },

    neighbor_danger: {
      say: [
        {
          type: 'text',
          text: '気になる方のことを教えてください。\nいま、その方の命にかかわる危険がありそうですか？\n（倒れている、呼んでも返事がない、暴力を受けている など）',
        },
      ],
      choices: [
        { id: 'danger', label: 'いま危ないかもしれない', next: 'neighbor_emergency', set: { urgency: 'crisis' } },
        { id: 'worried', label: '危なくはないが心配', next: 'neighbor_what' },
      ],
      onText: 'classify',
      fallback: 'neighbor_danger',
    },
    neighbor_emergency: {
      say: [
        { type: 'text', text: 'すぐに 119番（救急）か 110番（警察）に電話してください。\nあなた自身の安全も大切にしてください。' },
        { type: 'hotlines', kinds: ['emergency'] },
        { type: 'text', text: '相談員にもお知らせしました。落ち着いたら、気になったことを教えてください。' },
      ],
      effects: ['openCase', 'requestHuman'],
      next: 'neighbor_what',
    },
    neighbor_what: {
      say: [{ type: 'text', text: 'どんなことが気になりましたか？\n近いものを選ぶか、文章で書いてください。' }],
      choices: [
        { id: 'unseen', label: '姿を見かけない', next: 'neighbor_where', set: { note: '姿を見かけない' } },
        { id: 'mail', label: '郵便物がたまっている', next: 'neighbor_where', set: { note: '郵便物や新聞がたまっている' } },
        { id: 'sounds', label: '物音や声が気になる', next: 'neighbor_where', set: { note: '物音や声が気になる' } },
        { id: 'house', label: '家やごみの様子', next: 'neighbor_where', set: { note: '家やごみの様子が気になる' } },
        { id: 'health', label: '体調が悪そう', next: 'neighbor_where', set: { note: '体調が悪そう' } },
        { id: 'other', label: 'その他', next: 'neighbor_where' },
      ],
      onText: { note: 'neighbor_where' },
      fallback: 'neighbor_what',
    },
    neighbor_where: {
      say: [{ type: 'text', text: 'その方は、どのあたりにお住まいですか？' }],
      choicesFromAreas: { next: 'result' },
      choices: [{ id: 'unknown', label: 'わからない・答えない', next: 'result' }],
      fallback: 'neighbor_where',
    },

    result: {
      say: [{ type: 'department' }],
      effects: ['openCase'],
      choices: [
        { id: 'booking', label: '予約する', next: 'booking' },
        { id: 'events', label: '近くのイベントを見る', next: 'events:suggested', set: { page: 0 } },
        human,
        backToMenu,
      ],
      onText: 'classify',
      fallback: 'menu',
    },
    // 予約する books the department's own bookable service in LINE; a department without one
    // keeps the honest phone message. Edited in place (no new version): node and choice ids keep
    // their meaning, so a session pinned to this version simply gets the new way to book.
    booking: {
      useDepartmentService: true,
      divert: [{ when: 'noDepartmentService', to: 'booking_phone' }],
      say: [],
      next: 'booking:days',
    },
    booking_phone: {
      say: [
        {
          type: 'text',
          text: 'ご予約は、いまはお電話で受け付けています。上の窓口の番号にお電話ください。\n相談員から連絡してほしいときは「人と話したい」を選んでください。',
        },
      ],
      choices: [human, backToMenu],
      onText: 'classify',
      fallback: 'menu',
    },

    human: {
      say: [
        { type: 'text', text: '相談員にお伝えしました。順番にお返事します。\n{account.replyNote}' },
        { type: 'queuePosition' },
        { type: 'accountStatus' },
      ],
      effects: ['openCase', 'requestHuman'],
      choices: [backToMenu],
      onText: 'classify',
      fallback: 'menu',
    },

    // A counselor closed the case: the bot is back, with the menu's choices.
    handback: {
      reset: true,
      say: [{ type: 'text', text: '相談員との会話を終了しました。\nまたいつでもご相談ください。下のボタンから選ぶか、文章で書いてください。' }],
      choices: menuChoices,
      onText: 'classify',
      fallback: 'menu',
    },

    cancel_which: {
      say: [{ type: 'text', text: 'どちらを確認・キャンセルしますか？' }],
      choices: [
        { id: 'booking', label: '相談の予約', intent: 'myBookings' },
        { id: 'event', label: '申し込んだイベント', intent: 'myEvents' },
        { id: 'menu', label: 'メニュー', intent: 'menu' },
      ],
      onText: 'classify',
      fallback: 'menu',
    },
    not_understood: {
      say: [{ type: 'text', text: 'ごめんなさい。うまく読み取れませんでした。\n別の言葉で書いていただくか、下から選んでください。' }],
    },
    not_understood_twice: {
      say: [{ type: 'text', text: 'うまくお答えできず、ごめんなさい。\n相談員と直接やりとりすることもできます。' }],
      choices: [human, { id: 'menu', label: 'メニューを見る', intent: 'menu' }],
      onText: 'classify',
      fallback: 'menu',
    },
    expired: {
      say: [{ type: 'text', text: 'このボタンは古くなったため、使えません。\nお手数ですが、もう一度選んでください。' }],
    },
    unsupported: {
      say: [{ type: 'text', text: 'ごめんなさい。スタンプや写真などは読み取れません。\n文字で書いていただくか、下から選んでください。' }],
    },
  },
});

