import { defineFlow } from '../src/engine/flow-types';

const toMenu = { id: 'menu', label: 'メニュー', intent: 'menu' } as const;
const searchAgain = { id: 'search', label: 'イベント・サロンを探す', intent: 'events' } as const;
const notices = { id: 'notices', label: 'お知らせ設定', intent: 'noticeSettings' } as const;
const mine = { id: 'mine', label: '申し込んだイベント', intent: 'myEvents' } as const;

// Finding salons and events: area → kind → when → cards. The buttons on a card
// (詳しく見る, 参加する, 参加をやめる) carry the event and land on details / join /
// leave_confirm from wherever the resident is (entries eventDetails, eventJoin, eventLeave).
export const eventsFlowV1 = defineFlow({
  id: 'events',
  version: 1,
  start: 'search',
  nodes: {
    search: {
      reset: true,
      say: [],
      next: 'area',
    },
    // From a consultation's result: only the kinds the council suggests for its category.
    suggested: {
      useSuggestedKinds: true,
      say: [],
      next: 'suggested_area',
    },
    area: {
      say: [{ type: 'text', text: 'お近くのサロンやイベントを探します。\nどの地区で探しますか？' }],
      choicesFrom: { source: 'eventAreas', next: 'kind' },
      choices: [{ id: 'all', label: 'すべての地区', next: 'kind', set: { eventArea: '*', page: 0 } }, toMenu],
      onText: 'classify',
      fallback: 'area',
    },
    suggested_area: {
      say: [{ type: 'text', text: 'このご相談に合いそうな集まりを探します。\nどの地区で探しますか？' }],
      choicesFrom: { source: 'eventAreas', next: 'when' },
      choices: [{ id: 'all', label: 'すべての地区', next: 'when', set: { eventArea: '*', page: 0 } }, toMenu],
      onText: 'classify',
      fallback: 'suggested_area',
    },
    kind: {
      say: [{ type: 'text', text: 'どんな集まりを探しますか？' }],
      choicesFrom: { source: 'eventKinds', next: 'when' },
      choices: [{ id: 'all', label: 'すべての種類', next: 'when', set: { eventKinds: [] } }, toMenu],
      onText: 'classify',
      fallback: 'kind',
    },
    when: {
      say: [{ type: 'text', text: 'いつごろのものを探しますか？' }],
      choices: [
        { id: 'week', label: '1週間以内', next: 'results', set: { eventWhen: 'week' }, keywords: ['今週', '1週間'] },
        { id: 'month', label: '1か月以内', next: 'results', set: { eventWhen: 'month' }, keywords: ['今月', '1か月', 'ひと月'] },
        { id: 'date', label: '日にちを選ぶ', next: 'results', picker: 'date', set: { eventWhen: 'date' } },
        { id: 'any', label: 'いつでも', next: 'results', set: { eventWhen: 'any' }, keywords: ['いつでも', 'ぜんぶ', '全部'] },
        toMenu,
      ],
      onText: 'classify',
      fallback: 'when',
    },
    results: {
      divert: [{ when: 'noEvents', to: 'none' }],
      say: [
        { type: 'text', text: '見つかったサロン・イベントです。\n横にずらすと、ほかのものも見られます。「参加する」を押すと、お申し込みできます。' },
        { type: 'eventResults' },
      ],
      choices: [searchAgain, mine, notices, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },
    none: {
      say: [
        {
          type: 'text',
          text: 'ごめんなさい。その条件に合うサロン・イベントは、いまはありません。\n条件を変えて探すか、「お知らせ設定」で、新しいものが決まったときにお知らせを受け取れます。',
        },
      ],
      choices: [searchAgain, notices, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },

    // What the resident has joined or waits for, each card with 参加をやめる.
    mine: {
      reset: true,
      divert: [{ when: 'noMyEvents', to: 'mine_empty' }],
      say: [{ type: 'text', text: 'お申し込みいただいているサロン・イベントです。\n行けなくなったときは「参加をやめる」を押してください。' }, { type: 'myEvents' }],
      choices: [searchAgain, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },
    mine_empty: {
      say: [{ type: 'text', text: 'いま、お申し込みいただいているサロン・イベントはありません。' }],
      choices: [searchAgain, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },

    details: {
      divert: [{ when: 'eventClosed', to: 'closed' }],
      say: [{ type: 'eventDetails' }],
      choices: [searchAgain, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },
    // Cancelled, over, or no longer published: say so kindly, and offer the others.
    closed: {
      say: [{ type: 'eventClosed' }, { type: 'text', text: 'ほかのサロンやイベントは、「イベント・サロンを探す」から見られます。' }],
      choices: [searchAgain, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },

    join: {
      divert: [{ when: 'eventClosed', to: 'closed' }],
      say: [],
      effects: ['joinEvent'],
      next: 'joined',
    },
    joined: {
      say: [{ type: 'eventOutcome' }],
      choices: [searchAgain, mine, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },

    leave_confirm: {
      divert: [{ when: 'eventClosed', to: 'closed' }],
      say: [{ type: 'text', text: 'このイベントへの参加を、やめてよろしいですか？' }],
      choices: [
        { id: 'yes', label: '参加をやめる', next: 'left', effects: ['leaveEvent'] },
        { id: 'no', label: 'やめない', next: 'kept' },
      ],
      onText: 'classify',
      fallback: 'leave_confirm',
    },
    left: {
      say: [{ type: 'eventOutcome' }],
      choices: [searchAgain, mine, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },
    kept: {
      say: [{ type: 'text', text: 'お申し込みは、そのままにしました。' }],
      choices: [searchAgain, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },
  },
});
