// DOM building without innerHTML: every bot or resident string becomes a text node.

/**
 * h('div', { className: 'x', onclick }, 'text', child) → element.
 * Props are assigned as DOM properties (never parsed as HTML); `dataset` and `style` take objects.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style') Object.assign(el.style, value);
    else if (key.startsWith('aria-') || key === 'role') el.setAttribute(key, String(value));
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el[key] = value;
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  el.replaceChildren();
}

/** Only web links may load images or open tabs; javascript:, data: and the like are refused. */
export function safeHttpUrl(value) {
  return parseUrl(value, ['http:', 'https:']);
}

export function safeLinkUrl(value) {
  return parseUrl(value, ['http:', 'https:', 'tel:', 'mailto:']);
}

function parseUrl(value, protocols) {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

export function str(value) {
  return typeof value === 'string' ? value : '';
}
