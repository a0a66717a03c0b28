import type { BookingStatus, CaseOutcome, CaseStatus } from '../../db/schema';
import type { Category, Urgency } from '../../engine/taxonomy';

// Words staff read for the fixed ids (ids stay in records and exports).
export const CATEGORY_LABELS: Record<Category, string> = {
  money: 'お金・生活費',
  work: '仕事',
  elderly: '高齢・介護',
  disability: '障害',
  childcare: '子育て・子ども',
  isolation: '孤立・話し相手',
  rights: '権利擁護・契約',
  neighbor: '近所の気になる人',
  volunteer: 'ボランティア',
  disaster: '災害・防災',
  other: 'その他',
};

export const URGENCY_LABELS: Record<Urgency, string> = { crisis: '危機', urgent: '急ぎ', normal: '通常' };

export const STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'ボット対応中',
  waiting: '受付待ち',
  claimed: '対応中',
  closed: '終了',
};

export const OUTCOME_LABELS: Record<CaseOutcome, string> = {
  resolved: '解決',
  referred: '他機関につないだ',
  ongoing: '継続支援',
  unreachable: '連絡がつかない',
};

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '予約中',
  cancelled: 'キャンセル',
  attended: '来所',
  no_show: '欠席',
};
