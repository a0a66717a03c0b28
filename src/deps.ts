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

/** How much of a broadcast one invocation may send (see src/broadcasts/runner.ts). */
export interface FanOutBudget {
  maxChunks?: number;
  /** Wall time after which no further chunk is started. */
  deadlineMs?: number;
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
  /** Limits per invocation for broadcast fan-out (Workers caps subrequests); none on Node. */
  fanOut?: FanOutBudget;
}

export const defaultRetry: RetryPolicy = { delaysMs: [500, 2_000, 8_000] };
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
