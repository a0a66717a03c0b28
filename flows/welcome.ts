import { defineFlow } from '../src/engine/flow-types';

// First contact: what this account is, its hours, that it is not an emergency line,
// and the privacy notice with a choice. A crisis typed here is still answered first
// (the engine checks every text before any flow).
export const welcomeFlowV1 = defineFlow({
  id: 'welcome',
  version: 1,
  start: 'start',
  nodes: {
    start: {
      say: [
        {
          type: 'text',
          text:
            '友だち追加ありがとうございます。\n{council.name}の LINE 相談窓口です。くらしの困りごとを、なんでもご相談ください。\n\n' +
            '{account.replyNote}\n\n' +
            'この LINE は 110番・119番 のかわりにはなりません。命にかかわるときは、すぐに 110番（警察）か 119番（救急）に電話してください。',
        },
        { type: 'text', text: 'はじめに、ご相談の内容を記録してよいか確認させてください。' },
        { type: 'privacyNotice' },
      ],
      choices: [
        { id: 'agree', label: '同意する', next: 'consent:given' },
        { id: 'disagree', label: '同意しない', next: 'consent:declined' },
      ],
      onText: 'classify',
      fallback: 'start',
    },
  },
});
