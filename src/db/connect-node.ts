import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql/node';
import * as schema from './schema';
import type { Db } from './types';

export interface NodeDatabase {
  db: Db;
  close(): void;
}

// One client per process. For file databases the client is limited to one
// connection at a time: @libsql/client 0.18 can silently lose writes after a
// SQLITE_BUSY inside one process (libsql-client-ts#352), and a single connection
// never races itself.
export function connectNodeDatabase(url: string, authToken?: string): NodeDatabase {
  const isFile = url.startsWith('file:');
  if (isFile) {
    const path = url.slice('file:'.length);
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  const client = createClient({ url, authToken, ...(isFile ? { concurrency: 1, timeout: 5_000 } : {}) });
  const db = drizzle(client, { schema });
  return { db, close: () => client.close() };
}
