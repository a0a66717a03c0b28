import type { z } from 'zod';
import { councilProfileSchema, type CouncilProfile, type CouncilProfileInput } from './schema';

export interface ProfileIssue {
  path: string; // e.g. departments[kirara].phoneHours.wed[0].from
  message: string;
}

export class CouncilProfileError extends Error {
  readonly issues: readonly ProfileIssue[];

  constructor(source: string, issues: ProfileIssue[]) {
    super(
      `Council profile ${source} is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `- ${i.path || '(root)'}: ${i.message}`).join('\n'),
    );
    this.name = 'CouncilProfileError';
    this.issues = issues;
  }
}

/** Array elements that carry an id are shown by id, so staff can find them. */
function formatPath(path: readonly PropertyKey[], input: unknown): string {
  let out = '';
  let node: unknown = input;
  for (const key of path) {
    const child: unknown = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const childId = child !== null && typeof child === 'object' ? (child as { id?: unknown }).id : undefined;
      out += typeof childId === 'string' && childId !== '' ? `[${childId}]` : `[${key}]`;
    } else {
      out += out === '' ? String(key) : `.${String(key)}`;
    }
    node = child;
  }
  return out;
}

function toIssues(error: z.ZodError, input: unknown): ProfileIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path, input), message: issue.message }));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Validates untrusted input; throws CouncilProfileError naming every bad field. */
export function parseCouncilProfile(input: unknown, source = '(unnamed)'): CouncilProfile {
  const result = councilProfileSchema.safeParse(input);
  if (!result.success) throw new CouncilProfileError(source, toIssues(result.error, input));
  // The profile is shared by every request: freeze it so nobody edits it in place.
  return deepFreeze(result.data);
}

/** Typed entry point for profile files: the compiler checks the shape, zod the rest. */
export function defineCouncilProfile(input: CouncilProfileInput): CouncilProfile {
  return parseCouncilProfile(input, `"${input.council.id}"`);
}
