import type { messagingApi } from '@line/bot-sdk';
import { contactPhone } from '../../profile/lookup';
import { describeOpenStatus, openStatus } from '../../profile/opening-hours';
import type { CouncilProfile, Department } from '../../profile/schema';
import { telUri } from './tel';

type FlexComponent = messagingApi.FlexComponent;

const text = (t: string, extra: Partial<messagingApi.FlexText> = {}): messagingApi.FlexText => ({ type: 'text', text: t, wrap: true, ...extra });

/** Where to turn: name, what they help with, open now or not, phone, address, map. */
export function departmentCard(profile: CouncilProfile, dept: Department, now: Date): messagingApi.FlexMessage {
  const status = openStatus(dept, now);
  const phone = contactPhone(profile, dept);
  const body: FlexComponent[] = [
    text('こんなご相談を受けています', { size: 'sm', color: '#666666' }),
    ...dept.helpsWith.slice(0, 4).map((h) => text(`・${h}`, { size: 'sm' })),
    { type: 'separator', margin: 'md' },
    text(describeOpenStatus(status, now, 'phone'), { size: 'sm', weight: 'bold', color: status.open ? '#1B7F3B' : '#B00020', margin: 'md' }),
    text(`電話 ${phone.phone}`, { size: 'md', weight: 'bold', margin: 'md' }),
  ];
  if (phone.note) body.push(text(phone.note, { size: 'xs', color: '#666666' }));
  if (dept.address) body.push(text(dept.address, { size: 'sm', margin: 'sm' }));
  if (dept.kind === 'external') body.push(text('社協の外の窓口です。', { size: 'xs', color: '#666666', margin: 'sm' }));

  const footer: FlexComponent[] = [
    { type: 'button', style: 'primary', action: { type: 'uri', label: `電話する（${phone.phone}）`, uri: telUri(phone.phone) } },
  ];
  const mapUri = dept.mapUrl ?? (dept.address ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(dept.address)}` : undefined);
  if (mapUri) footer.push({ type: 'button', style: 'secondary', action: { type: 'uri', label: '地図を見る', uri: mapUri } });

  return {
    type: 'flex',
    altText: `ご案内: ${dept.name}（電話 ${phone.phone}）`.slice(0, 400),
    contents: {
      type: 'bubble',
      header: { type: 'box', layout: 'vertical', contents: [text('ご案内する窓口', { size: 'xs', color: '#666666' }), text(dept.name, { size: 'lg', weight: 'bold' })] },
      body: { type: 'box', layout: 'vertical', spacing: 'xs', contents: body },
      footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: footer },
    },
  };
}
