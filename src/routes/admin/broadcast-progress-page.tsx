import type { StaffPrincipal } from '../../auth/sessions';
import type { BroadcastProgress } from '../../broadcasts/progress';
import type { BroadcastStatus } from '../../db/schema';
import type { CouncilProfile } from '../../profile/schema';
import type { EventOption } from './broadcast-data';
import { BROADCAST_JS_PATH } from './broadcast-compose-page';
import { BROADCAST_KIND_LABELS, pauseNote, people, statusLabel } from './broadcast-labels';
import { MessagePreview } from './broadcast-parts';
import { AdminLayout, CsrfField } from './layout';
import { AdminNav } from './nav';
import { shownTime } from './time';

export interface ProgressPageProps {
  staff: StaffPrincipal;
  profile: CouncilProfile;
  progress: BroadcastProgress;
  audienceText: string;
  card: EventOption | undefined;
  createdByName: string | undefined;
  notice?: string | undefined;
}

const RESUMABLE: readonly BroadcastStatus[] = ['paused'];
const CANCELLABLE: readonly BroadcastStatus[] = ['scheduled', 'sending', 'paused'];

/** The numbers broadcast.js keeps current: each element's data-field names a key of the progress JSON. */
function Count(p: { field: 'recipientCount' | 'sent' | 'failed' | 'skipped' | 'remaining'; value: number }) {
  return <dd data-field={p.field}>{people(p.value)}</dd>;
}

/**
 * A staff action behind a second click: the button opens a short "本当に…" question
 * (a native <details>, no script needed), and only its own button posts.
 */
function ConfirmedAction(p: { id: string; csrf: string; action: string; showWhen: readonly BroadcastStatus[]; status: BroadcastStatus; open: string; question: string; confirm: string }) {
  return (
    <details class="card" data-show-when={p.showWhen.join(' ')} hidden={!p.showWhen.includes(p.status)}>
      <summary>{p.open}</summary>
      <p>{p.question}</p>
      <form method="post" action={`/admin/broadcasts/${p.id}/${p.action}`}>
        <CsrfField token={p.csrf} />
        <button type="submit">{p.confirm}</button>
      </form>
    </details>
  );
}

/** One broadcast: how far it got, updated live while it is not finished, and 再開 / 中止. */
export function ProgressPage(p: ProgressPageProps) {
  const b = p.progress;
  const note = pauseNote(b);
  return (
    <AdminLayout title="お知らせの送信状況" staff={p.staff} nav={<AdminNav staff={p.staff} current="/admin/broadcasts" />}>
      <h1>お知らせの送信状況</h1>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <section id="broadcast-progress" data-broadcast={b.id} data-status={b.status} aria-live="polite">
        <dl class="case-facts">
          <dt>状態</dt>
          <dd data-field="statusLabel">{statusLabel(b)}</dd>
          <dt>種類</dt>
          <dd>{BROADCAST_KIND_LABELS[b.kind]}</dd>
          <dt>宛先</dt>
          <dd>{p.audienceText}</dd>
          <dt>送る人数</dt>
          <Count field="recipientCount" value={b.recipientCount} />
          <dt>送った</dt>
          <Count field="sent" value={b.sent} />
          <dt>送れなかった</dt>
          <Count field="failed" value={b.failed} />
          <dt>送らなかった（ブロック・友だち解除）</dt>
          <Count field="skipped" value={b.skipped} />
          <dt>残り</dt>
          <Count field="remaining" value={b.remaining} />
          <dt>送る日時</dt>
          <dd>{shownTime(b.scheduledAt)}</dd>
          <dt>送り始め／送り終わり</dt>
          <dd>
            {shownTime(b.startedAt)}／<span data-field="finishedAt">{shownTime(b.finishedAt)}</span>
          </dd>
          <dt>作った人</dt>
          <dd>
            {p.createdByName ?? '—'}（{shownTime(b.createdAt)}）
          </dd>
        </dl>
        <p class="error" data-field="pauseNote" hidden={!note}>
          {note ?? ''}
        </p>
      </section>
      <ConfirmedAction
        id={b.id}
        csrf={p.staff.csrfToken}
        action="resume"
        showWhen={RESUMABLE}
        status={b.status}
        open="送信を再開する"
        question="本当に再開しますか？ まだ届いていない方にだけ送ります。今月の上限に達していると、また一時停止します。"
        confirm="再開する"
      />
      <ConfirmedAction
        id={b.id}
        csrf={p.staff.csrfToken}
        action="cancel"
        showWhen={CANCELLABLE}
        status={b.status}
        open="送信を中止する"
        question="本当に中止しますか？ まだ届いていない方には送りません。すでに届いたお知らせは取り消せません。"
        confirm="中止する"
      />
      <MessagePreview text={b.text} event={p.card} profile={p.profile} />
      <p>
        <a href="/admin/broadcasts">お知らせ配信の一覧へ戻る</a>
      </p>
      <script src={BROADCAST_JS_PATH} defer></script>
    </AdminLayout>
  );
}
