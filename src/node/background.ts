import type { Logger } from '../log';

/**
 * Node's stand-in for Workers' ExecutionContext: waitUntil() keeps track of
 * background work so shutdown and tests can wait for it.
 */
export function createBackground(log: Logger) {
  const pending = new Set<Promise<unknown>>();
  const ctx = {
    waitUntil(work: Promise<unknown>) {
      const tracked = work.catch((error: unknown) => log.error('background.failed', { error: error instanceof Error ? error.name : 'unknown' }));
      pending.add(tracked);
      void tracked.finally(() => pending.delete(tracked));
    },
    passThroughOnException() {},
    props: {},
  };
  return {
    ctx,
    /** Resolves when no background work is left (including work started meanwhile). */
    async drain() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}
