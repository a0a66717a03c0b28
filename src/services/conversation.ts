import type { Deps } from '../deps';
import type { Resident } from '../db/schema';
import type { LineMessage } from '../line/port';

export type ConversationInput =
  | { kind: 'follow' }
  | { kind: 'text'; text: string }
  | { kind: 'postback'; data: string; params?: Record<string, unknown> }
  | { kind: 'unsupported'; messageType: string };

/** Decides the bot's answer to one resident input. */
export async function respond(_deps: Deps, _resident: Resident, input: ConversationInput): Promise<LineMessage[]> {
  const menu: LineMessage = {
    type: 'text',
    text: 'ご相談の内容に近いものを選んでください。文章で書いていただいても大丈夫です。',
    quickReply: {
      items: ['お金のこと', '仕事のこと', '介護のこと', '障害のこと', '子育てのこと', '人と話したい'].map((label) => ({
        type: 'action' as const,
        action: { type: 'message' as const, label, text: label },
      })),
    },
  };
  if (input.kind === 'follow') {
    return [{ type: 'text', text: '友だち追加ありがとうございます。社会福祉協議会の相談窓口です。' }, menu];
  }
  return [menu];
}
