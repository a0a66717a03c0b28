import type { StaffPrincipal } from '../../auth/sessions';
import type { CouncilProfile } from '../../profile/schema';
import { formatTokyo } from '../../time/tokyo';
import type { EventOption } from './broadcast-data';
import type { ComposeInput, ComposeValues } from './broadcast-form';
import { MessagePreview, QuotaFacts, type QuotaAnswer } from './broadcast-parts';
import { AdminLayout, CsrfField } from './layout';
import { AdminNav } from './nav';

export interface ConfirmPageProps {
  staff: StaffPrincipal;
  profile: CouncilProfile;
  values: ComposeValues;
  input: ComposeInput;
  audienceText: string;
  card: EventOption | undefined;
  recipients: number;
  quota: QuotaAnswer;
}

/** The form as typed, carried through the confirm step (to create it, or to go back and edit). */
function Carried(p: { values: ComposeValues }) {
  const v = p.values;
  const single = { text: v.text, eventId: v.eventId, audienceType: v.audienceType, audienceEventId: v.audienceEventId, when: v.when, date: v.date, time: v.time, requestKey: v.requestKey };
  return (
    <>
      {Object.entries(single).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {v.areas.map((a) => (
        <input type="hidden" name="areas" value={a} />
      ))}
      {v.kinds.map((k) => (
        <input type="hidden" name="kinds" value={k} />
      ))}
    </>
  );
}

/** 送る前の確認: who, how many, what it costs of this month's quota, and what they will see. */
export function ConfirmPage(p: ConfirmPageProps) {
  return (
    <AdminLayout title="送る前の確認" staff={p.staff} nav={<AdminNav staff={p.staff} current="/admin/broadcasts" />}>
      <h1>送る前の確認</h1>
      <p>まだ送っていません。内容を確かめて、下のボタンを押してください。</p>
      <dl class="case-facts">
        <dt>宛先</dt>
        <dd>{p.audienceText}</dd>
        <dt>送る時</dt>
        <dd>{p.input.now ? 'すぐに送る' : `${formatTokyo(p.input.scheduledAt, 'YYYY年M月D日(ddd) H:mm')}（日本時間）`}</dd>
      </dl>
      <QuotaFacts recipients={p.recipients} quota={p.quota} />
      {!p.input.now && <p>送る相手は、予約した時点で決まります（その後にお知らせの設定をした方には届きません）。送る時までにブロックした方には送りません。</p>}
      <MessagePreview text={p.input.text} event={p.card} profile={p.profile} />
      <form method="post" action="/admin/broadcasts" class="actions">
        <CsrfField token={p.staff.csrfToken} />
        <Carried values={p.values} />
        <button type="submit">{p.input.now ? `${p.recipients.toLocaleString('ja-JP')}人に送信する` : 'この日時で送る予約をする'}</button>
        <button type="submit" class="secondary" formaction="/admin/broadcasts/new">
          戻って直す
        </button>
      </form>
    </AdminLayout>
  );
}
