import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import type { Deps } from '../deps';

export function healthRoutes(deps: Deps) {
  return new Hono().get('/', async (c) => {
    try {
      await deps.db.run(sql`select 1`);
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'database unavailable' }, 503);
    }
  });
}
