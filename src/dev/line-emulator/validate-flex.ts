import { validateAction } from './validate-actions';
import {
  checkArray,
  checkEnum,
  checkHttpsUrl,
  checkObject,
  checkString,
  isObject,
  type Issues,
  join,
  type Json,
} from './validate-common';

/*
 * Size caps: the OpenAPI file does not state them; LINE's Flex Message reference does
 * (https://developers.line.biz/en/reference/messaging-api/#bubble: "The maximum size of JSON data
 * that defines a bubble is 30 KB"; #f-carousel: at most 12 bubbles and "50 KB" for a carousel).
 * KB is taken as 1024 bytes of UTF-8 JSON, the lenient reading.
 */
const BUBBLE_MAX_BYTES = 30 * 1024;
const CAROUSEL_MAX_BYTES = 50 * 1024;
const CAROUSEL_MAX_BUBBLES = 12;

const COMPONENT_TYPES = ['box', 'button', 'image', 'video', 'icon', 'text', 'separator', 'filler', 'spacer'] as const;
const MAX_DEPTH = 32;

export function validateFlexMessage(issues: Issues, message: Json, path: string): void {
  checkString(issues, message, 'altText', path, { required: true, max: 400 });
  const contents = checkObject(issues, message, 'contents', path, true);
  if (!contents) return;
  const cPath = join(path, 'contents');
  const type = checkEnum(issues, contents, 'type', cPath, ['bubble', 'carousel'] as const, true);
  if (type === 'bubble') {
    validateBubble(issues, contents, cPath);
    checkSize(issues, contents, cPath, BUBBLE_MAX_BYTES);
  } else if (type === 'carousel') {
    const bubbles = checkArray(issues, contents, 'contents', cPath, { required: true, min: 1, max: CAROUSEL_MAX_BUBBLES });
    bubbles?.forEach((bubble, i) => {
      const bPath = `${join(cPath, 'contents')}[${i}]`;
      if (!isObject(bubble) || bubble.type !== 'bubble') issues.add(join(bPath, 'type'), 'must be bubble');
      else validateBubble(issues, bubble, bPath);
    });
    checkSize(issues, contents, cPath, CAROUSEL_MAX_BYTES);
  }
}

function checkSize(issues: Issues, contents: Json, path: string, maxBytes: number): void {
  const bytes = Buffer.byteLength(JSON.stringify(contents), 'utf8');
  if (bytes > maxBytes) issues.add(path, `JSON size must be at most ${maxBytes / 1024} KB (was ${bytes} bytes)`);
}

function validateBubble(issues: Issues, bubble: Json, path: string): void {
  checkEnum(issues, bubble, 'size', path, ['nano', 'micro', 'deca', 'hecto', 'kilo', 'mega', 'giga']);
  checkEnum(issues, bubble, 'direction', path, ['ltr', 'rtl']);
  checkObject(issues, bubble, 'styles', path);
  for (const block of ['header', 'body', 'footer'] as const) {
    const box = checkObject(issues, bubble, block, path);
    if (!box) continue;
    if (box.type !== 'box') issues.add(join(join(path, block), 'type'), 'must be box');
    else validateComponent(issues, box, join(path, block), 0);
  }
  const hero = checkObject(issues, bubble, 'hero', path);
  if (hero) {
    if (!['box', 'image', 'video'].includes(hero.type as string)) issues.add(join(join(path, 'hero'), 'type'), 'must be box, image or video');
    else validateComponent(issues, hero, join(path, 'hero'), 0);
  }
  if (bubble.action !== undefined) validateAction(issues, bubble.action, join(path, 'action'), 'flex');
}

function validateComponent(issues: Issues, component: unknown, path: string, depth: number): void {
  if (!isObject(component)) {
    issues.add(path, 'must be an object');
    return;
  }
  if (depth > MAX_DEPTH) {
    issues.add(path, 'nesting is too deep');
    return;
  }
  const type = checkEnum(issues, component, 'type', path, COMPONENT_TYPES, true);
  if (!type) return;
  if (type === 'button') validateAction(issues, component.action, join(path, 'action'), 'flexButton');
  else if (component.action !== undefined) validateAction(issues, component.action, join(path, 'action'), 'flex');
  switch (type) {
    case 'box': {
      checkEnum(issues, component, 'layout', path, ['horizontal', 'vertical', 'baseline'], true);
      const contents = checkArray(issues, component, 'contents', path, { required: true });
      contents?.forEach((child, i) => validateComponent(issues, child, `${join(path, 'contents')}[${i}]`, depth + 1));
      break;
    }
    case 'image':
    case 'icon':
      checkHttpsUrl(issues, component, 'url', path, true);
      break;
    case 'video':
      checkHttpsUrl(issues, component, 'url', path, true);
      checkHttpsUrl(issues, component, 'previewUrl', path, true);
      if (!isObject(component.altContent)) issues.add(join(path, 'altContent'), 'must be specified');
      else validateComponent(issues, component.altContent, join(path, 'altContent'), depth + 1);
      break;
    case 'text':
      validateText(issues, component, path);
      break;
    default:
      break;
  }
}

function validateText(issues: Issues, text: Json, path: string): void {
  const spans = checkArray(issues, text, 'contents', path);
  if (!spans || spans.length === 0) {
    checkString(issues, text, 'text', path, { required: true });
    return;
  }
  spans.forEach((span, i) => {
    const sPath = `${join(path, 'contents')}[${i}]`;
    if (!isObject(span) || span.type !== 'span') issues.add(join(sPath, 'type'), 'must be span');
    else checkString(issues, span, 'text', sPath, { required: true });
  });
}
