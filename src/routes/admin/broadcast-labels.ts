import type { Audience } from '../../broadcasts/audience';
import type { BroadcastProgress } from '../../broadcasts/progress';
import type { BroadcastKind, BroadcastStatus } from '../../db/schema';
import type { CouncilProfile } from '../../profile/schema';
import { eventWhen } from '../../line/cards/event-card';
import { formatTokyo } from '../../time/tokyo';
import type { EventOption } from './broadcast-data';

export const BROADCAST_KIND_LABELS: Record<BroadcastKind, string> = { notice: 'お知らせ', disaster: '災害時のお知らせ' };

const BROADCAST_STATUS_LABELS: Record<BroadcastStatus, string> = {
  scheduled: '送信予定',
  sending: '送信中',
  paused: '一時停止',
  done: '送信済み',
  cancelled: '中止',
};

/** Why a job stopped and what staff can do about it, for each pause reason the engine records. */
const PAUSE_NOTES: Record<string, string> = {
  monthly_limit:
    'LINEの今月の送信上限に達したため、一時停止しています。まだ届いていない方には送っていません。LINE公式アカウントの管理画面で上限（プラン）を見直すか、来月になってから「再開」を押してください。届いていない方にだけ送ります。',
};

/** Status as staff read it, with the pause reason when there is one. */
export function statusLabel(p: Pick<BroadcastProgress, 'status' | 'pauseReason'>): string {
  if (p.status === 'paused' && p.pauseReason === 'monthly_limit') return '一時停止（今月の送信上限）';
  return BROADCAST_STATUS_LABELS[p.status];
}

export function pauseNote(p: Pick<BroadcastProgress, 'status' | 'pauseReason'>): string | undefined {
  if (p.status !== 'paused') return undefined;
  return PAUSE_NOTES[p.pauseReason ?? ''] ?? '一時停止しています。「再開」を押すと、まだ届いていない方にだけ送ります。';
}

/** States a job never leaves: the live page stops polling there. */
export const FINAL_STATUSES: readonly BroadcastStatus[] = ['done', 'cancelled'];

// An empty list in a segment means any area / any kind.
const names = (ids: readonly string[], known: readonly { id: string; name: string }[], all: string) =>
  ids.length === 0 ? all : ids.map((id) => known.find((k) => k.id === id)?.name ?? id).join('・');

export const eventLabel = (e: EventOption) => `${eventWhen(e)} ${e.title}`;

/** The audience in words for staff, with area and kind names from the profile. */
export function describeAudience(a: Audience, profile: CouncilProfile, events: ReadonlyMap<string, EventOption>): string {
  if (a.type === 'all') return 'お知らせを受け取る設定の方全員';
  if (a.type === 'event') {
    const e = events.get(a.eventId);
    return `${e ? `「${e.title}」（${formatTokyo(e.startsAt)}〜）` : 'イベント'}に申し込んだ方（キャンセル待ちの方も）`;
  }
  return `地区：${names(a.areas, profile.areas, 'すべての地区')} ／ 種類：${names(a.kinds, profile.eventKinds, 'すべての種類')} のお知らせを受け取る設定の方`;
}

export const people = (n: number) => `${n.toLocaleString('ja-JP')}人`;
export const messagesCount = (n: number) => `${n.toLocaleString('ja-JP')}通`;
