import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql/node';
import { retryBusy } from './busy-retry';
import * as schema from './schema';
import type { Db } from './types';

export interface NodeDatabase {
  db: Db;
  /** Resolves once connection settings are applied. */
  ready: Promise<void>;
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
  const client = isFile ? createClient({ url, concurrency: 1, timeout: 5_000 }) : retryBusy(createClient({ url, authToken }));
  const db = drizzle(client, { schema });
  // WAL lets readers (a CLI export beside the server) work during writes, and commits are far cheaper.
  const ready = isFile ? client.execute('PRAGMA journal_mode = WAL').then(() => client.execute('PRAGMA synchronous = NORMAL')) : Promise.resolve();
  return { db, ready: ready.then(() => undefined), close: () => client.close() };
}
