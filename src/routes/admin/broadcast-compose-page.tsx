import type { StaffPrincipal } from '../../auth/sessions';
import { ALL_TOPICS } from '../../db/schema';
import type { CouncilProfile } from '../../profile/schema';
import type { EventOption } from './broadcast-data';
import type { ComposeErrors, ComposeValues } from './broadcast-form';
import { eventLabel } from './broadcast-labels';
import { NoticeTextField } from './broadcast-parts';
import { FieldError, invalid } from './field';
import { AdminLayout, CsrfField } from './layout';
import { AdminNav } from './nav';

export const BROADCAST_JS_PATH = '/admin/assets/broadcast.js';

export interface ComposePageProps {
  staff: StaffPrincipal;
  profile: CouncilProfile;
  events: EventOption[];
  values: ComposeValues;
  errors?: ComposeErrors | undefined;
}

function Choice(p: { name: string; value: string; checked: boolean; label: string; type?: 'radio' | 'checkbox' }) {
  const id = `${p.name}-${p.value === ALL_TOPICS ? 'all' : p.value}`;
  return (
    <label class="choice" for={id}>
      <input type={p.type ?? 'checkbox'} id={id} name={p.name} value={p.value} checked={p.checked} />
      {p.label}
    </label>
  );
}

function TopicBoxes(p: { legend: string; name: 'areas' | 'kinds'; all: string; items: readonly { id: string; name: string }[]; chosen: string[] }) {
  return (
    <fieldset>
      <legend>{p.legend}</legend>
      <Choice name={p.name} value={ALL_TOPICS} checked={p.chosen.includes(ALL_TOPICS)} label={p.all} />
      {p.items.map((i) => (
        <Choice name={p.name} value={i.id} checked={p.chosen.includes(i.id)} label={i.name} />
      ))}
    </fieldset>
  );
}

function EventSelect(p: { id: string; name: string; events: EventOption[]; value: string; none: string; error?: string | undefined }) {
  return (
    <select id={p.id} name={p.name} {...invalid(p.error, `${p.id}-error`)}>
      <option value="">{p.none}</option>
      {p.events.map((e) => (
        <option value={e.id} selected={e.id === p.value}>
          {eventLabel(e)}
        </option>
      ))}
    </select>
  );
}

/** お知らせを作る: text, optional event card, audience and time; nothing is sent from here (the next step confirms). */
export function ComposePage(props: ComposePageProps) {
  const { values: v, errors = {} } = props;
  return (
    <AdminLayout title="お知らせを作る" staff={props.staff} nav={<AdminNav staff={props.staff} current="/admin/broadcasts" />}>
      <h1>お知らせを作る</h1>
      <p>
        LINEでお知らせを受け取る設定をした方にだけ届きます。次の画面で、送る人数と今月の残りの通数を確かめてから送ります。
      </p>
      {Object.keys(errors).length > 0 && (
        <p class="form-error" role="alert">
          入力内容を確認してください。
        </p>
      )}
      <form method="post" action="/admin/broadcasts/confirm" class="card" novalidate>
        <CsrfField token={props.staff.csrfToken} />
        <input type="hidden" name="requestKey" value={v.requestKey} />
        <NoticeTextField value={v.text} error={errors.text} label="本文（5,000文字まで）" />

        <div class="field">
          <label for="event-card">イベントのカード（本文の下に付けます）</label>
          <EventSelect id="event-card" name="eventId" events={props.events} value={v.eventId} none="付けない" error={errors.eventId} />
          <FieldError id="event-card-error" message={errors.eventId} />
        </div>

        <fieldset class="field" aria-describedby={errors.audience ? 'audience-error' : undefined}>
          <legend>宛先</legend>
          <FieldError id="audience-error" message={errors.audience} />
          <Choice type="radio" name="audienceType" value="segment" checked={v.audienceType === 'segment'} label="地区と種類で選ぶ" />
          <TopicBoxes legend="地区" name="areas" all="すべての地区" items={props.profile.areas} chosen={v.areas} />
          <TopicBoxes legend="イベントの種類" name="kinds" all="すべての種類" items={props.profile.eventKinds} chosen={v.kinds} />
          <Choice type="radio" name="audienceType" value="event" checked={v.audienceType === 'event'} label="イベントに申し込んだ方（キャンセル待ちの方も）" />
          <div class="field">
            <label for="audience-event">参加者に送るイベント</label>
            <EventSelect id="audience-event" name="audienceEventId" events={props.events} value={v.audienceEventId} none="選んでください" />
          </div>
          <Choice type="radio" name="audienceType" value="all" checked={v.audienceType === 'all'} label="お知らせを受け取る設定の方全員" />
        </fieldset>

        <fieldset class="field" aria-describedby={errors.when ? 'when-error' : undefined}>
          <legend>送る時</legend>
          <FieldError id="when-error" message={errors.when} />
          <Choice type="radio" name="when" value="now" checked={v.when !== 'later'} label="すぐに送る" />
          <Choice type="radio" name="when" value="later" checked={v.when === 'later'} label="日時を決めて送る" />
          <div class="field">
            <label for="send-date">日付（日本時間）</label>
            <input type="date" id="send-date" name="date" value={v.date} />
          </div>
          <div class="field">
            <label for="send-time">時刻（日本時間）</label>
            <input type="time" id="send-time" name="time" value={v.time} />
          </div>
        </fieldset>
        <button type="submit">確認へ進む</button>
      </form>
      <p>
        <a href="/admin/broadcasts">お知らせ配信の一覧へ戻る</a>
      </p>
      <script src={BROADCAST_JS_PATH} defer></script>
    </AdminLayout>
  );
}
