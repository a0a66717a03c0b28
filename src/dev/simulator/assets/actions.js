import { h, safeLinkUrl, str } from './dom.js';

const FALLBACK_LABELS = {
  message: 'メッセージを送る',
  postback: '選択する',
  uri: 'リンクを開く',
  datetimepicker: '日時を選ぶ',
  camera: 'カメラ',
  cameraRoll: 'カメラロール',
  location: '位置情報',
  clipboard: 'コピー',
  richmenuswitch: 'メニュー切り替え',
};

export function actionLabel(action) {
  return str(action?.label) || (action?.type === 'message' && str(action.text)) || FALLBACK_LABELS[action?.type] || '操作';
}

/**
 * What a tap on an action does, as in the LINE app.
 * handlers: { sendText(text), sendPostback({data, displayText, params}), openPicker(action), fillInput(text), notify(text) }
 */
export function createActionRunner(handlers) {
  return function run(action) {
    if (!action || typeof action !== 'object') return;
    switch (action.type) {
      case 'message':
        if (str(action.text)) handlers.sendText(action.text);
        return;
      case 'postback': {
        if (action.inputOption === 'openKeyboard' && str(action.fillInText)) handlers.fillInput(action.fillInText);
        // `text` is the deprecated predecessor of displayText.
        const displayText = str(action.displayText) || str(action.text) || undefined;
        handlers.sendPostback({ data: str(action.data), displayText });
        return;
      }
      case 'uri': {
        const href = safeLinkUrl(action.uri) ?? safeLinkUrl(action.altUri?.desktop);
        if (!href) handlers.notify('このリンクはシミュレーターでは開けません。');
        else window.open(href, '_blank', 'noopener,noreferrer');
        return;
      }
      case 'datetimepicker':
        handlers.openPicker(action);
        return;
      case 'clipboard':
        navigator.clipboard?.writeText(str(action.clipboardText)).then(
          () => handlers.notify('クリップボードにコピーしました。'),
          () => handlers.notify('コピーできませんでした。'),
        );
        return;
      default:
        handlers.notify('この操作はシミュレーターでは使えません。');
    }
  };
}

export function actionButton(action, run, className, label = actionLabel(action)) {
  return h('button', { type: 'button', className, dataset: { actionType: str(action?.type) }, onclick: () => run(action) }, label);
}

/** For Flex boxes, images and texts with an `action`: tappable, and reachable by keyboard. */
export function makeTappable(el, action, run) {
  if (!action || typeof action !== 'object') return el;
  el.classList.add('tappable');
  el.tabIndex = 0;
  el.setAttribute('role', 'button');
  el.setAttribute('aria-label', str(action.label) || el.textContent || actionLabel(action));
  el.addEventListener('click', (event) => {
    if (event.target.closest('button') || event.target.closest('.tappable') !== el) return;
    run(action);
  });
  el.addEventListener('keydown', (event) => {
    if (event.target !== el || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    run(action);
  });
  return el;
}
