import { validateAction } from './validate-actions';
import {
  checkArray,
  checkEnum,
  checkHexColor,
  checkHttpsUrl,
  checkObject,
  checkObjectArray,
  checkString,
  type Issues,
  join,
  type Json,
} from './validate-common';

// Limits from https://developers.line.biz/en/reference/messaging-api/#template-messages
const TEMPLATE_TYPES = ['buttons', 'confirm', 'carousel', 'image_carousel'] as const;

export function validateTemplateMessage(issues: Issues, message: Json, path: string): void {
  checkString(issues, message, 'altText', path, { required: true, max: 400 });
  const template = checkObject(issues, message, 'template', path, true);
  if (!template) return;
  const tPath = join(path, 'template');
  const type = checkEnum(issues, template, 'type', tPath, TEMPLATE_TYPES, true);
  if (type === 'buttons') validateButtons(issues, template, tPath);
  else if (type === 'confirm') validateConfirm(issues, template, tPath);
  else if (type === 'carousel') validateCarousel(issues, template, tPath);
  else if (type === 'image_carousel') validateImageCarousel(issues, template, tPath);
}

function validateActions(issues: Issues, owner: Json, path: string, min: number, max: number, context: 'template' | 'imageCarousel'): number {
  const actions = checkArray(issues, owner, 'actions', path, { required: true, min, max });
  actions?.forEach((action, i) => validateAction(issues, action, `${join(path, 'actions')}[${i}]`, context));
  return actions?.length ?? 0;
}

function validateDefaultAction(issues: Issues, owner: Json, path: string): void {
  if (owner.defaultAction !== undefined) validateAction(issues, owner.defaultAction, join(path, 'defaultAction'), 'defaultAction');
}

function validateButtons(issues: Issues, t: Json, path: string): void {
  checkHttpsUrl(issues, t, 'thumbnailImageUrl', path);
  checkEnum(issues, t, 'imageAspectRatio', path, ['rectangle', 'square']);
  checkEnum(issues, t, 'imageSize', path, ['cover', 'contain']);
  checkHexColor(issues, t, 'imageBackgroundColor', path);
  checkString(issues, t, 'title', path, { max: 40 });
  // The text shrinks to 60 characters when the template also shows an image or a title.
  const compact = t.thumbnailImageUrl !== undefined || t.title !== undefined;
  checkString(issues, t, 'text', path, { required: true, max: compact ? 60 : 160 });
  validateDefaultAction(issues, t, path);
  validateActions(issues, t, path, 1, 4, 'template');
}

function validateConfirm(issues: Issues, t: Json, path: string): void {
  checkString(issues, t, 'text', path, { required: true, max: 240 });
  validateActions(issues, t, path, 2, 2, 'template');
}

function validateCarousel(issues: Issues, t: Json, path: string): void {
  checkEnum(issues, t, 'imageAspectRatio', path, ['rectangle', 'square']);
  checkEnum(issues, t, 'imageSize', path, ['cover', 'contain']);
  let actionCount: number | undefined;
  let withImage: boolean | undefined;
  let withTitle: boolean | undefined;
  checkObjectArray(issues, t, 'columns', path, { required: true, min: 1, max: 10 }, (column, colPath) => {
    checkHttpsUrl(issues, column, 'thumbnailImageUrl', colPath);
    checkHexColor(issues, column, 'imageBackgroundColor', colPath);
    checkString(issues, column, 'title', colPath, { max: 40 });
    const hasImage = column.thumbnailImageUrl !== undefined;
    const hasTitle = column.title !== undefined;
    checkString(issues, column, 'text', colPath, { required: true, max: hasImage || hasTitle ? 60 : 120 });
    validateDefaultAction(issues, column, colPath);
    const count = validateActions(issues, column, colPath, 1, 3, 'template');
    // LINE requires every column to have the same number of actions, and images/titles on all or none.
    if (actionCount === undefined) actionCount = count;
    else if (count !== actionCount) issues.add(join(colPath, 'actions'), 'All columns must have the same number of actions');
    if (withImage === undefined) withImage = hasImage;
    else if (hasImage !== withImage) issues.add(join(colPath, 'thumbnailImageUrl'), 'Specify thumbnailImageUrl for all columns or for none');
    if (withTitle === undefined) withTitle = hasTitle;
    else if (hasTitle !== withTitle) issues.add(join(colPath, 'title'), 'Specify title for all columns or for none');
  });
}

function validateImageCarousel(issues: Issues, t: Json, path: string): void {
  checkObjectArray(issues, t, 'columns', path, { required: true, min: 1, max: 10 }, (column, colPath) => {
    checkHttpsUrl(issues, column, 'imageUrl', colPath, true);
    validateAction(issues, column.action, join(colPath, 'action'), 'imageCarousel');
  });
}
