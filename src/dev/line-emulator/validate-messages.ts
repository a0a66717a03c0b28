import { validateAction } from './validate-actions';
import {
  checkActionUri,
  checkHttpsUrl,
  checkNumber,
  checkObject,
  checkObjectArray,
  checkString,
  isObject,
  Issues,
  join,
  type Json,
} from './validate-common';
import { validateFlexMessage } from './validate-flex';
import { validateTemplateMessage } from './validate-template';

// Limits follow https://developers.line.biz/en/reference/messaging-api/#message-objects and the OpenAPI schemas.
export const MAX_MESSAGES = 5;
const TEXT_MAX = 5000;
const QUICK_REPLY_MAX_ITEMS = 13;

type MessageValidator = (issues: Issues, message: Json, path: string) => void;

const VALIDATORS: Record<string, MessageValidator> = {
  text: validateText,
  textV2: validateTextV2,
  sticker: validateSticker,
  image: (issues, m, path) => {
    checkHttpsUrl(issues, m, 'originalContentUrl', path, true);
    checkHttpsUrl(issues, m, 'previewImageUrl', path, true);
  },
  video: (issues, m, path) => {
    checkHttpsUrl(issues, m, 'originalContentUrl', path, true);
    checkHttpsUrl(issues, m, 'previewImageUrl', path, true);
    checkString(issues, m, 'trackingId', path, { max: 100 });
  },
  audio: (issues, m, path) => {
    checkHttpsUrl(issues, m, 'originalContentUrl', path, true);
    checkNumber(issues, m, 'duration', path, { required: true, integer: true, min: 1 });
  },
  location: (issues, m, path) => {
    checkString(issues, m, 'title', path, { required: true, max: 100 });
    checkString(issues, m, 'address', path, { required: true, max: 100 });
    checkNumber(issues, m, 'latitude', path, { required: true, min: -90, max: 90 });
    checkNumber(issues, m, 'longitude', path, { required: true, min: -180, max: 180 });
  },
  imagemap: validateImagemap,
  template: validateTemplateMessage,
  flex: validateFlexMessage,
  coupon: (issues, m, path) => {
    checkString(issues, m, 'couponId', path, { required: true });
  },
};

/** Validates the `messages` array of a send request; returns LINE-style error details. */
export function validateMessages(value: unknown, path = 'messages', issues = new Issues()): Issues {
  if (!Array.isArray(value)) {
    issues.add(path, value === undefined ? 'must be specified' : 'must be an array');
    return issues;
  }
  if (value.length < 1 || value.length > MAX_MESSAGES) {
    issues.add(path, `Size must be between 1 and ${MAX_MESSAGES}`);
    return issues;
  }
  value.forEach((message, i) => validateMessage(issues, message, `${path}[${i}]`));
  return issues;
}

function validateMessage(issues: Issues, message: unknown, path: string): void {
  if (!isObject(message)) {
    issues.add(path, 'must be an object');
    return;
  }
  const validator = typeof message.type === 'string' ? VALIDATORS[message.type] : undefined;
  if (!validator) {
    issues.add(join(path, 'type'), message.type === undefined ? 'must be specified' : 'Invalid message type');
    return;
  }
  validator(issues, message, path);
  validateQuickReply(issues, message, path);
  validateSender(issues, message, path);
}

function validateText(issues: Issues, m: Json, path: string): void {
  checkString(issues, m, 'text', path, { required: true, max: TEXT_MAX });
  checkString(issues, m, 'quoteToken', path);
  checkObjectArray(issues, m, 'emojis', path, { max: 20 }, (emoji, ePath) => {
    checkNumber(issues, emoji, 'index', ePath, { required: true, integer: true, min: 0 });
    checkString(issues, emoji, 'productId', ePath, { required: true });
    checkString(issues, emoji, 'emojiId', ePath, { required: true });
  });
}

// textV2 placeholders: https://developers.line.biz/en/reference/messaging-api/#text-message-v2
const SUBSTITUTION_KEY = /^[a-zA-Z0-9_]{1,20}$/;

function validateTextV2(issues: Issues, m: Json, path: string): void {
  checkString(issues, m, 'text', path, { required: true, max: TEXT_MAX });
  checkString(issues, m, 'quoteToken', path);
  const substitution = checkObject(issues, m, 'substitution', path);
  if (!substitution) return;
  const sPath = join(path, 'substitution');
  const entries = Object.entries(substitution);
  if (entries.length > 100) issues.add(sPath, 'Size must be between 0 and 100');
  for (const [key, value] of entries) {
    const kPath = join(sPath, key);
    if (!SUBSTITUTION_KEY.test(key)) issues.add(kPath, 'invalid substitution key');
    if (!isObject(value)) {
      issues.add(kPath, 'must be an object');
    } else if (value.type === 'emoji') {
      checkString(issues, value, 'productId', kPath, { required: true });
      checkString(issues, value, 'emojiId', kPath, { required: true });
    } else if (value.type === 'mention') {
      const mentionee = checkObject(issues, value, 'mentionee', kPath, true);
      const mPath = join(kPath, 'mentionee');
      if (mentionee?.type === 'user') checkString(issues, mentionee, 'userId', mPath, { required: true });
      else if (mentionee && mentionee.type !== 'all') issues.add(join(mPath, 'type'), 'must be one of [user, all]');
    } else {
      issues.add(join(kPath, 'type'), 'must be one of [mention, emoji]');
    }
  }
}

function validateSticker(issues: Issues, m: Json, path: string): void {
  // Numbers are accepted too: LINE's JSON binding coerces them to the documented strings.
  for (const key of ['packageId', 'stickerId']) {
    const value = m[key];
    if (typeof value === 'number' && Number.isInteger(value)) continue;
    checkString(issues, m, key, path, { required: true });
  }
  checkString(issues, m, 'quoteToken', path);
}

function validateImagemap(issues: Issues, m: Json, path: string): void {
  checkHttpsUrl(issues, m, 'baseUrl', path, true);
  checkString(issues, m, 'altText', path, { required: true, max: 1500 });
  const baseSize = checkObject(issues, m, 'baseSize', path, true);
  if (baseSize) {
    checkNumber(issues, baseSize, 'width', join(path, 'baseSize'), { required: true, integer: true, min: 1 });
    checkNumber(issues, baseSize, 'height', join(path, 'baseSize'), { required: true, integer: true, min: 1 });
  }
  checkObjectArray(issues, m, 'actions', path, { required: true, max: 50 }, (action, aPath) => {
    const area = checkObject(issues, action, 'area', aPath, true);
    if (area) {
      for (const key of ['x', 'y', 'width', 'height']) {
        checkNumber(issues, area, key, join(aPath, 'area'), { required: true, integer: true, min: key === 'x' || key === 'y' ? 0 : 1 });
      }
    }
    if (action.type === 'uri') {
      checkActionUri(issues, action, 'linkUri', aPath, true);
    } else if (action.type === 'message') {
      checkString(issues, action, 'text', aPath, { required: true, max: 400 });
    } else if (action.type === 'clipboard') {
      checkString(issues, action, 'clipboardText', aPath, { required: true, max: 1000 });
    } else {
      issues.add(join(aPath, 'type'), 'must be one of [uri, message, clipboard]');
    }
  });
}

function validateQuickReply(issues: Issues, m: Json, path: string): void {
  const quickReply = checkObject(issues, m, 'quickReply', path);
  if (!quickReply) return;
  const qPath = join(path, 'quickReply');
  checkObjectArray(issues, quickReply, 'items', qPath, { required: true, min: 1, max: QUICK_REPLY_MAX_ITEMS }, (item, iPath) => {
    if (item.type !== 'action') issues.add(join(iPath, 'type'), 'must be action');
    checkHttpsUrl(issues, item, 'imageUrl', iPath, false, 2000);
    validateAction(issues, item.action, join(iPath, 'action'), 'quickReply');
  });
}

function validateSender(issues: Issues, m: Json, path: string): void {
  const sender = checkObject(issues, m, 'sender', path);
  if (!sender) return;
  checkString(issues, sender, 'name', join(path, 'sender'), { max: 20 });
  checkHttpsUrl(issues, sender, 'iconUrl', join(path, 'sender'), false, 2000);
}
