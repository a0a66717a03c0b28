import type { StaffPrincipal } from '../../auth/sessions';
import type { CouncilProfile } from '../../profile/schema';
import type { QueueCounts, QueueItem, QueueView } from '../../services/handoff';
import { AdminLayout, CsrfField } from './layout';
import { CATEGORY_LABELS, STATUS_LABELS, URGENCY_LABELS } from './labels';
import { AdminNav } from './nav';
import { shownTime, waitedFor } from './time';

const VIEWS: { view: QueueView; label: string }[] = [
  { view: 'waiting', label: '受付待ち' },
  { view: 'mine', label: '自分の担当' },
  { view: 'all', label: 'すべて（受付待ち・対応中）' },
];

export interface QueuePageProps {
  staff: StaffPrincipal;
  profile: CouncilProfile;
  view: QueueView;
  items: QueueItem[];
  counts: QueueCounts;
  staffNames: Map<string, string>;
  now: Date;
  notice?: string;
}

/** The counselor queue: crisis first, then urgent, then normal, longest waiting first. */
export function QueuePage(p: QueuePageProps) {
  const departments = new Map(p.profile.departments.map((d) => [d.id, d.shortName ?? d.name]));
  const mine = p.counts.mine?.total ?? 0;
  const countOf: Record<QueueView, number> = { waiting: p.counts.waiting.total, mine, all: p.counts.waiting.total + p.counts.claimed.total };
  return (
    <AdminLayout title="相談の受付" staff={p.staff} nav={<AdminNav staff={p.staff} current="/admin/queue" />}>
      <h1>相談の受付</h1>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <section aria-labelledby="counts-heading" class="counts">
        <h2 id="counts-heading" class="visually-hidden">
          件数
        </h2>
        <p>
          受付待ち：<strong class="urgency-crisis">危機 {p.counts.waiting.crisis}件</strong>・
          <strong class="urgency-urgent">急ぎ {p.counts.waiting.urgent}件</strong>・通常 {p.counts.waiting.normal}件　／　対応中 {p.counts.claimed.total}件
        </p>
      </section>
      <nav aria-label="表示の切り替え" class="tabs">
        <ul>
          {VIEWS.map((v) => (
            <li>
              <a href={`/admin/queue?view=${v.view}`} aria-current={v.view === p.view ? 'page' : undefined}>
                {v.label}（{countOf[v.view]}）
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {p.items.length === 0 ? (
        <p>いま表示するケースはありません。</p>
      ) : (
        <table class="queue">
          <caption class="visually-hidden">ケースの一覧（緊急度の高い順、待ち時間の長い順）</caption>
          <thead>
            <tr>
              <th scope="col">緊急度</th>
              <th scope="col">相談の種類</th>
              <th scope="col">相談者</th>
              <th scope="col">窓口</th>
              <th scope="col">状態</th>
              <th scope="col">待ち時間</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((item) => (
              <tr class={`urgency-${item.urgency}`}>
                <td>
                  <span class={`badge badge-${item.urgency}`}>{URGENCY_LABELS[item.urgency]}</span>
                </td>
                <td>{CATEGORY_LABELS[item.category]}</td>
                <td>
                  <a href={`/admin/cases/${item.id}`}>{item.displayName ?? '（表示名なし）'}</a>
                </td>
                <td>{departments.get(item.departmentId) ?? item.departmentId}</td>
                <td>
                  {STATUS_LABELS[item.status]}
                  {item.assigneeId && `（${p.staffNames.get(item.assigneeId) ?? '担当者'}）`}
                </td>
                <td title={shownTime(item.waitingSince)}>{waitedFor(item.waitingSince, p.now)}</td>
                <td>
                  {item.status === 'waiting' ? (
                    <form method="post" action={`/admin/cases/${item.id}/claim`}>
                      <CsrfField token={p.staff.csrfToken} />
                      <button type="submit">担当する</button>
                    </form>
                  ) : (
                    <a href={`/admin/cases/${item.id}`}>開く</a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
