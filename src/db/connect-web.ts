import { createClient } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/libsql/web';
import { retryBusy } from './busy-retry';
import * as schema from './schema';
import type { Db } from './types';

// Workers can only reach libSQL over HTTP/WebSocket (Turso or sqld).
export function connectWebDatabase(url: string, authToken?: string): Db {
  return drizzle(retryBusy(createClient({ url, authToken })), { schema });
}
