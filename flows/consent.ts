import { defineFlow } from '../src/engine/flow-types';

// Consent to keep consultation text, and its withdrawal at any time.
export const consentFlowV1 = defineFlow({
  id: 'consent',
  version: 1,
  start: 'notice',
  nodes: {
    notice: {
      say: [{ type: 'privacyNotice' }],
      choices: [
        { id: 'agree', label: '同意する', next: 'given' },
        { id: 'disagree', label: '同意しない', next: 'declined' },
        { id: 'withdraw', label: '同意を取り消す', next: 'withdrawn' },
        { id: 'menu', label: 'メニューに戻る', intent: 'menu' },
      ],
      onText: 'classify',
      fallback: 'notice',
    },
    given: {
      say: [{ type: 'text', text: 'ありがとうございます。ご相談の内容は、相談員だけが読めるように大切に保管します。' }],
      effects: ['recordConsent'],
      next: 'triage:menu',
    },
    declined: {
      say: [
        {
          type: 'text',
          text:
            'わかりました。ご相談の内容は保存しません。\n窓口の案内や、相談先の電話番号はこのままご覧いただけます。\n' +
            'あとから同意するときは「同意する」と送ってください。',
        },
      ],
      effects: ['declineConsent'],
      next: 'triage:menu',
    },
    withdrawn: {
      say: [
        {
          type: 'text',
          text:
            '同意を取り消しました。これからのご相談の内容は保存しません。\n' +
            'これまでの記録を消してほしいときは、「人と話したい」を選んで相談員にお伝えください。',
        },
      ],
      effects: ['withdrawConsent'],
      next: 'triage:menu',
    },
  },
});
