import { actionButton } from './actions.js';
import { clear, h, str } from './dom.js';
import { renderMessage } from './messages.js';
import { tokyoClock, tokyoDay, tokyoDayKey } from './time.js';

const RICH_TYPES = new Set(['flex', 'template', 'imagemap', 'image', 'video', 'sticker']);

/** The chat log: bubbles in order, a date line when the Tokyo date changes, and quick replies. */
export function createTimeline({ listEl, quickEl, accountName, run }) {
  let lastDay = null;
  let lastKind = null;
  let lastSender = null;

  function stamp(at) {
    const day = tokyoDayKey(at);
    if (day !== lastDay) {
      lastDay = day;
      listEl.append(h('div', { className: 'day' }, h('span', {}, tokyoDay(at))));
    }
    return h('time', { className: 'stamp', dateTime: new Date(at).toISOString() }, tokyoClock(at));
  }

  // Stay pinned to the newest message while the reader is at the bottom, also when quick
  // replies, notices or the picker take space from the log; leave them alone if they scrolled up.
  // Scroll events arrive after layout changes, so "far from the bottom" alone is not a sign the
  // reader scrolled: only moving above where we last put them is.
  let pinned = true;
  let autoTop = 0;
  const toBottom = () => {
    listEl.scrollTop = listEl.scrollHeight;
    autoTop = listEl.scrollTop;
  };
  listEl.addEventListener('scroll', () => {
    if (listEl.scrollHeight - listEl.scrollTop - listEl.clientHeight < 40) pinned = true;
    else if (listEl.scrollTop < autoTop - 4) pinned = false;
  });
  new ResizeObserver(() => {
    if (pinned) toBottom();
  }).observe(listEl);

  function push(row, kind) {
    for (const img of row.querySelectorAll('img')) img.addEventListener('load', () => pinned && toBottom(), { once: true });
    listEl.append(row);
    lastKind = kind;
    pinned = true;
    toBottom();
  }

  function setQuickReplies(items) {
    clear(quickEl);
    const actions = (Array.isArray(items) ? items : []).map((i) => i?.action).filter((a) => a && typeof a === 'object');
    quickEl.hidden = actions.length === 0;
    for (const action of actions) {
      quickEl.append(actionButton(action, run, 'chip'));
    }
  }

  return {
    reset() {
      clear(listEl);
      lastDay = null;
      lastKind = null;
      lastSender = null;
      setQuickReplies(null);
    },

    addBot(message, at) {
      const time = stamp(at);
      // A message's `sender` overrides the account's name, as in the LINE app.
      const name = str(message?.sender?.name) || accountName;
      const first = lastKind !== 'bot' || name !== lastSender;
      lastSender = name;
      const rich = RICH_TYPES.has(message?.type);
      const bubble = h('div', { className: `bubble bot${rich ? ' rich' : ''}`, dataset: { type: str(message?.type) } }, renderMessage(message, run));
      const row = h(
        'div',
        { className: `row bot${first ? ' first' : ''}` },
        h('div', { className: 'avatar', 'aria-hidden': 'true' }, first ? [...name][0] ?? '' : ''),
        h('div', { className: 'stack' }, first ? h('p', { className: 'sender' }, name) : null, h('div', { className: 'line' }, bubble, time)),
      );
      push(row, 'bot');
      // Quick replies belong to the newest message only; any later message takes them away.
      setQuickReplies(message?.quickReply?.items);
    },

    addResident(text, at) {
      const time = stamp(at);
      push(h('div', { className: 'row resident' }, h('div', { className: 'line' }, time, h('div', { className: 'bubble resident' }, h('p', { className: 'text' }, text)))), 'resident');
      setQuickReplies(null);
    },

    /** A tap on a quick reply uses it up, even when nothing shows in the chat (a date picked). */
    dismissQuickReplies() {
      setQuickReplies(null);
    },

    addError(text) {
      push(h('div', { className: 'row system error', role: 'alert' }, h('p', {}, text)), 'system');
    },
  };
}
