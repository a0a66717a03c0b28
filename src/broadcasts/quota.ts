import type { Deps } from '../deps';
import type { LineQuota } from '../line/port';

/** This month's LINE message quota and what has been used, for staff to see before sending; null if LINE could not be asked. */
export async function readQuota(deps: Deps): Promise<LineQuota | null> {
  const quota = await deps.line.getQuota();
  if (!quota) deps.log.warn('broadcast.quota_unavailable');
  return quota;
}
