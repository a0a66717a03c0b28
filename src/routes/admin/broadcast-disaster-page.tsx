import type { StaffPrincipal } from '../../auth/sessions';
import { BROADCAST_JS_PATH } from './broadcast-compose-page';
import { people } from './broadcast-labels';
import { NoticeTextField, QuotaFacts, type QuotaAnswer } from './broadcast-parts';
import { AdminLayout, CsrfField } from './layout';
import { AdminNav } from './nav';

export interface DisasterPageProps {
  staff: StaffPrincipal;
  text: string;
  requestKey: string;
  recipients: number;
  quota: QuotaAnswer;
  problem?: DisasterProblem | undefined;
}

/** What was wrong: the text (shown next to it), or anything else (shown above the form). */
export interface DisasterProblem {
  field: string;
  message: string;
}

/**
 * 災害時のお知らせ: the profile's text (editable) to everyone opted in, whatever areas and
 * kinds they chose. This page is the confirmation: one button sends it now.
 */
export function DisasterPage(p: DisasterPageProps) {
  return (
    <AdminLayout title="災害時のお知らせを送る" staff={p.staff} nav={<AdminNav staff={p.staff} current="/admin/broadcasts" />}>
      <h1>災害時のお知らせを送る</h1>
      <p>お知らせを受け取る設定をしたすべての方に、地区や種類の設定にかかわらず、すぐに送ります。</p>
      <QuotaFacts recipients={p.recipients} quota={p.quota} />
      {p.problem && (
        <p class="form-error" role="alert">
          {p.problem.field === 'text' ? '入力内容を確認してください。' : p.problem.message}
        </p>
      )}
      <form method="post" action="/admin/broadcasts/disaster" class="card" novalidate>
        <CsrfField token={p.staff.csrfToken} />
        <input type="hidden" name="requestKey" value={p.requestKey} />
        <NoticeTextField value={p.text} error={p.problem?.field === 'text' ? p.problem.message : undefined} label="本文（必要なら書きかえてください。5,000文字まで）" />
        <h2>本当に送りますか？</h2>
        {p.recipients === 0 ? (
          <p>いまは、お知らせを受け取る設定をした方がいないため、送る相手がいません。</p>
        ) : (
          <>
            <p>送ったお知らせは取り消せません。{people(p.recipients)}に届きます。</p>
            <button type="submit">はい、{people(p.recipients)}に送ります</button>
          </>
        )}
      </form>
      <p>
        <a href="/admin/broadcasts">送らずに一覧へ戻る</a>
      </p>
      <script src={BROADCAST_JS_PATH} defer></script>
    </AdminLayout>
  );
}
