import { actionButton, makeTappable } from './actions.js';
import { h, safeHttpUrl, str } from './dom.js';

// Approximate pixel scales of LINE's Flex keywords; close enough to judge a layout by eye.
const SPACING = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
const TEXT_SIZE = { xxs: 11, xs: 12, sm: 13, md: 15, lg: 17, xl: 19, xxl: 22, '3xl': 26, '4xl': 32, '5xl': 40 };
const IMAGE_SIZE = { xxs: 40, xs: 60, sm: 80, md: 100, lg: 120, xl: 140, xxl: 160, '3xl': 180, '4xl': 200, '5xl': 240 };
const BUBBLE_WIDTH = { nano: 120, micro: 160, deca: 220, hecto: 241, kilo: 260, mega: 300, giga: 500 };
const LENGTH = /^\d+(\.\d+)?(px|%)$/;

const px = (n) => `${n}px`;
const spacing = (v) => (v in SPACING ? px(SPACING[v]) : LENGTH.test(str(v)) ? v : undefined);
const fontSize = (v) => (v in TEXT_SIZE ? px(TEXT_SIZE[v]) : LENGTH.test(str(v)) ? v : undefined);

export function renderFlexContainer(container, run) {
  if (container?.type === 'carousel') {
    const bubbles = Array.isArray(container.contents) ? container.contents : [];
    return h('div', { className: 'flex-carousel' }, bubbles.map((b) => renderBubble(b, run)));
  }
  if (container?.type === 'bubble') return renderBubble(container, run);
  return null;
}

function renderBubble(bubble, run) {
  if (bubble?.type !== 'bubble') return null;
  const styles = bubble.styles ?? {};
  const el = h('div', { className: 'flex-bubble', style: { maxWidth: px(BUBBLE_WIDTH[bubble.size] ?? BUBBLE_WIDTH.mega) } });
  if (bubble.direction === 'rtl') el.dir = 'rtl';
  for (const part of ['header', 'hero', 'body', 'footer']) {
    const node = bubble[part];
    if (!node) continue;
    const block = h('div', { className: `flex-${part}` }, renderComponent(node, run, 'vertical'));
    const style = styles[part] ?? {};
    if (style.backgroundColor) block.style.backgroundColor = str(style.backgroundColor);
    if (style.separator) {
      block.classList.add('flex-separated');
      if (style.separatorColor) block.style.borderTopColor = str(style.separatorColor);
    }
    el.append(block);
  }
  return makeTappable(el, bubble.action, run);
}

/** One Flex component; unknown ones render as nothing so a new LINE feature never breaks the page. */
export function renderComponent(node, run, parentLayout) {
  const render = RENDERERS[node?.type];
  if (!render) return null;
  const el = render(node, run, parentLayout);
  if (!el) return null;
  applyFlex(el, node, parentLayout);
  const margin = spacing(node.margin);
  if (margin) el.style[parentLayout === 'vertical' ? 'marginTop' : 'marginInlineStart'] = margin;
  if (node.position === 'absolute') el.classList.add('flex-absolute');
  for (const side of ['Top', 'Bottom', 'Start', 'End']) {
    const value = spacing(node[`offset${side}`]);
    if (value && node.position === 'absolute') el.style[side === 'Start' ? 'insetInlineStart' : side === 'End' ? 'insetInlineEnd' : side.toLowerCase()] = value;
  }
  return el;
}

function applyFlex(el, node, parentLayout) {
  const grow = typeof node.flex === 'number' ? node.flex : parentLayout === 'vertical' ? 0 : 1;
  el.style.flex = grow > 0 ? `${grow} 1 0%` : '0 0 auto';
}

const RENDERERS = {
  box(node, run) {
    const layout = ['horizontal', 'baseline'].includes(node.layout) ? node.layout : 'vertical';
    const el = h('div', { className: `flex-box flex-${layout}` });
    const gap = spacing(node.spacing);
    if (gap) el.style.gap = gap;
    for (const [prop, css] of [['paddingAll', 'padding'], ['paddingTop', 'paddingTop'], ['paddingBottom', 'paddingBottom'], ['paddingStart', 'paddingInlineStart'], ['paddingEnd', 'paddingInlineEnd']]) {
      const value = spacing(node[prop]);
      if (value) el.style[css] = value;
    }
    if (node.backgroundColor) el.style.backgroundColor = str(node.backgroundColor);
    if (node.background?.type === 'linearGradient') el.style.backgroundColor = str(node.background.startColor);
    if (node.borderColor) el.style.borderColor = str(node.borderColor);
    if (node.borderWidth) el.style.borderWidth = node.borderWidth === 'none' ? '0' : spacing(node.borderWidth) ?? '1px';
    if (node.borderColor || node.borderWidth) el.style.borderStyle = 'solid';
    if (node.cornerRadius) el.style.borderRadius = spacing(node.cornerRadius) ?? '';
    for (const prop of ['width', 'maxWidth', 'height', 'maxHeight']) if (LENGTH.test(str(node[prop]))) el.style[prop] = node[prop];
    if (node.justifyContent) el.style.justifyContent = str(node.justifyContent);
    if (node.alignItems) el.style.alignItems = str(node.alignItems);
    const contents = Array.isArray(node.contents) ? node.contents : [];
    for (const child of contents) {
      const childEl = renderComponent(child, run, layout);
      if (childEl) el.append(childEl);
    }
    return makeTappable(el, node.action, run);
  },

  text(node, run) {
    const spans = Array.isArray(node.contents) ? node.contents.filter((s) => s?.type === 'span') : [];
    const el = h('p', { className: 'flex-text' }, spans.length ? spans.map(renderSpan) : str(node.text));
    styleText(el, node);
    if (node.wrap !== true) el.classList.add('flex-nowrap');
    if (node.align) el.style.textAlign = { start: 'start', end: 'end', center: 'center' }[node.align] ?? '';
    if (typeof node.maxLines === 'number' && node.maxLines > 0) {
      el.classList.add('flex-clamp');
      el.style.webkitLineClamp = String(node.maxLines);
    }
    if (LENGTH.test(str(node.lineSpacing))) el.style.lineHeight = `calc(1.4em + ${node.lineSpacing})`;
    return makeTappable(el, node.action, run);
  },

  button(node, run) {
    const style = ['primary', 'secondary'].includes(node.style) ? node.style : 'link';
    const el = actionButton(node.action, run, `flex-button flex-button-${style}${node.height === 'sm' ? ' flex-button-sm' : ''}`);
    if (node.color) el.style[style === 'link' ? 'color' : 'backgroundColor'] = str(node.color);
    return el;
  },

  image(node, run) {
    const src = safeHttpUrl(node.url);
    const el = h('div', { className: 'flex-image' });
    const size = node.size === 'full' ? '100%' : IMAGE_SIZE[node.size ?? 'md'] ? px(IMAGE_SIZE[node.size ?? 'md']) : LENGTH.test(str(node.size)) ? node.size : px(IMAGE_SIZE.md);
    el.style.width = size;
    el.style.maxWidth = '100%';
    const ratio = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(str(node.aspectRatio));
    if (ratio) el.style.aspectRatio = `${ratio[1]} / ${ratio[2]}`;
    if (node.backgroundColor) el.style.backgroundColor = str(node.backgroundColor);
    if (node.align === 'start') el.style.marginInlineEnd = 'auto';
    else if (node.align === 'end') el.style.marginInlineStart = 'auto';
    else el.style.marginInline = 'auto';
    if (src) {
      el.append(h('img', { src, alt: '', loading: 'lazy', style: { objectFit: node.aspectMode === 'cover' ? 'cover' : 'contain' } }));
    } else {
      el.append(h('span', { className: 'media-missing' }, '画像'));
    }
    return makeTappable(el, node.action, run);
  },

  icon(node) {
    const src = safeHttpUrl(node.url);
    const size = fontSize(node.size ?? 'md') ?? px(TEXT_SIZE.md);
    if (!src) return h('span', { className: 'flex-icon', style: { width: size, height: size } });
    return h('img', { className: 'flex-icon', src, alt: '', style: { width: size, height: size } });
  },

  span: renderSpan,

  separator(node) {
    const el = h('hr', { className: 'flex-separator' });
    if (node.color) el.style.borderColor = str(node.color);
    return el;
  },

  spacer(node) {
    return h('div', { className: 'flex-spacer', style: { flexBasis: px(SPACING[node.size] ?? SPACING.md) } });
  },

  filler() {
    return h('div', { className: 'flex-filler' });
  },

  video(node, run) {
    return node.altContent ? renderComponent(node.altContent, run, 'vertical') : h('div', { className: 'media-missing' }, '動画');
  },
};

function renderSpan(node) {
  const el = h('span', { className: 'flex-span' }, str(node.text));
  styleText(el, node);
  return el;
}

function styleText(el, node) {
  const size = fontSize(node.size);
  if (size) el.style.fontSize = size;
  if (node.weight === 'bold') el.style.fontWeight = '700';
  if (node.color) el.style.color = str(node.color);
  if (node.style === 'italic') el.style.fontStyle = 'italic';
  if (node.decoration === 'underline' || node.decoration === 'line-through') el.style.textDecoration = node.decoration;
}
