import type { RichMenuInput } from './rich-menus';
import { validateAction } from './validate-actions';
import { checkBoolean, checkNumber, checkObject, checkObjectArray, checkString, isObject, Issues, join } from './validate-common';

// https://developers.line.biz/en/reference/messaging-api/#rich-menu-object and the image requirements:
// width 800..2500 px, height ≥ 250 px, width/height ≥ 1.45, at most 20 areas.
const MIN_WIDTH = 800;
const MAX_WIDTH = 2500;
const MIN_HEIGHT = 250;
const MIN_ASPECT = 1.45;
const MAX_AREAS = 20;

export function validateRichMenu(body: unknown): { issues: Issues; menu?: RichMenuInput } {
  const issues = new Issues();
  if (!isObject(body)) {
    issues.add('', 'must be an object');
    return { issues };
  }
  const size = checkObject(issues, body, 'size', '', true);
  let width: number | undefined;
  let height: number | undefined;
  if (size) {
    width = checkNumber(issues, size, 'width', 'size', { required: true, integer: true, min: MIN_WIDTH, max: MAX_WIDTH });
    height = checkNumber(issues, size, 'height', 'size', { required: true, integer: true, min: MIN_HEIGHT });
    if (width !== undefined && height !== undefined && width / height < MIN_ASPECT) {
      issues.add('size', `aspect ratio (width / height) must be at least ${MIN_ASPECT}`);
    }
  }
  const selected = checkBoolean(issues, body, 'selected', '', true);
  const name = checkString(issues, body, 'name', '', { required: true, max: 300 });
  const chatBarText = checkString(issues, body, 'chatBarText', '', { required: true, max: 14 });
  const areas = checkObjectArray(issues, body, 'areas', '', { required: true, max: MAX_AREAS }, (area, aPath) => {
    const bounds = checkObject(issues, area, 'bounds', aPath, true);
    if (bounds) {
      const bPath = join(aPath, 'bounds');
      const x = checkNumber(issues, bounds, 'x', bPath, { required: true, integer: true, min: 0 });
      const y = checkNumber(issues, bounds, 'y', bPath, { required: true, integer: true, min: 0 });
      const w = checkNumber(issues, bounds, 'width', bPath, { required: true, integer: true, min: 1 });
      const h = checkNumber(issues, bounds, 'height', bPath, { required: true, integer: true, min: 1 });
      if (width !== undefined && x !== undefined && w !== undefined && x + w > width) issues.add(bPath, 'bounds exceed the rich menu width');
      if (height !== undefined && y !== undefined && h !== undefined && y + h > height) issues.add(bPath, 'bounds exceed the rich menu height');
    }
    validateAction(issues, area.action, join(aPath, 'action'), 'richMenu');
  });
  if (!issues.ok || width === undefined || height === undefined || selected === undefined || !name || !chatBarText || !areas) {
    return { issues };
  }
  return { issues, menu: { size: { width, height }, selected, name, chatBarText, areas } };
}
