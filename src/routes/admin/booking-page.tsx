import type { StaffPrincipal } from '../../auth/sessions';
import type { BookableService } from '../../booking/service';
import type { BookingClosureRow, BookingRow } from '../../db/schema';
import { formatTokyo, tokyoParts, weekdayKanji } from '../../time/tokyo';
import { invalid as ariaInvalid } from './field';
import { BOOKING_STATUS_LABELS } from './labels';
import { AdminLayout, CsrfField } from './layout';
import { AdminNav } from './nav';

export type BookingView = 'day' | 'week';

/** One scheduled slot as staff see it: its bookings (cancelled ones included) and any block. */
export interface SlotLine {
  start: Date;
  end: Date;
  seats: number;
  /** Bookings that are not cancelled. */
  held: number;
  bookings: BookingRow[];
  closure?: BookingClosureRow | undefined;
}

export interface DayLines {
  date: string;
  slots: SlotLine[];
}

/** Which form a bad submission came from, what was wrong per field, and what was typed. */
export interface FormProblem {
  form: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

export interface BookingPageProps {
  staff: StaffPrincipal;
  services: BookableService[];
  service: BookableService;
  view: BookingView;
  date: string;
  days: DayLines[];
  /** Staff closures touching the shown range (whole-day ones are listed with 解除). */
  closures: BookingClosureRow[];
  /** Display names of LINE residents by resident id. */
  names: ReadonlyMap<string, string>;
  /** A fresh idempotency key for the phone-booking form (kept when the form comes back with errors). */
  requestKey: string;
  notice?: string | undefined;
  problem?: FormProblem | undefined;
  prevDate: string;
  nextDate: string;
}

const hm = (d: Date) => formatTokyo(d, 'H:mm');
const dayTitle = (iso: string) => formatTokyo(new Date(`${iso}T00:00:00+09:00`), 'M月D日(ddd)');

/** The error the last submission of `form` got for `field`, if any. */
const problemAt = (problem: FormProblem | undefined, form: string, field: string) => (problem?.form === form ? problem.errors[field] : undefined);

function FieldError(p: { problem: FormProblem | undefined; form: string; field: string; id: string }) {
  const msg = problemAt(p.problem, p.form, p.field);
  return msg ? (
    <p class="error" id={p.id}>
      {msg}
    </p>
  ) : null;
}

/** aria attributes for a field that may carry an error. */
const invalid = (problem: FormProblem | undefined, form: string, field: string, id: string) => ariaInvalid(problemAt(problem, form, field), id);

function who(b: BookingRow, names: ReadonlyMap<string, string>): string {
  if (b.residentId) return names.get(b.residentId) ?? 'LINEの相談者（お名前なし）';
  return `${b.contactName ?? '（お名前なし）'}（電話予約）`;
}

function Hidden(p: { service: string; date: string; view: BookingView }) {
  return (
    <>
      <input type="hidden" name="service" value={p.service} />
      <input type="hidden" name="date" value={p.date} />
      <input type="hidden" name="view" value={p.view} />
    </>
  );
}

function BookingItem(p: { b: BookingRow; props: BookingPageProps }) {
  const { b, props } = p;
  const form = `cancel-${b.id}`;
  const typed = props.problem?.form === form ? props.problem.values : {};
  const ctx = { service: props.service.id, date: props.date, view: props.view };
  return (
    <li class="booking">
      <p>
        <strong>{who(b, props.names)}</strong> ／ {b.contact === 'line' ? 'LINEで連絡' : '電話で連絡'}
        {b.contactPhone ? ` ／ 電話 ${b.contactPhone}` : ''} ／ 状態：{BOOKING_STATUS_LABELS[b.status]}
      </p>
      {b.status !== 'cancelled' && (
        <form method="post" action={`/admin/bookings/${b.id}/attendance`} class="inline">
          <CsrfField token={props.staff.csrfToken} />
          <Hidden {...ctx} />
          <button type="submit" name="status" value="attended" class="secondary">
            来所を記録
          </button>
          <button type="submit" name="status" value="no_show" class="secondary">
            欠席を記録
          </button>
        </form>
      )}
      {b.status === 'booked' && (
        <form method="post" action={`/admin/bookings/${b.id}/cancel`}>
          <CsrfField token={props.staff.csrfToken} />
          <Hidden {...ctx} />
          <div class="field">
            <label for={`${form}-message`}>
              {b.residentId ? 'キャンセルの理由（LINEで相談者に届きます。200文字以内、空でも可）' : 'キャンセルの理由（記録のみ。電話でお知らせください）'}
            </label>
            <textarea id={`${form}-message`} name="message" rows={2} {...invalid(props.problem, form, 'message', `${form}-message-error`)}>
              {typed.message ?? ''}
            </textarea>
            <FieldError problem={props.problem} form={form} field="message" id={`${form}-message-error`} />
          </div>
          <button type="submit" class="secondary">
            この予約をキャンセルする
          </button>
        </form>
      )}
    </li>
  );
}

function DayView(props: BookingPageProps) {
  const day = props.days[0];
  const ctx = { service: props.service.id, date: props.date, view: props.view };
  const p = props.problem;
  const typed = (form: string) => (p?.form === form ? p.values : {});
  const phone = typed('phone');
  const block = typed('closure');
  const openSlots = (day?.slots ?? []).filter((s) => !s.closure && s.held < s.seats);
  const dayClosures = props.closures.filter((c) => c.allDay || !day?.slots.some((s) => s.closure?.id === c.id));
  return (
    <>
      <h2>{dayTitle(props.date)} の予約</h2>
      {dayClosures.length > 0 && (
        <ul class="closures">
          {dayClosures.map((c) => (
            <li>
              受付停止：{c.allDay ? '終日' : `${hm(c.startsAt)}〜${hm(c.endsAt)}`}（{c.reason ?? '理由なし'}）
              <form method="post" action={`/admin/bookings/closures/${c.id}/delete`} class="inline">
                <CsrfField token={props.staff.csrfToken} />
                <Hidden {...ctx} />
                <button type="submit" class="secondary">
                  受付を再開する
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {!day || day.slots.length === 0 ? (
        <p>この日は予約の枠がありません（休みの曜日・祝日・年末年始など）。</p>
      ) : (
        <table>
          <caption class="visually-hidden">{dayTitle(props.date)} の枠と予約</caption>
          <thead>
            <tr>
              <th scope="col">時間</th>
              <th scope="col">予約数／定員</th>
              <th scope="col">予約している方</th>
              <th scope="col">枠の受付</th>
            </tr>
          </thead>
          <tbody>
            {day.slots.map((s) => (
              <tr>
                <th scope="row">
                  {hm(s.start)}〜{hm(s.end)}
                </th>
                <td>
                  {s.held}／{s.seats}
                  {s.closure ? '（受付停止）' : s.held >= s.seats ? '（満席）' : ''}
                </td>
                <td>
                  {s.bookings.length === 0 ? (
                    'なし'
                  ) : (
                    <ul class="bookings">
                      {s.bookings.map((b) => (
                        <BookingItem b={b} props={props} />
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {s.closure ? (
                    <form method="post" action={`/admin/bookings/closures/${s.closure.id}/delete`}>
                      <CsrfField token={props.staff.csrfToken} />
                      <Hidden {...ctx} />
                      <p>停止中（{s.closure.reason ?? '理由なし'}）</p>
                      <button type="submit" class="secondary">
                        受付を再開する
                      </button>
                    </form>
                  ) : (
                    <form method="post" action="/admin/bookings/closures">
                      <CsrfField token={props.staff.csrfToken} />
                      <Hidden {...ctx} />
                      <input type="hidden" name="scope" value="slot" />
                      <input type="hidden" name="slot" value={s.start.toISOString()} />
                      <label for={`block-${s.start.getTime()}`}>停止の理由</label>
                      <input
                        id={`block-${s.start.getTime()}`}
                        name="reason"
                        maxlength={100}
                        value={typed(`closure-${s.start.getTime()}`).reason ?? ''}
                        {...invalid(p, `closure-${s.start.getTime()}`, 'reason', `block-${s.start.getTime()}-error`)}
                      />
                      <FieldError problem={p} form={`closure-${s.start.getTime()}`} field="reason" id={`block-${s.start.getTime()}-error`} />
                      <button type="submit" class="secondary">
                        この枠の受付を止める
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form method="post" action="/admin/bookings/phone" class="card" novalidate>
        <h2>電話で受けた予約を登録する</h2>
        <CsrfField token={props.staff.csrfToken} />
        <Hidden {...ctx} />
        <input type="hidden" name="requestKey" value={phone.requestKey ?? props.requestKey} />
        <div class="field">
          <label for="phone-slot">時間</label>
          <select id="phone-slot" name="slot" {...invalid(p, 'phone', 'slot', 'phone-slot-error')}>
            <option value="">選んでください</option>
            {openSlots.map((s) => (
              <option value={s.start.toISOString()} selected={phone.slot === s.start.toISOString()}>
                {hm(s.start)}〜{hm(s.end)}（残り{s.seats - s.held}席）
              </option>
            ))}
          </select>
          <FieldError problem={p} form="phone" field="slot" id="phone-slot-error" />
        </div>
        <div class="field">
          <label for="phone-name">お名前</label>
          <input id="phone-name" name="contactName" maxlength={50} value={phone.contactName ?? ''} {...invalid(p, 'phone', 'contactName', 'phone-name-error')} />
          <FieldError problem={p} form="phone" field="contactName" id="phone-name-error" />
        </div>
        <div class="field">
          <label for="phone-phone">電話番号（例：0X-XXXX-XXXX）</label>
          <input id="phone-phone" name="contactPhone" type="tel" maxlength={20} value={phone.contactPhone ?? ''} {...invalid(p, 'phone', 'contactPhone', 'phone-phone-error')} />
          <FieldError problem={p} form="phone" field="contactPhone" id="phone-phone-error" />
        </div>
        <button type="submit">予約を登録する</button>
      </form>

      <form method="post" action="/admin/bookings/closures" class="card" novalidate>
        <h2>この日の受付をすべて止める</h2>
        <CsrfField token={props.staff.csrfToken} />
        <Hidden {...ctx} />
        <input type="hidden" name="scope" value="day" />
        <p>すでに入っている予約はそのまま残ります。必要ならキャンセルしてください。</p>
        <div class="field">
          <label for="day-reason">理由（100文字以内、例：研修のため）</label>
          <input id="day-reason" name="reason" maxlength={100} value={block.reason ?? ''} {...invalid(p, 'closure', 'reason', 'day-reason-error')} />
          <FieldError problem={p} form="closure" field="reason" id="day-reason-error" />
        </div>
        <button type="submit" class="secondary">
          {dayTitle(props.date)} の受付を止める
        </button>
      </form>
    </>
  );
}

function WeekView(props: BookingPageProps) {
  return (
    <>
      <h2>
        {dayTitle(props.days[0]?.date ?? props.date)}から7日間
      </h2>
      <table>
        <caption class="visually-hidden">週の予約数</caption>
        <thead>
          <tr>
            <th scope="col">日付</th>
            <th scope="col">枠ごとの予約数／定員</th>
            <th scope="col">合計</th>
          </tr>
        </thead>
        <tbody>
          {props.days.map((d) => (
            <tr>
              <th scope="row">
                <a href={`/admin/bookings?service=${encodeURIComponent(props.service.id)}&date=${d.date}&view=day`}>{dayTitle(d.date)}</a>
              </th>
              <td>
                {d.slots.length === 0 ? (
                  '枠なし'
                ) : (
                  <ul class="week-slots">
                    {d.slots.map((s) => (
                      <li>
                        {hm(s.start)} {s.closure ? '受付停止' : `${s.held}／${s.seats}`}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{d.slots.reduce((n, s) => n + s.held, 0)}件</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function BookingPage(props: BookingPageProps) {
  const link = (date: string, view: BookingView) => `/admin/bookings?service=${encodeURIComponent(props.service.id)}&date=${date}&view=${view}`;
  const p = tokyoParts(new Date(`${props.date}T00:00:00+09:00`));
  return (
    <AdminLayout title="予約" staff={props.staff} nav={<AdminNav staff={props.staff} current="/admin/bookings" />}>
      <h1>予約</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {props.problem && (
        <p class="error" role="alert">
          入力内容を確認してください。
        </p>
      )}
      <form method="get" action="/admin/bookings" class="inline">
        <label for="pick-service">相談</label>
        <select id="pick-service" name="service">
          {props.services.map((s) => (
            <option value={s.id} selected={s.id === props.service.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label for="pick-date">日付</label>
        <input id="pick-date" name="date" type="date" value={props.date} />
        <label for="pick-view">表示</label>
        <select id="pick-view" name="view">
          <option value="day" selected={props.view === 'day'}>
            日
          </option>
          <option value="week" selected={props.view === 'week'}>
            週
          </option>
        </select>
        <button type="submit" class="secondary">
          表示する
        </button>
      </form>
      <nav aria-label="日付の移動" class="tabs">
        <ul>
          <li>
            <a href={link(props.prevDate, props.view)}>{props.view === 'day' ? '前の日' : '前の週'}</a>
          </li>
          <li>
            <a href={link(props.date, 'day')} aria-current={props.view === 'day' ? 'page' : undefined}>
              日（{p.month}月{p.day}日({weekdayKanji(p.weekday)})）
            </a>
          </li>
          <li>
            <a href={link(props.date, 'week')} aria-current={props.view === 'week' ? 'page' : undefined}>
              週
            </a>
          </li>
          <li>
            <a href={link(props.nextDate, props.view)}>{props.view === 'day' ? '次の日' : '次の週'}</a>
          </li>
        </ul>
      </nav>
      {props.view === 'day' ? <DayView {...props} /> : <WeekView {...props} />}
    </AdminLayout>
  );
}
