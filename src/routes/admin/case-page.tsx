import type { StaffPrincipal } from '../../auth/sessions';
import type { CannedReplyRow, StaffUser } from '../../db/schema';
import { CASE_OUTCOMES } from '../../db/schema';
import { CATEGORIES } from '../../engine/taxonomy';
import type { CouncilProfile } from '../../profile/schema';
import type { CaseHistoryItem, CaseView, Transcript, TranscriptEntry } from '../../services/handoff';
import { AdminLayout, CsrfField } from './layout';
import { CATEGORY_LABELS, OUTCOME_LABELS, STATUS_LABELS, URGENCY_LABELS } from './labels';
import { AdminNav } from './nav';
import { shownTime } from './time';

/** What a failed form sends back: which form, the message, and what was typed. */
export interface FormState {
  form: 'reply' | 'note' | 'transfer' | 'close' | 'action';
  error: string;
  values: Record<string, string>;
}

export interface CasePageProps {
  staff: StaffPrincipal;
  profile: CouncilProfile;
  view: CaseView;
  transcript: Transcript;
  history: CaseHistoryItem[];
  canned: CannedReplyRow[];
  counselors: Pick<StaffUser, 'id' | 'displayName'>[];
  staffNames: Map<string, string>;
  formState?: FormState;
  notice?: string;
}

const CONSENT_LABELS = { unknown: '未回答', given: '同意あり', declined: '同意なし', withdrawn: '同意取り消し' } as const;
const SPEAKER = { resident: '相談者', bot: 'ボット', staff: '相談員' } as const;

export function TranscriptItem(props: { entry: TranscriptEntry; staffNames: Map<string, string> }) {
  const e = props.entry;
  const who = e.from === 'staff' ? `${SPEAKER.staff}（${props.staffNames.get(e.staffId ?? '') ?? ''}）` : SPEAKER[e.from];
  return (
    <li class={`msg msg-${e.from}`} data-id={String(e.id)}>
      <span class="msg-meta">
        {who}・<time datetime={e.createdAt.toISOString()}>{shownTime(e.createdAt)}</time>
      </span>
      <span class="msg-body">{e.body}</span>
    </li>
  );
}

function ErrorFor(props: { state?: FormState; form: FormState['form'] }) {
  if (props.state?.form !== props.form) return null;
  return (
    <p class="error" role="alert" id={`${props.form}-error`}>
      {props.state.error}
    </p>
  );
}

export function CasePage(p: CasePageProps) {
  const { case: kase, resident, notes, position } = p.view;
  const id = kase.id;
  const mine = kase.status === 'claimed' && kase.assigneeId === p.staff.userId;
  const typed = (form: FormState['form'], name: string, fallback = '') =>
    p.formState?.form === form ? (p.formState.values[name] ?? fallback) : fallback;
  const department = p.profile.departments.find((d) => d.id === kase.departmentId);
  const area = p.profile.areas.find((a) => a.id === kase.areaId);
  const csrf = <CsrfField token={p.staff.csrfToken} />;
  const name = resident.displayName ?? '（表示名なし）';
  return (
    <AdminLayout title={`${name} さんのケース`} staff={p.staff} nav={<AdminNav staff={p.staff} current="/admin/queue" />}>
      <p>
        <a href="/admin/queue">← 相談の受付に戻る</a>
      </p>
      <h1>{name} さんのケース</h1>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <ErrorFor state={p.formState} form="action" />
      <dl class="case-facts">
        <dt>緊急度</dt>
        <dd>
          <span class={`badge badge-${kase.urgency}`}>{URGENCY_LABELS[kase.urgency]}</span>
          {kase.crisisKinds && `（${kase.crisisKinds}）`}
        </dd>
        <dt>相談の種類</dt>
        <dd>{CATEGORY_LABELS[kase.category]}</dd>
        <dt>窓口</dt>
        <dd>{department?.name ?? kase.departmentId}</dd>
        <dt>地区</dt>
        <dd>{area?.name ?? '—'}</dd>
        <dt>状態</dt>
        <dd>
          {STATUS_LABELS[kase.status]}
          {kase.assigneeId && `（担当：${p.staffNames.get(kase.assigneeId) ?? '—'}）`}
          {position !== null && `・順番 ${position}番目`}
        </dd>
        <dt>受付</dt>
        <dd>{shownTime(kase.waitingSince ?? kase.createdAt)}</dd>
        <dt>記録への同意</dt>
        <dd>{CONSENT_LABELS[resident.consent]}</dd>
        <dt>相談者の言葉</dt>
        <dd class="pre">{kase.summary ?? '（保存していません）'}</dd>
        {kase.note && (
          <>
            <dt>メモ</dt>
            <dd class="pre">{kase.note}</dd>
          </>
        )}
      </dl>

      <div class="actions">
        {kase.status === 'waiting' && (
          <form method="post" action={`/admin/cases/${id}/claim`}>
            {csrf}
            <button type="submit">担当する</button>
          </form>
        )}
        {mine && (
          <form method="post" action={`/admin/cases/${id}/release`}>
            {csrf}
            <button type="submit" class="secondary">
              受付待ちに戻す
            </button>
          </form>
        )}
      </div>

      <section aria-labelledby="talk-heading">
        <h2 id="talk-heading">やりとり</h2>
        <ol id="transcript" class="transcript" aria-live="polite" data-case={id} data-last={String(p.transcript.lastId ?? 0)}>
          {p.transcript.messages.map((entry) => (
            <TranscriptItem entry={entry} staffNames={p.staffNames} />
          ))}
        </ol>
        {p.transcript.unsent.map((u) => (
          <p class="error">送信できていない返信：{u.text}（{u.status === 'pending' ? '送信中' : '送信できませんでした'}）</p>
        ))}
        {mine ? (
          <form method="post" action={`/admin/cases/${id}/reply`} class="reply-form">
            {csrf}
            <ErrorFor state={p.formState} form="reply" />
            {p.canned.length > 0 && (
              <div class="field">
                <label for="canned">定型文を入れる</label>
                <select id="canned" data-target="reply-text">
                  <option value="">（選んでください）</option>
                  {p.canned.map((c) => (
                    <option value={c.body}>{c.title}</option>
                  ))}
                </select>
              </div>
            )}
            <div class="field">
              <label for="reply-text">相談者への返信</label>
              <textarea id="reply-text" name="text" rows={4} required aria-describedby={p.formState?.form === 'reply' ? 'reply-error' : undefined}>
                {typed('reply', 'text')}
              </textarea>
            </div>
            <button type="submit">送信する</button>
          </form>
        ) : (
          kase.status !== 'closed' && <p>返信するには、先に「担当する」を押してください。</p>
        )}
      </section>

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">内部メモ（相談者には見えません）</h2>
        <ul class="notes">
          {notes.map((n) => (
            <li>
              <span class="msg-meta">
                {p.staffNames.get(n.staffId) ?? '—'}・{shownTime(n.createdAt)}
              </span>
              <span class="pre">{n.body}</span>
            </li>
          ))}
        </ul>
        {kase.status !== 'closed' && (
          <form method="post" action={`/admin/cases/${id}/note`}>
            {csrf}
            <ErrorFor state={p.formState} form="note" />
            <div class="field">
              <label for="note-text">メモを書く</label>
              <textarea id="note-text" name="text" rows={2} required>
                {typed('note', 'text')}
              </textarea>
            </div>
            <button type="submit" class="secondary">
              メモを残す
            </button>
          </form>
        )}
      </section>

      {mine && (
        <section aria-labelledby="transfer-heading">
          <h2 id="transfer-heading">引き継ぐ</h2>
          <form method="post" action={`/admin/cases/${id}/transfer`}>
            {csrf}
            <ErrorFor state={p.formState} form="transfer" />
            <div class="field">
              <label for="transfer-dept">窓口</label>
              <select id="transfer-dept" name="departmentId">
                <option value="">（変えない）</option>
                {p.profile.departments.map((d) => (
                  <option value={d.id} selected={typed('transfer', 'departmentId') === d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="transfer-staff">相談員</label>
              <select id="transfer-staff" name="toStaffId">
                <option value="">（受付待ちに戻す）</option>
                {p.counselors
                  .filter((s) => s.id !== p.staff.userId)
                  .map((s) => (
                    <option value={s.id} selected={typed('transfer', 'toStaffId') === s.id}>
                      {s.displayName}
                    </option>
                  ))}
              </select>
            </div>
            <div class="field">
              <label for="transfer-note">引き継ぎメモ（必須）</label>
              <textarea id="transfer-note" name="note" rows={2} required>
                {typed('transfer', 'note')}
              </textarea>
            </div>
            <button type="submit" class="secondary">
              引き継ぐ
            </button>
          </form>
        </section>
      )}

      {mine && (
        <section aria-labelledby="close-heading">
          <h2 id="close-heading">終了する</h2>
          <form method="post" action={`/admin/cases/${id}/close`}>
            {csrf}
            <ErrorFor state={p.formState} form="close" />
            <fieldset class="field">
              <legend>結果</legend>
              {CASE_OUTCOMES.map((o) => (
                <label class="choice">
                  <input type="radio" name="outcome" value={o} checked={typed('close', 'outcome') === o} required />
                  {OUTCOME_LABELS[o]}
                </label>
              ))}
            </fieldset>
            <div class="field">
              <label for="close-category">相談の種類（必要なら直してください）</label>
              <select id="close-category" name="category">
                {CATEGORIES.map((cat) => (
                  <option value={cat} selected={typed('close', 'category', kase.category) === cat}>
                    {CATEGORY_LABELS[cat]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">終了して、ボットに戻す</button>
          </form>
        </section>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">これまでのケース（すべての窓口）</h2>
        {p.history.filter((h) => h.id !== id).length === 0 ? (
          <p>ほかのケースはありません。</p>
        ) : (
          <ul>
            {p.history
              .filter((h) => h.id !== id)
              .map((h) => (
                <li>
                  {shownTime(h.createdAt)}・{CATEGORY_LABELS[h.category]}・{STATUS_LABELS[h.status]}
                  {h.outcome && `（${OUTCOME_LABELS[h.outcome]}）`}
                </li>
              ))}
          </ul>
        )}
      </section>
      <script src="/admin/assets/case.js" defer></script>
    </AdminLayout>
  );
}
