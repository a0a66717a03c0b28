import type { Context } from 'hono';

/** The string fields of a submitted form (files and repeated fields are not used here). */
export async function formBody(c: Context): Promise<Record<string, string>> {
  const form = await c.req.parseBody();
  return Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
