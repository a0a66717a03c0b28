import type { Db } from './db/types';
import type { Conversation } from './engine/conversation-types';
import type { CouncilProfile } from './profile/schema';
import type { LinePort } from './line/port';
import type { Logger } from './log';
import type { Clock } from './time/clock';

export interface RetryPolicy {
  /** Waits before each retry of a LINE call that failed with 429 (rate) or 5xx. */
  delaysMs: number[];
}

/** Everything the app needs from the outside world; the two doors differ only here. */
export interface Deps {
  db: Db;
  line: LinePort;
  profile: CouncilProfile;
  conversation: Conversation;
  clock: Clock;
  log: Logger;
  channelSecret: string;
  retry: RetryPolicy;
  sleep(ms: number): Promise<void>;
}

export const defaultRetry: RetryPolicy = { delaysMs: [500, 2_000, 8_000] };
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
