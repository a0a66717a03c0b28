import { actionButton, makeTappable } from './actions.js';
import { h, safeHttpUrl, str } from './dom.js';

/** Template messages: buttons, confirm, carousel and image_carousel. */
export function renderTemplate(template, run) {
  switch (template?.type) {
    case 'buttons':
      return h('div', { className: 'card' }, column(template, template, run));
    case 'confirm':
      return h(
        'div',
        { className: 'card' },
        h('p', { className: 'card-text' }, str(template.text)),
        h('div', { className: 'card-actions card-actions-row' }, list(template.actions).map((a) => actionButton(a, run, 'card-action'))),
      );
    case 'carousel':
      return h('div', { className: 'card-carousel' }, list(template.columns).map((c) => h('div', { className: 'card' }, column(c, template, run))));
    case 'image_carousel':
      return h(
        'div',
        { className: 'card-carousel' },
        list(template.columns).map((c) => {
          const src = safeHttpUrl(c.imageUrl);
          return h('div', { className: 'card card-image-only' }, src ? h('img', { src, alt: '', className: 'card-image' }) : null, c.action ? actionButton(c.action, run, 'card-action') : null);
        }),
      );
    default:
      return null;
  }
}

function column(col, template, run) {
  const src = safeHttpUrl(col.thumbnailImageUrl);
  const image = src
    ? h('img', {
        src,
        alt: '',
        className: 'card-image',
        style: {
          aspectRatio: template.imageAspectRatio === 'square' ? '1 / 1' : '1.51 / 1',
          objectFit: template.imageSize === 'contain' ? 'contain' : 'cover',
          backgroundColor: str(col.imageBackgroundColor) || '#ffffff',
        },
      })
    : null;
  const body = h(
    'div',
    { className: 'card-body' },
    col.title ? h('p', { className: 'card-title' }, str(col.title)) : null,
    h('p', { className: 'card-text' }, str(col.text)),
  );
  if (col.defaultAction) makeTappable(body, col.defaultAction, run);
  return [image, body, h('div', { className: 'card-actions' }, list(col.actions).map((a) => actionButton(a, run, 'card-action')))];
}

const list = (v) => (Array.isArray(v) ? v : []);
