// The datetimepicker action: a native date/time input, as LINE shows its own picker.
const MODES = {
  date: { type: 'date', param: 'date', label: '日付を選んでください', pattern: /^\d{4}-\d{2}-\d{2}$/ },
  time: { type: 'time', param: 'time', label: '時刻を選んでください', pattern: /^\d{2}:\d{2}$/ },
  datetime: { type: 'datetime-local', param: 'datetime', label: '日時を選んでください', pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/ },
};

export function createPicker({ form, labelEl, input, cancelButton, onPick, onClose }) {
  let current = null;

  function close() {
    current = null;
    form.hidden = true;
    onClose?.();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!current || !input.value) return;
    const { action, mode } = current;
    const value = input.value.slice(0, mode.type === 'time' ? 5 : mode.type === 'date' ? 10 : 16);
    close();
    onPick(action, { [mode.param]: value });
  });
  cancelButton.addEventListener('click', close);
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });

  return {
    open(action) {
      const mode = MODES[action.mode] ?? MODES.datetime;
      current = { action, mode };
      input.type = mode.type;
      for (const key of ['min', 'max']) input[key] = normalize(action[key], mode);
      input.value = normalize(action.initial, mode);
      labelEl.textContent = typeof action.label === 'string' && action.label ? `${action.label}：${mode.label}` : mode.label;
      form.hidden = false;
      input.focus();
    },
    close,
  };
}

// LINE accepts "2017-06-18t06:15" too; inputs only take an upper-case T.
function normalize(value, mode) {
  if (typeof value !== 'string') return '';
  const v = value.replace('t', 'T');
  return mode.pattern.test(v) ? v : '';
}
