import type { Out } from '../engine/flow-types';
import { distressHotlines } from '../profile/lookup';
import { fillPlaceholders } from '../profile/placeholders';
import type { CouncilProfile } from '../profile/schema';
import { LINE_MESSAGES_PER_REQUEST, LINE_TEXT_MAX } from './limits';
import type { LineMessage } from './port';


/** The distress safety net as one text: the opening, one line per number (LINE makes them tappable), the closing. */
export function safetyNetText(out: Extract<Out, { type: 'safetyNet' }>, profile: CouncilProfile): string {
  const lines = distressHotlines(profile).map((h) => `${h.name} ${h.number}（${h.hours}）`);
  return [fillPlaceholders(out.opening, profile), ...lines, fillPlaceholders(out.closing, profile)].join('\n');
}

/**
 * Adds the safety net to a reply already fitted to LINE's five messages. It always gets through,
 * and nothing the bot meant to say is lost when there is a way: its own message while there is
 * room, else joined to the last text of the reply, else (five cards) it takes the last message's place.
 */
export function withSafetyNet(messages: readonly LineMessage[], note: string): LineMessage[] {
  if (messages.length < LINE_MESSAGES_PER_REQUEST) return [...messages, { type: 'text', text: note }];
  const result = [...messages];
  for (let i = result.length - 1; i >= 0; i--) {
    const m = result[i]!;
    if (m.type === 'text' && m.text.length + note.length + 2 <= LINE_TEXT_MAX) {
      result[i] = { ...m, text: `${m.text}\n\n${note}` };
      return result;
    }
  }
  return [...result.slice(0, LINE_MESSAGES_PER_REQUEST - 1), { type: 'text', text: note }];
}
