import { actionButton, actionLabel } from './actions.js';
import { h, safeHttpUrl, safeLinkUrl, str } from './dom.js';
import { renderFlexContainer } from './flex.js';
import { renderTemplate } from './template.js';

/** One message object as the bot sent it → the content of a bot bubble. */
export function renderMessage(message, run) {
  const render = RENDERERS[message?.type];
  const content = render ? render(message, run) : null;
  if (content) return content;
  // Unknown or malformed: say so, with the alt text the LINE app would show in a notification.
  return textBubble(`（このメッセージ形式「${str(message?.type) || '不明'}」はシミュレーターでは表示できません）${message?.altText ? `\n${str(message.altText)}` : ''}`, 'unsupported');
}

const RENDERERS = {
  text: (m) => textBubble(str(m.text)),
  textV2: (m) => textBubble(substitute(str(m.text), m.substitution ?? {})),
  sticker: (m) =>
    h('div', { className: 'sticker', role: 'img', 'aria-label': 'スタンプ' }, h('span', { className: 'sticker-face', 'aria-hidden': 'true' }, '☺'), h('span', { className: 'sticker-caption' }, `スタンプ ${str(m.packageId)}/${str(m.stickerId)}`)),
  image: (m) => media(m.previewImageUrl || m.originalContentUrl, m.originalContentUrl, 'ボットから届いた画像'),
  video: (m) => media(m.previewImageUrl, m.originalContentUrl, '動画（プレビュー）', '動画を開く'),
  audio: (m) => linkCard('音声メッセージ', m.originalContentUrl, '音声を開く'),
  location: (m) =>
    linkCard(
      `📍 ${str(m.title)}\n${str(m.address)}`,
      `https://www.google.com/maps?q=${Number(m.latitude)},${Number(m.longitude)}`,
      '地図を開く',
    ),
  imagemap: (m, run) =>
    h(
      'div',
      { className: 'card' },
      media(safeHttpUrl(m.baseUrl) ? `${m.baseUrl}/1040` : null, null, str(m.altText) || 'イメージマップ'),
      h('div', { className: 'card-actions' }, (Array.isArray(m.actions) ? m.actions : []).map((a) => imagemapAction(a, run))),
    ),
  template: (m, run) => renderTemplate(m.template, run),
  flex: (m, run) => renderFlexContainer(m.contents, run),
};

function textBubble(text, extra = '') {
  return h('p', { className: `text ${extra}`.trim() }, text);
}

function substitute(text, substitution) {
  return text.replace(/\{\{|\}\}|\{([A-Za-z0-9_]+)\}/g, (match, key) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const sub = substitution[key];
    if (sub?.type === 'mention') return sub.mentionee?.type === 'all' ? '@All' : '@メンション';
    if (sub?.type === 'emoji') return '😊';
    return match;
  });
}

function media(previewUrl, openUrl, alt, openLabel) {
  const src = safeHttpUrl(previewUrl);
  const href = safeHttpUrl(openUrl);
  const img = src ? h('img', { src, alt, className: 'media', loading: 'lazy' }) : h('span', { className: 'media-missing' }, alt);
  if (!href) return h('div', { className: 'media-wrap' }, img);
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer', className: 'media-wrap', title: openLabel ?? '元の画像を開く' }, img);
}

function linkCard(text, url, label) {
  const href = safeLinkUrl(url);
  return h('div', { className: 'card' }, h('p', { className: 'card-text' }, text), href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', className: 'card-link' }, label) : null);
}

function imagemapAction(action, run) {
  // Imagemap actions carry linkUri instead of uri and no label.
  const normalized = action?.type === 'uri' ? { type: 'uri', uri: action.linkUri, label: action.label } : action;
  const label = str(action?.label) || (action?.type === 'message' ? str(action.text) : action?.type === 'uri' ? 'リンクを開く' : actionLabel(action));
  return actionButton(normalized, run, 'card-action', label);
}
