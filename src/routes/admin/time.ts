import { formatTokyo } from '../../time/tokyo';

/** Dates staff read: Tokyo time, e.g. 11月24日(火) 10:05. */
export const shownTime = (d: Date | null | undefined) => (d ? formatTokyo(d) : '—');

/** How long ago, in plain Japanese (for waiting times). */
export function waitedFor(since: Date | null, now: Date): string {
  if (!since) return '—';
  const minutes = Math.max(0, Math.round((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return `${minutes}分`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours}時間${minutes % 60}分` : `${Math.floor(hours / 24)}日`;
}
