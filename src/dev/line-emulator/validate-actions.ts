import {
  checkActionUri,
  checkEnum,
  checkObject,
  checkString,
  isObject,
  type Issues,
  join,
  type Json,
} from './validate-common';

/** Where an action appears; LINE's label rules and allowed action types depend on it. */
export type ActionContext =
  | 'quickReply'
  | 'template'
  | 'imageCarousel'
  | 'defaultAction'
  | 'flexButton'
  | 'flex'
  | 'richMenu';

interface LabelRule {
  required: boolean;
  max?: number;
}

// Label limits from the action-object reference (https://developers.line.biz/en/reference/messaging-api/#action-objects):
// required and ≤20 for templates and quick reply, ≤12 in image carousels, required for flex buttons (≤40).
const LABEL_RULES: Record<ActionContext, LabelRule> = {
  quickReply: { required: true, max: 20 },
  template: { required: true, max: 20 },
  imageCarousel: { required: false, max: 12 },
  defaultAction: { required: false, max: 20 },
  flexButton: { required: true, max: 40 },
  flex: { required: false, max: 40 },
  richMenu: { required: false, max: 20 },
};

const QUICK_REPLY_ONLY = new Set(['camera', 'cameraRoll', 'location']);
const ACTION_TYPES = [
  'postback',
  'message',
  'uri',
  'datetimepicker',
  'camera',
  'cameraRoll',
  'location',
  'clipboard',
  'richmenuswitch',
] as const;

export function validateAction(issues: Issues, value: unknown, path: string, context: ActionContext): void {
  if (!isObject(value)) {
    issues.add(path, value === undefined || value === null ? 'must be specified' : 'must be an object');
    return;
  }
  const type = checkEnum(issues, value, 'type', path, ACTION_TYPES, true);
  const rule = LABEL_RULES[context];
  checkString(issues, value, 'label', path, { required: rule.required, max: rule.max });
  if (!type) return;
  if (QUICK_REPLY_ONLY.has(type) && context !== 'quickReply') {
    issues.add(join(path, 'type'), `${type} action can only be used in quick reply`);
    return;
  }
  if (type === 'richmenuswitch' && context !== 'richMenu') {
    issues.add(join(path, 'type'), 'richmenuswitch action can only be used in rich menus');
    return;
  }
  switch (type) {
    case 'postback':
      validatePostback(issues, value, path);
      break;
    case 'message':
      checkString(issues, value, 'text', path, { required: true, max: 300 });
      break;
    case 'uri':
      checkActionUri(issues, value, 'uri', path, true);
      validateAltUri(issues, value, path);
      break;
    case 'datetimepicker':
      validateDatetimePicker(issues, value, path);
      break;
    case 'clipboard':
      checkString(issues, value, 'clipboardText', path, { required: true, max: 1000 });
      break;
    case 'richmenuswitch':
      checkString(issues, value, 'richMenuAliasId', path, { required: true, max: 32 });
      checkString(issues, value, 'data', path, { required: true, max: 300 });
      break;
    default:
      break;
  }
}

function validatePostback(issues: Issues, action: Json, path: string): void {
  checkString(issues, action, 'data', path, { required: true, max: 300 });
  const displayText = checkString(issues, action, 'displayText', path, { max: 300 });
  const text = checkString(issues, action, 'text', path, { max: 300 });
  if (displayText !== undefined && text !== undefined) {
    issues.add(join(path, 'text'), 'displayText and text cannot both be specified');
  }
  checkEnum(issues, action, 'inputOption', path, ['closeRichMenu', 'openRichMenu', 'openKeyboard', 'openVoice']);
  checkString(issues, action, 'fillInText', path, { max: 300 });
}

function validateAltUri(issues: Issues, action: Json, path: string): void {
  const altUri = checkObject(issues, action, 'altUri', path);
  if (altUri) checkActionUri(issues, altUri, 'desktop', join(path, 'altUri'), true);
}

type PickerMode = 'date' | 'time' | 'datetime';

// Formats and ranges from the datetime picker reference: date 1900-01-01..2100-12-31, time 00:00..23:59.
function isValidDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function isValidTime(value: string): boolean {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  return !!m && Number(m[1]) <= 23 && Number(m[2]) <= 59;
}

function normalizePickerValue(mode: PickerMode, value: string): string | null {
  if (mode === 'date') return isValidDate(value) ? value : null;
  if (mode === 'time') return isValidTime(value) ? value : null;
  const m = /^(.{10})[Tt](.{5})$/.exec(value);
  if (!m || !isValidDate(m[1] as string) || !isValidTime(m[2] as string)) return null;
  return `${m[1]}T${m[2]}`;
}

function validateDatetimePicker(issues: Issues, action: Json, path: string): void {
  checkString(issues, action, 'data', path, { required: true, max: 300 });
  const mode = checkEnum(issues, action, 'mode', path, ['date', 'time', 'datetime'] as const, true);
  if (!mode) return;
  const values: Partial<Record<'initial' | 'max' | 'min', string>> = {};
  for (const key of ['initial', 'max', 'min'] as const) {
    const raw = checkString(issues, action, key, path);
    if (raw === undefined) continue;
    const normalized = normalizePickerValue(mode, raw);
    if (normalized === null) issues.add(join(path, key), `invalid ${mode} format`);
    else values[key] = normalized;
  }
  // Same-format ISO strings compare correctly as strings.
  if (values.min !== undefined && values.max !== undefined && values.min >= values.max) {
    issues.add(join(path, 'max'), 'max must be greater than min');
  }
  if (values.initial !== undefined) {
    if ((values.min !== undefined && values.initial < values.min) || (values.max !== undefined && values.initial > values.max)) {
      issues.add(join(path, 'initial'), 'initial must be between min and max');
    }
  }
}
