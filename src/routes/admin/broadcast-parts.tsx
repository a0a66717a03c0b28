import { MAX_TEXT_LENGTH } from '../../broadcasts/create';
import type { LineQuota } from '../../line/port';
import type { CouncilProfile } from '../../profile/schema';
import { eventAreaName, eventKindName, eventWhen } from '../../line/cards/event-card';
import type { EventOption } from './broadcast-data';
import { messagesCount, people } from './broadcast-labels';
import { FieldError, invalid } from './field';

/** What readQuota answered: null when LINE could not be asked; limit null = no monthly limit. */
export type QuotaAnswer = LineQuota | null;

/** The notice textarea with its live character count (broadcast.js updates it while typing). */
export function NoticeTextField(p: { value: string; error: string | undefined; label: string }) {
  return (
    <div class="field">
      <label for="notice-text">{p.label}</label>
      <textarea id="notice-text" name="text" rows={10} data-counter="notice-text-count" {...invalid(p.error, 'notice-text-error')}>
        {p.value}
      </textarea>
      <p id="notice-text-count" class="hint" aria-live="polite" data-max={String(MAX_TEXT_LENGTH)}>
        {p.value.length.toLocaleString('ja-JP')}／{MAX_TEXT_LENGTH.toLocaleString('ja-JP')}文字
      </p>
      <FieldError id="notice-text-error" message={p.error} />
    </div>
  );
}

/**
 * How many people, how many messages that costs, and what is left this month. LINE counts
 * one message per recipient of a multicast, however many bubbles it carries.
 */
export function QuotaFacts(p: { recipients: number; quota: QuotaAnswer }) {
  const { quota, recipients } = p;
  const left = quota && quota.limit !== null ? Math.max(0, quota.limit - quota.used) : null;
  return (
    <>
      <dl class="case-facts">
        <dt>送る人数</dt>
        <dd id="recipient-count">{people(recipients)}</dd>
        <dt>使う通数</dt>
        <dd>{messagesCount(recipients)}（1人に1通と数えます）</dd>
        <dt>今月の残り</dt>
        <dd id="quota-left">
          {!quota
            ? 'LINEに問い合わせられませんでした'
            : left === null
              ? `上限なし（今月は${messagesCount(quota.used)}送信済み）`
              : `${messagesCount(left)}（上限${messagesCount(quota.limit!)}のうち${messagesCount(quota.used)}送信済み）`}
        </dd>
      </dl>
      {!quota && (
        <p class="notice" role="status">
          今月の残りの通数がわからないまま送ることになります。上限に達したときは、途中で一時停止し、届いていない方には送りません（あとで「再開」できます）。
        </p>
      )}
      {left !== null && recipients > left && (
        <p class="form-error" role="alert">
          今月の残り（{messagesCount(left)}）より、送る人数のほうが多いです。上限に達したところでLINEが受け付けなくなり、このお知らせは途中で一時停止します（届かなかった{people(recipients - left)}ほどには、上限を見直してから「再開」で送れます）。
        </p>
      )}
    </>
  );
}

/** A rough picture of what residents will see: the text bubble and, if chosen, the event card. */
export function MessagePreview(p: { text: string; event: EventOption | undefined; profile: CouncilProfile }) {
  const e = p.event;
  const area = e && eventAreaName(p.profile, e.areaId);
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">届くメッセージ（見本）</h2>
      <div class="card">
        <p class="pre">{p.text}</p>
      </div>
      {e && (
        <div class="card">
          <p>
            {eventKindName(p.profile, e.kind)}
            {area ? `・${area}` : ''}
          </p>
          <p>
            <strong>{e.title}</strong>
          </p>
          <p>
            {eventWhen(e)} ／ {e.placeName}
          </p>
        </div>
      )}
    </section>
  );
}
