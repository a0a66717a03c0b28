import type { StaffPrincipal } from '../../auth/sessions';
import { EVENT_LIMITS, type EventFormErrors, type EventFormField, type EventFormValues } from '../../events/event-input';
import type { CouncilProfile } from '../../profile/schema';
import { AdminLayout, CsrfField } from './layout';
import { AdminNav } from './nav';

export interface EventFormProps {
  staff: StaffPrincipal;
  profile: CouncilProfile;
  values: EventFormValues;
  errors?: EventFormErrors | undefined;
  /** A problem with the whole form (someone else saved first). */
  formError?: string | undefined;
  /** The saved event's values that differ from what was typed (after a conflict). */
  saved?: Partial<EventFormValues> | undefined;
  /** New event: the id made when the form was first shown (a double submit is one event). */
  newId?: string | undefined;
  /** Edit: the event and the version the form was filled from. */
  edit?: { id: string; version: number } | undefined;
}

const LABELS: Record<EventFormField, string> = {
  title: '題名',
  kind: '種類',
  areaId: '地区',
  placeName: '場所の名前',
  address: '住所',
  mapUrl: '地図のリンク',
  startDate: '開始日',
  startTime: '開始時刻',
  endDate: '終了日',
  endTime: '終了時刻',
  capacity: '定員',
  fee: '参加費',
  audience: '対象',
  description: '内容',
  imageUrl: '画像のURL',
};

const HINTS: Partial<Record<EventFormField, string>> = {
  title: `${EVENT_LIMITS.title}文字以内（LINEのカードにそのまま出ます）`,
  placeName: `${EVENT_LIMITS.placeName}文字以内（例：地域集会所 2階和室）`,
  address: `任意・${EVENT_LIMITS.address}文字以内`,
  mapUrl: '任意・https:// で始まるURL。空欄なら、住所から Google マップの検索リンクを作ります',
  endDate: '空欄なら開始日と同じ日',
  capacity: '任意・空欄なら人数の制限なし（申し込みを超えるとキャンセル待ちになります）',
  fee: `任意・${EVENT_LIMITS.fee}文字以内（例：無料、100円（お茶代））`,
  audience: `任意・${EVENT_LIMITS.audience}文字以内（例：どなたでも、65歳以上の方）`,
  description: `任意・${EVENT_LIMITS.description}文字以内（「詳しく見る」で住民に表示されます）`,
  imageUrl: '任意・https:// で始まる画像（JPEG・PNG）のURL。カードの上に表示されます',
};

const fieldId = (f: EventFormField) => `event-${f}`;

function Described(p: { field: EventFormField; errors?: EventFormErrors | undefined }) {
  const error = p.errors?.[p.field];
  return (
    <>
      {HINTS[p.field] && (
        <p class="hint" id={`${fieldId(p.field)}-hint`}>
          {HINTS[p.field]}
        </p>
      )}
      {error && (
        <p class="error" id={`${fieldId(p.field)}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

/** id, label link, error state and the ids of the hint and the error for one field. */
function attrs(field: EventFormField, errors: EventFormErrors | undefined) {
  const bad = Boolean(errors?.[field]);
  const described = [HINTS[field] ? `${fieldId(field)}-hint` : '', bad ? `${fieldId(field)}-error` : ''].filter(Boolean).join(' ');
  return { id: fieldId(field), name: field, 'aria-invalid': bad ? 'true' : undefined, 'aria-describedby': described || undefined };
}

function Input(p: { field: EventFormField; props: EventFormProps; type?: string; maxlength?: number; inputmode?: 'numeric' }) {
  return (
    <div class="field">
      <label for={fieldId(p.field)}>{LABELS[p.field]}</label>
      <input
        type={p.type ?? 'text'}
        value={p.props.values[p.field]}
        maxlength={p.maxlength}
        inputmode={p.inputmode}
        {...attrs(p.field, p.props.errors)}
      />
      <Described field={p.field} errors={p.props.errors} />
    </div>
  );
}

function Select(p: { field: 'kind' | 'areaId'; props: EventFormProps; options: { id: string; name: string }[] }) {
  return (
    <div class="field">
      <label for={fieldId(p.field)}>{LABELS[p.field]}</label>
      <select {...attrs(p.field, p.props.errors)}>
        <option value="">選んでください</option>
        {p.options.map((o) => (
          <option value={o.id} selected={p.props.values[p.field] === o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <Described field={p.field} errors={p.props.errors} />
    </div>
  );
}

/** The staff form for a new event or an edit: every field keeps what was typed, each error sits by its field. */
export function EventFormPage(p: EventFormProps) {
  const title = p.edit ? 'イベントを直す' : 'イベントを作る';
  const action = p.edit ? `/admin/events/${p.edit.id}/edit` : '/admin/events';
  const hasErrors = Boolean(p.errors && Object.keys(p.errors).length);
  const savedEntries = Object.entries(p.saved ?? {}) as [EventFormField, string][];
  return (
    <AdminLayout title={title} staff={p.staff} nav={<AdminNav staff={p.staff} current="/admin/events" />}>
      <h1>{title}</h1>
      {p.formError && (
        <div class="form-error" role="alert">
          <p>{p.formError}</p>
          {savedEntries.length > 0 && (
            <>
              <p>いま保存されている内容（入力した内容と違うところ）：</p>
              <dl class="case-facts">
                {savedEntries.map(([field, value]) => (
                  <>
                    <dt>{LABELS[field]}</dt>
                    <dd class="pre">{value || '（空欄）'}</dd>
                  </>
                ))}
              </dl>
            </>
          )}
        </div>
      )}
      {hasErrors && (
        <p class="form-error" role="alert">
          入力内容を確認してください。それぞれの項目の下に、直すところを書いています。
        </p>
      )}
      <form method="post" action={action} class="card" novalidate>
        <CsrfField token={p.staff.csrfToken} />
        {p.newId && <input type="hidden" name="id" value={p.newId} />}
        {p.edit && <input type="hidden" name="version" value={String(p.edit.version)} />}
        <Input field="title" props={p} maxlength={EVENT_LIMITS.title} />
        <Select field="kind" props={p} options={p.profile.eventKinds} />
        <Select field="areaId" props={p} options={p.profile.areas} />
        <Input field="placeName" props={p} maxlength={EVENT_LIMITS.placeName} />
        <Input field="address" props={p} maxlength={EVENT_LIMITS.address} />
        <Input field="mapUrl" props={p} type="url" />
        <fieldset>
          <legend>日時（東京の時刻）</legend>
          <Input field="startDate" props={p} type="date" />
          <Input field="startTime" props={p} type="time" />
          <Input field="endDate" props={p} type="date" />
          <Input field="endTime" props={p} type="time" />
        </fieldset>
        <Input field="capacity" props={p} inputmode="numeric" />
        <Input field="fee" props={p} maxlength={EVENT_LIMITS.fee} />
        <Input field="audience" props={p} maxlength={EVENT_LIMITS.audience} />
        <div class="field">
          <label for={fieldId('description')}>{LABELS.description}</label>
          <textarea rows={6} {...attrs('description', p.errors)}>
            {p.values.description}
          </textarea>
          <Described field="description" errors={p.errors} />
        </div>
        <Input field="imageUrl" props={p} type="url" />
        <div class="actions">
          <button type="submit">{p.edit ? '変更を保存する' : '下書きとして保存する'}</button>
          <a href={p.edit ? `/admin/events/${p.edit.id}` : '/admin/events'}>保存せずに戻る</a>
        </div>
      </form>
    </AdminLayout>
  );
}
