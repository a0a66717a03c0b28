import type { SentMessage } from './types';

export const RETRY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

export interface AcceptedRetry {
  requestId: string;
  acceptedAt: number;
  sentMessages?: SentMessage[];
}

/** Retry keys accepted in the last 24 h; Map insertion order is acceptance order, so pruning stops at the first live key. */
export class RetryKeyStore {
  private readonly keys = new Map<string, AcceptedRetry>();

  constructor(private readonly now: () => number) {}

  get(key: string): AcceptedRetry | undefined {
    this.prune();
    return this.keys.get(key.toLowerCase());
  }

  accept(key: string, entry: Omit<AcceptedRetry, 'acceptedAt'>): void {
    this.prune();
    this.keys.set(key.toLowerCase(), { ...entry, acceptedAt: this.now() });
  }

  clear(): void {
    this.keys.clear();
  }

  private prune(): void {
    const cutoff = this.now() - RETRY_KEY_TTL_MS;
    for (const [key, entry] of this.keys) {
      if (entry.acceptedAt > cutoff) break;
      this.keys.delete(key);
    }
  }
}
