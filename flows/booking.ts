import { defineFlow } from '../src/engine/flow-types';

const toMenu = { id: 'menu', label: 'メニュー', intent: 'menu' } as const;
const human = { id: 'human', label: '人と話したい', intent: 'human' } as const;
const myBookings = { id: 'mine', label: '予約の確認・変更・キャンセル', intent: 'myBookings' } as const;
const newBooking = { id: 'new', label: '新しく予約する', intent: 'book' } as const;

// Booking a consultation in LINE: service → day → time → (topic, with consent) → contact →
// confirm → card; and the resident's bookings: list, cancel, change. Services, days, times
// and bookings come from data the conversation service loads (choicesFrom).
export const bookingFlowV1 = defineFlow({
  id: 'booking',
  version: 1,
  start: 'choose',
  nodes: {
    choose: {
      reset: true,
      divert: [{ when: 'noChoices', to: 'no_services' }],
      say: [{ type: 'text', text: 'LINEでご予約できる相談です。\n予約したい相談を選んでください。' }],
      choicesFrom: { source: 'services', next: 'days' },
      choices: [myBookings, toMenu],
      onText: 'classify',
      fallback: 'choose',
    },
    no_services: {
      say: [{ type: 'text', text: 'いま、LINEでご予約できる相談はありません。\nご予約は、窓口にお電話ください（{council.phone}）。' }],
      choices: [human, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },

    days: {
      divert: [{ when: 'noChoices', to: 'no_days' }],
      say: [{ type: 'text', text: '「{booking.service}」のご予約ですね。\nご希望の日を選んでください。' }],
      choicesFrom: { source: 'days', next: 'times' },
      choices: [{ id: 'later', label: 'もっと先の日', next: 'times', picker: 'date' }, toMenu],
      fallback: 'days',
    },
    no_days: {
      say: [{ type: 'text', text: 'ごめんなさい。いまはご予約できる日がありません。\nお電話でご相談ください（{council.phone}）。' }],
      choices: [human, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },

    times: {
      divert: [{ when: 'noChoices', to: 'no_times' }],
      say: [{ type: 'text', text: '{booking.date}の空いている時間です。\nご希望の時間を選んでください。' }],
      choicesFrom: { source: 'times', next: 'topic', gone: 'time_gone' },
      choices: [{ id: 'other_day', label: 'ほかの日にする', next: 'days' }, toMenu],
      fallback: 'times',
    },
    no_times: {
      say: [{ type: 'text', text: '{booking.date}は、ご予約できる時間がありません。\nほかの日を選んでください。' }],
      next: 'days',
    },
    time_gone: {
      say: [{ type: 'text', text: 'ごめんなさい。その時間は、たったいま、ほかの方のご予約で埋まりました。' }],
      next: 'times',
    },

    // Only with consent: without it, the resident's words are not kept, so we do not ask for them.
    topic: {
      divert: [
        { when: 'changing', to: 'change_confirm' },
        { when: 'noConsent', to: 'contact' },
      ],
      say: [{ type: 'text', text: 'どんなご相談か、ひとことで教えてください。\n当日の準備に使います。書かなくても大丈夫です。' }],
      choices: [{ id: 'skip', label: '書かずに進む', next: 'contact', keywords: ['なし', 'とくにない', '特にない'] }],
      onText: { topic: 'contact' },
      fallback: 'topic',
    },
    contact: {
      say: [{ type: 'text', text: 'ご予約について、こちらから連絡するときは、どちらがよいですか？' }],
      choices: [
        { id: 'line', label: 'LINEで', next: 'confirm', set: { contact: 'line' }, keywords: ['line', 'ライン'] },
        { id: 'phone', label: '電話で', next: 'confirm', set: { contact: 'phone' }, keywords: ['電話'] },
      ],
      fallback: 'contact',
    },
    confirm: {
      say: [{ type: 'bookingSummary' }, { type: 'text', text: 'この内容で予約してよろしいですか？' }],
      choices: [
        { id: 'ok', label: '確定', next: 'booked', effects: ['bookSlot'] },
        { id: 'redo', label: '日時を選び直す', next: 'days' },
        { id: 'stop', label: 'やめる', next: 'stopped' },
      ],
      fallback: 'confirm',
    },
    booked: {
      divert: [{ when: 'bookingFailed', to: 'failed' }],
      say: [{ type: 'text', text: 'ご予約が確定しました。当日お待ちしています。' }, { type: 'bookingCard' }],
      choices: [myBookings, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },
    // The seat went to someone else between choosing and confirming (or the slot closed): say so, offer the rest of the day.
    failed: {
      say: [{ type: 'bookingFailure' }],
      next: 'times',
    },
    stopped: {
      say: [{ type: 'text', text: 'ご予約をやめました。またいつでもどうぞ。' }],
      next: 'triage:menu',
    },

    list: {
      reset: true,
      divert: [{ when: 'noChoices', to: 'list_empty' }],
      say: [{ type: 'text', text: 'これからのご予約です。' }, { type: 'bookingList' }, { type: 'text', text: '変更・キャンセルするご予約を選んでください。' }],
      choicesFrom: { source: 'bookings', next: 'manage' },
      choices: [newBooking, toMenu],
      onText: 'classify',
      fallback: 'list',
    },
    list_empty: {
      say: [{ type: 'text', text: 'いま、これからのご予約はありません。' }],
      choices: [newBooking, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },
    manage: {
      say: [{ type: 'bookingSummary' }, { type: 'text', text: 'このご予約をどうしますか？' }],
      choices: [
        { id: 'cancel', label: 'キャンセルする', next: 'cancel_confirm' },
        { id: 'change', label: '日時を変更する', next: 'days', set: { changing: true } },
        { id: 'back', label: '一覧に戻る', next: 'list' },
      ],
      fallback: 'manage',
    },
    cancel_confirm: {
      say: [{ type: 'text', text: '{booking.date} {booking.time}からのご予約を、キャンセルしてよろしいですか？' }],
      choices: [
        { id: 'yes', label: 'キャンセルする', next: 'cancelled', effects: ['cancelBooking'] },
        { id: 'no', label: 'キャンセルしない', next: 'list' },
      ],
      fallback: 'cancel_confirm',
    },
    cancelled: {
      say: [{ type: 'text', text: 'ご予約をキャンセルしました。\nまた必要なときは、いつでもご予約ください。' }],
      choices: [newBooking, toMenu],
      onText: 'classify',
      fallback: 'triage:menu',
    },
    // A change: the current booking stays until the new time is confirmed.
    change_confirm: {
      say: [
        { type: 'bookingSummary' },
        { type: 'text', text: 'この日時に変更してよろしいですか？\n変更が確定するまで、今のご予約はそのままです。' },
      ],
      choices: [
        { id: 'ok', label: '変更を確定', next: 'booked', effects: ['bookSlot'] },
        { id: 'redo', label: '日時を選び直す', next: 'days' },
        { id: 'stop', label: '変更をやめる', next: 'list' },
      ],
      fallback: 'change_confirm',
    },
  },
});
