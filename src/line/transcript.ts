import type { LineMessage } from './port';

/** What a counselor reads in the transcript for one outbound LINE message. */
export function summarizeForTranscript(message: LineMessage): string {
  switch (message.type) {
    case 'text':
      return message.text;
    case 'flex':
    case 'template':
      return message.altText;
    default:
      return `[${message.type}]`;
  }
}
