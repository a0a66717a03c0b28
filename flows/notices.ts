import { defineFlow } from '../src/engine/flow-types';

const toMenu = { id: 'menu', label: 'メニュー', intent: 'menu' } as const;
const findEvents = { id: 'events', label: 'イベント・サロンを探す', intent: 'events' } as const;

// お知らせ設定: which areas and kinds of events a resident wants to hear about, or no
// notices at all. Nothing is sent until they save a choice here (opt-in). Areas and kinds
// are chosen by tapping (tap again to remove), a page at a time.
export const noticesFlowV1 = defineFlow({
  id: 'notices',
  version: 1,
  start: 'start',
  nodes: {
    start: {
      reset: true,
      divert: [{ when: 'noticesOff', to: 'start_off' }],
      say: [{ type: 'noticeSummary' }, { type: 'text', text: '変えるときは「設定を変える」を、止めるときは「お知らせを止める」を押してください。' }],
      choices: [
        { id: 'change', label: '設定を変える', next: 'edit', set: { page: 0 } },
        { id: 'stop', label: 'お知らせを止める', next: 'stop_confirm' },
        findEvents,
        toMenu,
      ],
      onText: 'classify',
      fallback: 'start',
    },
    start_off: {
      say: [
        { type: 'noticeSummary' },
        { type: 'text', text: '地区と種類を選ぶと、新しいサロンやイベントが決まったときに、このLINEでお知らせします。' },
      ],
      choices: [{ id: 'start', label: 'お知らせを受け取る', next: 'edit', set: { page: 0 } }, findEvents, toMenu],
      onText: 'classify',
      fallback: 'start_off',
    },
    edit: {
      useNoticeSettings: true,
      say: [],
      next: 'areas',
    },
    areas: {
      say: [
        { type: 'text', text: 'お知らせがほしい地区を押してください。いくつでも選べます（もう一度押すと外れます）。\n選び終わったら「次へ」を押してください。' },
        { type: 'noticeSelection' },
      ],
      choicesFrom: { source: 'noticeAreas', next: 'areas' },
      choices: [
        { id: 'all', label: 'すべての地区', next: 'kinds', set: { noticeAreas: ['*'], page: 0 } },
        { id: 'next', label: '次へ', next: 'kinds', set: { page: 0 } },
        { id: 'cancel', label: 'やめる', next: 'cancelled' },
      ],
      onText: 'classify',
      fallback: 'areas',
    },
    kinds: {
      divert: [{ when: 'noNoticeAreas', to: 'areas_needed' }],
      say: [
        { type: 'text', text: 'どんな集まりのお知らせがほしいですか？ いくつでも選べます。\n選び終わったら「決定」を押してください。' },
        { type: 'noticeSelection' },
      ],
      choicesFrom: { source: 'noticeKinds', next: 'kinds' },
      choices: [
        { id: 'all', label: 'すべての種類', next: 'save', set: { noticeKinds: ['*'] } },
        { id: 'done', label: '決定', next: 'save' },
        { id: 'cancel', label: 'やめる', next: 'cancelled' },
      ],
      onText: 'classify',
      fallback: 'kinds',
    },
    areas_needed: {
      say: [{ type: 'text', text: '地区を1つ以上選んでください。' }],
      next: 'areas',
    },
    save: {
      divert: [{ when: 'noNoticeKinds', to: 'kinds_needed' }],
      effects: ['saveNoticeSettings'],
      say: [{ type: 'text', text: 'お知らせの設定を保存しました。新しいサロンやイベントが決まったら、このLINEでお知らせします。' }, { type: 'noticeSelection' }],
      choices: [findEvents, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },
    kinds_needed: {
      say: [{ type: 'text', text: '種類を1つ以上選んでください。' }],
      next: 'kinds',
    },
    cancelled: {
      say: [{ type: 'text', text: '設定は変えていません。' }],
      next: 'start',
    },

    stop_confirm: {
      say: [{ type: 'text', text: 'お知らせを止めますか？\n止めたあとも、「イベント・サロンを探す」でご自分で探すことはできます。' }],
      choices: [
        { id: 'yes', label: '止める', next: 'stopped', effects: ['stopNotices'] },
        { id: 'no', label: '止めない', next: 'start' },
      ],
      onText: 'classify',
      fallback: 'stop_confirm',
    },
    stopped: {
      say: [{ type: 'text', text: 'お知らせを止めました。\nまたほしくなったら、「お知らせ設定」と送ってください。' }],
      choices: [findEvents, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },
  },
});
