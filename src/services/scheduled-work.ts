import { runDueReminders } from '../booking/reminders';
import { runDueBroadcasts } from '../broadcasts/runner';
import type { Deps } from '../deps';
import { runDueEventReminders } from '../events/reminders';
import { recoverUnfinishedWork } from './recovery';

/**
 * Everything that runs on a timer: the Workers cron and the Node sweep call this one
 * function, so both doors do the same work. Each job stands alone: one failing does not
 * stop the next.
 */
export async function runScheduledWork(deps: Deps): Promise<void> {
  const jobs: Array<() => Promise<unknown>> = [
    () => recoverUnfinishedWork(deps),
    () => runDueReminders(deps, deps.clock.now()),
    () => runDueEventReminders(deps, deps.clock.now()),
    () => runDueBroadcasts(deps),
  ];
  for (const job of jobs) {
    try {
      await job();
    } catch (error) {
      deps.log.error('scheduled.job_failed', { error: error instanceof Error ? error.name : 'unknown' });
    }
  }
}
