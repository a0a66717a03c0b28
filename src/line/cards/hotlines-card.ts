import type { messagingApi } from '@line/bot-sdk';
import type { Hotline } from '../../profile/schema';
import { telUri } from './tel';

/** The numbers to call now, each with its hours and a button that dials it. */
export function hotlinesCard(hotlines: readonly Hotline[]): messagingApi.FlexMessage {
  const rows: messagingApi.FlexComponent[] = hotlines.flatMap((h, i): messagingApi.FlexComponent[] => [
    ...(i > 0 ? [{ type: 'separator', margin: 'md' } as const] : []),
    { type: 'text', text: h.name, weight: 'bold', wrap: true, margin: 'md' },
    { type: 'text', text: `${h.hours}${h.note ? `　${h.note}` : ''}`, size: 'xs', color: '#666666', wrap: true },
    { type: 'button', style: 'primary', height: 'sm', margin: 'sm', action: { type: 'uri', label: `電話する ${h.number}`, uri: telUri(h.tel) } },
  ]);
  return {
    type: 'flex',
    altText: `いますぐ相談できる電話: ${hotlines.map((h) => `${h.name} ${h.number}`).join('、')}`.slice(0, 400),
    contents: {
      type: 'bubble',
      header: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: 'いますぐ相談できる電話', weight: 'bold', size: 'lg', wrap: true }] },
      body: { type: 'box', layout: 'vertical', contents: rows },
    },
  };
}
