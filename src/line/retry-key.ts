/**
 * LINE remembers an accepted X-Line-Retry-Key for 24 hours (it answers 409 to a repeat).
 * A send first tried longer ago than this margin may have arrived, and repeating it
 * could deliver it twice; such a send is recorded as "outcome unknown" instead.
 */
export const RETRY_KEY_MEMORY_MS = 23 * 60 * 60 * 1000;

export const retryKeyMayBeForgotten = (since: Date, now: Date) => now.getTime() - since.getTime() > RETRY_KEY_MEMORY_MS;
