export interface ErrorDetail {
  message: string;
  property: string;
}

/** Collects LINE-style error details ("property" is the JSON path LINE reports, e.g. messages[0].text). */
export class Issues {
  readonly details: ErrorDetail[] = [];

  add(property: string, message: string): void {
    this.details.push({ message, property });
  }

  get ok(): boolean {
    return this.details.length === 0;
  }
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * The part every check shares: a missing (undefined or null) value is reported only when required;
 * a present one goes to `accept`, which adds its own issue and returns undefined when it is wrong.
 */
function checkPresent<T>(
  issues: Issues,
  obj: Json,
  key: string,
  path: string,
  required: boolean | undefined,
  accept: (value: unknown, property: string) => T | undefined,
): T | undefined {
  const value = obj[key];
  const property = join(path, key);
  if (value === undefined || value === null) {
    if (required) issues.add(property, 'must be specified');
    return undefined;
  }
  return accept(value, property);
}

interface StringRule {
  required?: boolean;
  /** Minimum length in UTF-16 code units when present (default 1: LINE rejects empty strings). */
  min?: number;
  max?: number;
}

/** Checks `obj[key]` as a string; lengths are JS lengths, i.e. UTF-16 code units like LINE counts. */
export function checkString(issues: Issues, obj: Json, key: string, path: string, rule: StringRule = {}): string | undefined {
  return checkPresent(issues, obj, key, path, rule.required, (value, property) => {
    if (typeof value !== 'string') {
      issues.add(property, 'must be a string');
      return undefined;
    }
    const min = rule.min ?? 1;
    if (value.length === 0 && min > 0) {
      issues.add(property, 'May not be empty');
      return undefined;
    }
    if (value.length < min || (rule.max !== undefined && value.length > rule.max)) {
      issues.add(property, `Length must be between ${min} and ${rule.max ?? 'unlimited'}`);
      return undefined;
    }
    return value;
  });
}

interface ArrayRule {
  required?: boolean;
  min?: number;
  max?: number;
}

/** A wrong size is reported but the array is still returned, so its items get checked too. */
export function checkArray(issues: Issues, obj: Json, key: string, path: string, rule: ArrayRule = {}): unknown[] | undefined {
  return checkPresent(issues, obj, key, path, rule.required, (value, property) => {
    if (!Array.isArray(value)) {
      issues.add(property, 'must be an array');
      return undefined;
    }
    const min = rule.min ?? 0;
    if (value.length < min || (rule.max !== undefined && value.length > rule.max)) {
      issues.add(property, `Size must be between ${min} and ${rule.max ?? 'unlimited'}`);
    }
    return value;
  });
}

/** Checks `obj[key]` as an array and hands each object item to `each` with its path (e.g. `columns[2]`). */
export function checkObjectArray(
  issues: Issues,
  obj: Json,
  key: string,
  path: string,
  rule: ArrayRule,
  each: (item: Json, itemPath: string) => void,
): unknown[] | undefined {
  const items = checkArray(issues, obj, key, path, rule);
  items?.forEach((item, i) => {
    const itemPath = `${join(path, key)}[${i}]`;
    if (isObject(item)) each(item, itemPath);
    else issues.add(itemPath, 'must be an object');
  });
  return items;
}

export function checkObject(issues: Issues, obj: Json, key: string, path: string, required = false): Json | undefined {
  return checkPresent(issues, obj, key, path, required, (value, property) => {
    if (isObject(value)) return value;
    issues.add(property, 'must be an object');
    return undefined;
  });
}

export function checkEnum<T extends string>(
  issues: Issues,
  obj: Json,
  key: string,
  path: string,
  allowed: readonly T[],
  required = false,
): T | undefined {
  return checkPresent(issues, obj, key, path, required, (value, property) => {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    issues.add(property, `must be one of [${allowed.join(', ')}]`);
    return undefined;
  });
}

export function checkNumber(
  issues: Issues,
  obj: Json,
  key: string,
  path: string,
  rule: { required?: boolean; integer?: boolean; min?: number; max?: number } = {},
): number | undefined {
  return checkPresent(issues, obj, key, path, rule.required, (value, property) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || (rule.integer && !Number.isInteger(value))) {
      issues.add(property, rule.integer ? 'must be an integer' : 'must be a number');
      return undefined;
    }
    if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
      issues.add(property, `must be between ${rule.min ?? '-∞'} and ${rule.max ?? '∞'}`);
      return undefined;
    }
    return value;
  });
}

export function checkBoolean(issues: Issues, obj: Json, key: string, path: string, required = false): boolean | undefined {
  return checkPresent(issues, obj, key, path, required, (value, property) => {
    if (typeof value === 'boolean') return value;
    issues.add(property, 'must be a boolean');
    return undefined;
  });
}

/** LINE serves media only from HTTPS URLs of at most 2000 characters. */
export function checkHttpsUrl(issues: Issues, obj: Json, key: string, path: string, required = false, max = 2000): void {
  const value = checkString(issues, obj, key, path, { required, max });
  if (value === undefined) return;
  if (!URL.canParse(value) || new URL(value).protocol !== 'https:') issues.add(join(path, key), 'must be an https URL');
}

const URI_ACTION_SCHEMES = new Set(['http:', 'https:', 'line:', 'tel:']);

/** URI actions accept http, https, line and tel schemes, up to 1000 characters. */
export function checkActionUri(issues: Issues, obj: Json, key: string, path: string, required = false): void {
  const value = checkString(issues, obj, key, path, { required, max: 1000 });
  if (value === undefined) return;
  if (!URL.canParse(value) || !URI_ACTION_SCHEMES.has(new URL(value).protocol)) {
    issues.add(join(path, key), 'invalid uri scheme');
  }
}

export function checkHexColor(issues: Issues, obj: Json, key: string, path: string): void {
  const value = obj[key];
  if (value === undefined) return;
  if (typeof value !== 'string' || !/^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/.test(value)) {
    issues.add(join(path, key), 'must be a hex color code (#RRGGBB)');
  }
}
