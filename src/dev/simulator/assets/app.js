import { createActionRunner } from './actions.js';
import { api } from './api.js';
import { createConversation, describeFailure } from './conversation.js';
import { createPicker } from './picker.js';
import { createResidentsPanel } from './residents.js';
import { createTimeline } from './timeline.js';

const $ = (id) => document.getElementById(id);
const els = {
  accountName: $('account-name'),
  currentResident: $('current-resident'),
  blockToggle: $('block-toggle'),
  timeline: $('timeline'),
  notice: $('notice'),
  quickReplies: $('quick-replies'),
  composer: $('composer'),
  input: $('message-input'),
  sendButton: $('send-button'),
  residentsPanel: $('residents-panel'),
};

let current = null;
let noticeTimer = null;

function notify(text, { sticky = false } = {}) {
  clearTimeout(noticeTimer);
  els.notice.textContent = text;
  els.notice.hidden = !text;
  if (text && !sticky) noticeTimer = setTimeout(() => notify(''), 4000);
}

const run = createActionRunner({
  sendText: (text) => {
    if (canSend()) conversation.sendText(text);
  },
  sendPostback: (postback) => {
    if (canSend()) conversation.sendPostback(postback);
  },
  openPicker: (action) => {
    if (canSend()) picker.open(action);
  },
  fillInput: (text) => {
    els.input.value = text;
    els.input.focus();
  },
  notify,
});

const timeline = createTimeline({
  listEl: els.timeline,
  quickEl: els.quickReplies,
  accountName: els.accountName.textContent ?? '',
  run,
});
const conversation = createConversation({ timeline, notify });
const picker = createPicker({
  form: $('picker'),
  labelEl: $('picker-label'),
  input: $('picker-input'),
  cancelButton: $('picker-cancel'),
  onPick: (action, params) => conversation.sendPostback({ data: String(action.data ?? ''), params }),
});
const residents = createResidentsPanel({
  listEl: $('resident-list'),
  form: $('new-resident'),
  nameInput: $('new-resident-name'),
  onSelect: (r) => select(r),
  onCreated: async (r, result) => {
    await select(r);
    conversation.report(result);
  },
  onError: notify,
});

function canSend() {
  if (!current) notify('先に住民を選んでください。');
  else if (!current.following) notify('ブロック中は送信できません。ブロックを解除してください。');
  return Boolean(current?.following);
}

async function select(resident) {
  current = { ...resident };
  residents.select(resident.userId);
  picker.close();
  els.currentResident.textContent = `${resident.displayName} さんとして会話中`;
  updateBlockState();
  if (window.matchMedia('(max-width: 720px)').matches) els.residentsPanel.open = false;
  try {
    await conversation.open(resident);
  } catch (err) {
    notify(err.message || 'トークを読み込めませんでした。', { sticky: true });
  }
  els.input.focus();
}

function updateBlockState() {
  const following = Boolean(current?.following);
  els.blockToggle.hidden = !current;
  els.blockToggle.textContent = following ? 'ブロックする' : 'ブロックを解除';
  els.blockToggle.setAttribute('aria-pressed', String(!following));
  els.input.disabled = !following;
  els.sendButton.disabled = !following;
  els.input.placeholder = !current ? '住民を選んでください' : following ? 'メッセージを入力' : 'ブロック中は送信できません';
  els.quickReplies.classList.toggle('disabled', !following);
}

els.blockToggle.addEventListener('click', async () => {
  if (!current) return;
  const { userId } = current;
  const nextFollowing = !current.following;
  els.blockToggle.disabled = true;
  try {
    const result = nextFollowing ? await api.unblock(userId) : await api.block(userId);
    if (current?.userId !== userId) return;
    current.following = nextFollowing;
    residents.setFollowing(userId, nextFollowing);
    updateBlockState();
    notify(nextFollowing ? 'ブロックを解除しました（友だち追加のイベントを送りました）。' : 'ブロックしました（ブロックのイベントを送りました）。');
    if (!result.ok) timeline.addError(describeFailure(result));
  } catch (err) {
    notify(err.message || '操作できませんでした。');
  } finally {
    els.blockToggle.disabled = false;
  }
});

function sendFromComposer() {
  const text = els.input.value;
  if (!text.trim() || !canSend()) return;
  els.input.value = '';
  autosize();
  conversation.sendText(text);
}

els.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  sendFromComposer();
});

els.input.addEventListener('keydown', (event) => {
  // Enter while converting kana to kanji confirms the conversion; it must not send.
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
  event.preventDefault();
  sendFromComposer();
});

function autosize() {
  els.input.style.height = 'auto';
  els.input.style.height = `${Math.min(els.input.scrollHeight, 120)}px`;
}
els.input.addEventListener('input', autosize);

residents.refresh().then(
  (list) => {
    updateBlockState();
    if (list.length > 0) select(list[list.length - 1]);
  },
  (err) => notify(err.message || '住民の一覧を読み込めませんでした。', { sticky: true }),
);
