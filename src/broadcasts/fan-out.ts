import type { FanOutBudget } from '../deps';

// Broadcast fan-out on Cloudflare Workers: cron-driven chunks, the database as the queue.
// One invocation may make 50 subrequests on the Free plan (10,000 on Paid). A chunk costs
// three (prepare, multicast, settle; each retry two more) and a run about five more
// (due broadcasts, finishing), and the cron's other jobs share the invocation; ten chunks
// (5,000 residents) leave room for retries. The cron runs every minute and "send now"
// runs one budget at once; BROADCAST_CHUNKS_PER_RUN raises it on the Paid plan. A run cut
// short anyway (a limit hit mid-chunk) loses nothing: the chunk keeps its key and lease,
// and the next run takes it over.
export const WORKERS_CHUNKS_PER_RUN = 10;

/** A request's waitUntil gets 30 s after the response; no chunk is started after 20 s. */
const WORKERS_DEADLINE_MS = 20_000;

export const workersFanOut = (maxChunks = WORKERS_CHUNKS_PER_RUN): FanOutBudget => ({ maxChunks, deadlineMs: WORKERS_DEADLINE_MS });
