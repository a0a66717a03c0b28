import type { Client } from '@libsql/client';

const ATTEMPTS = 6;

const isBusy = (error: unknown) => {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  return String(e?.code ?? e?.cause?.code ?? '').startsWith('SQLITE_BUSY');
};

/**
 * A libSQL server (sqld/Turso) answers SQLITE_BUSY when many writers arrive at once;
 * a statement that got BUSY did not commit, so running it again is safe. Only for
 * remote clients: the local file client must never retry after BUSY (TOOLCHAIN.md:
 * the pooled connection can silently lose later writes), and it runs one connection.
 */
export function retryBusy<C extends Client>(client: C, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): C {
  const wrap = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await fn(...args);
        } catch (error) {
          if (!isBusy(error) || attempt >= ATTEMPTS) throw error;
          await sleep(10 * 2 ** attempt * (0.5 + Math.random()));
        }
      }
    };
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'execute' || prop === 'batch') return wrap((value as (...a: unknown[]) => Promise<unknown>).bind(target));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
