import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeUserId, startEmulator, text } from './helpers';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

const uri = (label = 'Open', u = 'https://example.com') => ({ type: 'uri', label, uri: u });
const postback = (label = '相談する', data = 'a=1') => ({ type: 'postback', label, data });
const msgAction = (label = 'はい', t = 'はい') => ({ type: 'message', label, text: t });
const quickReply = (n: number, action: Record<string, unknown> = msgAction()) => ({
  items: Array.from({ length: n }, () => ({ type: 'action', action })),
});
const bubble = (body = 'hello') => ({
  type: 'bubble',
  body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: body }] },
});
const flex = (contents: unknown) => ({ type: 'flex', altText: 'お知らせ', contents });
const buttons = (t: Record<string, unknown>) => ({
  type: 'template',
  altText: 'alt',
  template: { type: 'buttons', text: 'text', actions: [postback()], ...t },
});
const column = (extra: Record<string, unknown> = {}) => ({ text: 'col', actions: [postback()], ...extra });
const carousel = (columns: unknown[]) => ({ type: 'template', altText: 'alt', template: { type: 'carousel', columns } });
const picker = (extra: Record<string, unknown>) => ({ type: 'datetimepicker', label: '日時', data: 'd', ...extra });
const withQuick = (action: Record<string, unknown>) => ({ ...text(), quickReply: { items: [{ type: 'action', action }] } });

/** [name, messages, expected error property or null when LINE accepts it] */
const cases: Array<[string, unknown[], string | null]> = [
  ['5 messages', Array.from({ length: 5 }, () => text()), null],
  ['6 messages', Array.from({ length: 6 }, () => text()), 'messages'],
  ['0 messages', [], 'messages'],
  ['unknown type', [{ type: 'hologram' }], 'messages[0].type'],
  ['text of 5000 units', [text('あ'.repeat(5000))], null],
  ['text of 5001 units', [text('a'.repeat(5001))], 'messages[0].text'],
  ['emoji counts as 2 UTF-16 units', [text('😀'.repeat(2500) + 'a')], 'messages[0].text'],
  ['empty text', [text('')], 'messages[0].text'],
  ['missing text', [{ type: 'text' }], 'messages[0].text'],
  ['textV2 with mention', [{ type: 'textV2', text: '{u} さん', substitution: { u: { type: 'mention', mentionee: { type: 'user', userId: fakeUserId(1) } } } }], null],
  ['textV2 too long', [{ type: 'textV2', text: 'a'.repeat(5001) }], 'messages[0].text'],
  ['sticker', [{ type: 'sticker', packageId: '446', stickerId: '1988' }], null],
  ['sticker without id', [{ type: 'sticker', packageId: '446' }], 'messages[0].stickerId'],
  ['image https', [{ type: 'image', originalContentUrl: 'https://e.com/a.jpg', previewImageUrl: 'https://e.com/p.jpg' }], null],
  ['image http', [{ type: 'image', originalContentUrl: 'http://e.com/a.jpg', previewImageUrl: 'https://e.com/p.jpg' }], 'messages[0].originalContentUrl'],
  ['image url over 2000', [{ type: 'image', originalContentUrl: `https://e.com/${'a'.repeat(2000)}`, previewImageUrl: 'https://e.com/p.jpg' }], 'messages[0].originalContentUrl'],
  ['video', [{ type: 'video', originalContentUrl: 'https://e.com/a.mp4', previewImageUrl: 'https://e.com/p.jpg' }], null],
  ['location', [{ type: 'location', title: '練馬区社協', address: '東京都練馬区', latitude: 35.7, longitude: 139.6 }], null],
  ['location without latitude', [{ type: 'location', title: 't', address: 'a', longitude: 139.6 }], 'messages[0].latitude'],
  ['13 quick replies', [{ ...text(), quickReply: quickReply(13) }], null],
  ['14 quick replies', [{ ...text(), quickReply: quickReply(14) }], 'messages[0].quickReply.items'],
  ['quick reply label of 20', [withQuick(msgAction('あ'.repeat(20)))], null],
  ['quick reply label of 21', [withQuick(msgAction('あ'.repeat(21)))], 'messages[0].quickReply.items[0].action.label'],
  ['quick reply without label', [withQuick({ type: 'message', text: 'x' })], 'messages[0].quickReply.items[0].action.label'],
  ['quick reply item type', [{ ...text(), quickReply: { items: [{ type: 'button', action: msgAction() }] } }], 'messages[0].quickReply.items[0].type'],
  ['quick reply camera', [withQuick({ type: 'camera', label: 'カメラ' })], null],
  ['camera outside quick reply', [buttons({ actions: [{ type: 'camera', label: 'カメラ' }] })], 'messages[0].template.actions[0].type'],
  ['postback data of 300', [withQuick(postback('l', 'd'.repeat(300)))], null],
  ['postback data of 301', [withQuick(postback('l', 'd'.repeat(301)))], 'messages[0].quickReply.items[0].action.data'],
  ['postback without data', [withQuick({ type: 'postback', label: 'l' })], 'messages[0].quickReply.items[0].action.data'],
  ['postback displayText of 301', [withQuick({ ...postback(), displayText: 'x'.repeat(301) })], 'messages[0].quickReply.items[0].action.displayText'],
  ['message action text of 301', [withQuick(msgAction('l', 'x'.repeat(301)))], 'messages[0].quickReply.items[0].action.text'],
  ['uri tel', [withQuick(uri('電話', 'tel:0120000000'))], null],
  ['uri line', [withQuick(uri('LINE', 'line://nv/location'))], null],
  ['uri ftp', [withQuick(uri('x', 'ftp://e.com'))], 'messages[0].quickReply.items[0].action.uri'],
  ['uri over 1000', [withQuick(uri('x', `https://e.com/${'a'.repeat(1000)}`))], 'messages[0].quickReply.items[0].action.uri'],
  ['clipboard', [withQuick({ type: 'clipboard', label: 'コピー', clipboardText: '03-0000-0000' })], null],
  ['clipboard too long', [withQuick({ type: 'clipboard', label: 'c', clipboardText: 'x'.repeat(1001) })], 'messages[0].quickReply.items[0].action.clipboardText'],
  ['datetimepicker date', [withQuick(picker({ mode: 'date', initial: '2025-04-01', min: '2025-01-01', max: '2025-12-31' }))], null],
  ['datetimepicker datetime', [withQuick(picker({ mode: 'datetime', initial: '2025-04-01T10:00' }))], null],
  ['datetimepicker bad date', [withQuick(picker({ mode: 'date', initial: '2025-02-30' }))], 'messages[0].quickReply.items[0].action.initial'],
  ['datetimepicker time format', [withQuick(picker({ mode: 'time', initial: '9:00' }))], 'messages[0].quickReply.items[0].action.initial'],
  ['datetimepicker bad mode', [withQuick(picker({ mode: 'week' }))], 'messages[0].quickReply.items[0].action.mode'],
  ['datetimepicker initial past max', [withQuick(picker({ mode: 'time', initial: '18:00', max: '17:00' }))], 'messages[0].quickReply.items[0].action.initial'],
  ['buttons text 160', [buttons({ text: 'x'.repeat(160) })], null],
  ['buttons text 161', [buttons({ text: 'x'.repeat(161) })], 'messages[0].template.text'],
  ['buttons text 61 with title', [buttons({ title: 'お知らせ', text: 'x'.repeat(61) })], 'messages[0].template.text'],
  ['buttons text 61 with image', [buttons({ thumbnailImageUrl: 'https://e.com/t.jpg', text: 'x'.repeat(61) })], 'messages[0].template.text'],
  ['buttons title 41', [buttons({ title: 'x'.repeat(41) })], 'messages[0].template.title'],
  ['buttons 4 actions', [buttons({ actions: [postback(), postback(), uri(), msgAction()] })], null],
  ['buttons 5 actions', [buttons({ actions: [postback(), postback(), uri(), msgAction(), uri()] })], 'messages[0].template.actions'],
  ['buttons 0 actions', [buttons({ actions: [] })], 'messages[0].template.actions'],
  ['buttons action label 21', [buttons({ actions: [postback('x'.repeat(21))] })], 'messages[0].template.actions[0].label'],
  ['template altText 401', [{ ...buttons({}), altText: 'x'.repeat(401) }], 'messages[0].altText'],
  ['confirm 2 actions', [{ type: 'template', altText: 'a', template: { type: 'confirm', text: 'よろしいですか', actions: [msgAction(), msgAction('いいえ')] } }], null],
  ['confirm 1 action', [{ type: 'template', altText: 'a', template: { type: 'confirm', text: 't', actions: [msgAction()] } }], 'messages[0].template.actions'],
  ['confirm text 241', [{ type: 'template', altText: 'a', template: { type: 'confirm', text: 'x'.repeat(241), actions: [msgAction(), msgAction()] } }], 'messages[0].template.text'],
  ['carousel of 10', [carousel(Array.from({ length: 10 }, () => column()))], null],
  ['carousel of 11', [carousel(Array.from({ length: 11 }, () => column()))], 'messages[0].template.columns'],
  ['carousel 4 actions', [carousel([column({ actions: [postback(), postback(), postback(), postback()] })])], 'messages[0].template.columns[0].actions'],
  ['carousel uneven actions', [carousel([column(), column({ actions: [postback(), postback()] })])], 'messages[0].template.columns[1].actions'],
  ['flex bubble', [flex(bubble())], null],
  ['flex carousel of 12', [flex({ type: 'carousel', contents: Array.from({ length: 12 }, () => bubble()) })], null],
  ['flex carousel of 13', [flex({ type: 'carousel', contents: Array.from({ length: 13 }, () => bubble()) })], 'messages[0].contents.contents'],
  ['flex bubble over 30 KB', [flex(bubble('x'.repeat(31 * 1024)))], 'messages[0].contents'],
  ['flex carousel over 50 KB', [flex({ type: 'carousel', contents: Array.from({ length: 3 }, () => bubble('x'.repeat(18 * 1024))) })], 'messages[0].contents'],
  ['flex altText missing', [{ type: 'flex', contents: bubble() }], 'messages[0].altText'],
  ['flex unknown container', [flex({ type: 'stack' })], 'messages[0].contents.type'],
  ['flex button without label', [flex({ type: 'bubble', footer: { type: 'box', layout: 'vertical', contents: [{ type: 'button', action: { type: 'uri', uri: 'https://e.com' } }] } })], 'messages[0].contents.footer.contents[0].action.label'],
  ['flex box without layout', [flex({ type: 'bubble', body: { type: 'box', contents: [] } })], 'messages[0].contents.body.layout'],
  ['sender name 21', [{ ...text(), sender: { name: 'x'.repeat(21) } }], 'messages[0].sender.name'],
];

describe('message validation (LINE limits)', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());

  it.each(cases)('%s', async (_name, messages, property) => {
    const res = await emu.api.post('/v2/bot/message/push', { to: fakeUserId(1), messages });
    if (property === null) {
      expect(res.body).toMatchObject({ sentMessages: expect.any(Array) });
      expect(res.status).toBe(200);
    } else {
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^The request body has \d+ error\(s\)$/);
      expect(res.body.details.map((d: { property: string }) => d.property)).toContain(property);
    }
  });

  it('reports the count of errors and every property', async () => {
    const res = await emu.api.post('/v2/bot/message/push', { to: fakeUserId(1), messages: [text(''), { type: 'sticker' }] });
    expect(res.body).toEqual({
      message: 'The request body has 3 error(s)',
      details: [
        { message: 'May not be empty', property: 'messages[0].text' },
        { message: 'must be specified', property: 'messages[1].packageId' },
        { message: 'must be specified', property: 'messages[1].stickerId' },
      ],
    });
  });

  it('exposes the validate endpoints', async () => {
    expect((await emu.api.post('/v2/bot/message/validate/push', { messages: [text()] })).status).toBe(200);
    expect((await emu.api.post('/v2/bot/message/validate/reply', { messages: [text('')] })).status).toBe(400);
  });
});
