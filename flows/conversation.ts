import type { Conversation } from '../src/engine/conversation-types';
import { bookingFlowV1 } from './booking';
import { consentFlowV1 } from './consent';
import { eventsFlowV1 } from './events';
import { noticesFlowV1 } from './notices';
import { triageFlowV1 } from './triage';
import { welcomeFlowV1 } from './welcome';

// Every flow version still in use (a session pins the version it started on: keep an
// old version here until no session can be on it), and how the flows connect.
export const conversation: Conversation = {
  flows: [welcomeFlowV1, consentFlowV1, triageFlowV1, bookingFlowV1, eventsFlowV1, noticesFlowV1],
  entries: {
    follow: 'welcome:start',
    menu: 'triage:menu',
    human: 'triage:human',
    privacy: 'consent:notice',
    giveConsent: 'consent:given',
    declineConsent: 'consent:declined',
    withdrawConsent: 'consent:withdrawn',
    notUnderstood: 'triage:not_understood',
    notUnderstoodTwice: 'triage:not_understood_twice',
    expired: 'triage:expired',
    unsupported: 'triage:unsupported',
    handback: 'triage:handback',
    book: 'booking:choose',
    myBookings: 'booking:list',
    events: 'events:search',
    myEvents: 'events:mine',
    cancelWhich: 'triage:cancel_which',
    noticeSettings: 'notices:start',
    stopNotices: 'notices:stop_confirm',
    eventDetails: 'events:details',
    eventJoin: 'events:join',
    eventLeave: 'events:leave_confirm',
  },
  categories: {
    money: 'triage:money_detail',
    work: 'triage:work_detail',
    elderly: 'triage:result',
    disability: 'triage:result',
    childcare: 'triage:result',
    isolation: 'triage:result',
    rights: 'triage:result',
    neighbor: 'triage:neighbor_danger',
    volunteer: 'triage:result',
    disaster: 'triage:result',
    other: 'triage:result',
  },
  intents: {
    menu: {
      exact: [
        'メニュー', '最初から', 'はじめから', '他の相談', 'メニューを見る', 'メニューに戻る',
        // A greeting deserves the menu, not "I did not understand".
        'こんにちは', 'こんばんは', 'おはよう', 'おはようございます', 'はじめまして', 'もしもし', 'hello', 'hi', 'よろしくお願いします',
      ],
      contains: [],
    },
    human: {
      exact: ['相談員', '人', '電話で話したい'],
      contains: ['人と話したい', 'ひとと話したい', '人と話がしたい', '相談員と話', '相談員さんと', '人間と話', 'オペレーター', '担当者と話'],
    },
    privacy: { exact: ['個人情報', 'プライバシー', '個人情報・同意', '同意の確認'], contains: ['個人情報の取り扱い', 'プライバシーポリシー'] },
    giveConsent: { exact: ['同意する', '同意します'], contains: [] },
    declineConsent: { exact: ['同意しない', '同意しません'], contains: [] },
    withdrawConsent: { exact: ['同意を取り消す'], contains: ['同意をやめたい', '同意を取り消', '同意の取り消し', '同意を撤回', '同意撤回'] },
    book: { exact: ['予約', '予約したい', '予約する', '予約します', '相談の予約', '新しく予約する'], contains: ['予約をしたい', '予約を取りたい'] },
    myBookings: {
      exact: ['予約の確認', '予約の変更', '予約のキャンセル', '予約確認'],
      contains: ['予約の確認・変更・キャンセル', '予約を確認', '予約を変更', '予約をキャンセル', '予約の取り消し', '予約を取り消'],
    },
    // Whole words, or clear requests: 「サロンに行けなくなって寂しい」 is a consultation, not a search.
    events: {
      exact: ['イベント', 'サロン', '行事', '催し', 'こども食堂', '子ども食堂', 'イベント・サロン', 'イベント・サロンを探す', 'イベント情報', '近くのイベント'],
      contains: ['イベントを探', 'イベントを見', 'イベントに参加', 'サロンを探', 'サロンに参加', 'サロンに行きたい', '行事を探', 'こども食堂を探', '子ども食堂を探', 'こども食堂に行きたい'],
    },
    myEvents: {
      exact: ['申し込んだイベント', '参加するイベント', '参加の確認', 'イベントの確認', 'イベントのキャンセル'],
      contains: ['参加をやめ', '参加を取り消', '参加のキャンセル', '参加をキャンセル', '申し込みを取り消', '申し込んだイベント', 'イベントをキャンセル'],
    },
    // A bare 「キャンセル」 could mean a booking or an event: ask which.
    cancelWhich: { exact: ['キャンセル', 'キャンセルしたい', 'キャンセルします', '取り消し', '取り消したい', 'とりけし'], contains: [] },
    noticeSettings: {
      exact: ['お知らせ', 'お知らせ設定', 'お知らせの設定', '通知', '通知設定'],
      contains: ['お知らせを受け取', 'お知らせがほしい', 'お知らせの設定', 'お知らせを設定', 'お知らせを変え', '通知の設定'],
    },
    stopNotices: {
      exact: ['配信停止', 'お知らせを止める', 'お知らせ停止'],
      contains: ['お知らせを止め', 'お知らせをとめ', 'お知らせはいらない', 'お知らせいらない', 'お知らせを停止', '通知を止め', '通知をとめ', '通知はいらない'],
    },
  },
  crisis: {
    opening: 'メッセージを送ってくださって、ありがとうございます。あなたのことが、とても心配です。',
    byKind: {
      suicide: 'つらい気持ちを、ひとりで抱えないでください。いますぐ話を聞いてくれる電話があります。',
      self_harm: 'からだを傷つけてしまうほど、つらいのですね。けがをしているときは、すぐに 119番 に電話してください。',
      child_abuse: 'お子さんの安全がいちばん大切です。189（いちはやく）に電話すると、お近くの児童相談所につながります。',
      dv: 'あなたは悪くありません。危ないときは、すぐに 110番 に電話してください。',
      violence: '危ないときは、すぐに 110番（警察）に電話してください。',
      emergency: 'いま危ない状態なら、すぐに 119番（救急）か 110番（警察）に電話してください。',
    },
    closing: 'このメッセージは相談員にも伝えました。受付時間内に、相談員からお返事します。\nつらいときは、いつでもまたここに書いてください。',
    inQueue: [{ type: 'queuePosition' }, { type: 'accountStatus' }],
    closingWithCounselor: 'このメッセージは、担当の相談員にも届いています。\nつらいときは、いつでもまたここに書いてください。',
    choices: [
      { label: '人と話したい', intent: 'human' },
      { label: 'メニュー', intent: 'menu' },
    ],
  },
  distress: {
    opening: 'つらい気持ちが続くときは、ひとりで抱えないでください。\n話を聞いてくれる電話があります。',
    closing: '相談員と話したいときは「人と話したい」と送ってください。',
    choices: [{ label: '人と話したい', intent: 'human' }],
    // About once a day: enough to be found again tomorrow, not so often that it nags.
    quietHours: 24,
  },
};
