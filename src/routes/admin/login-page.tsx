import { FieldError, invalid } from './field';
import { CsrfField, AdminLayout } from './layout';

export interface LoginErrors {
  email?: string;
  password?: string;
  /** About the whole form (throttling, an expired form); shown above the fields. */
  form?: string;
}

export interface LoginPageProps {
  csrfToken: string;
  /** Where to go after logging in (already checked to be an admin path). */
  next?: string;
  /** What the visitor typed, kept on error; the password never is. */
  email?: string;
  errors?: LoginErrors;
  notice?: string;
}

export function LoginPage(props: LoginPageProps) {
  const errors = props.errors ?? {};
  const focus = errors.email || !props.email ? 'email' : 'password';
  return (
    <AdminLayout title="ログイン">
      <div class="card login">
        <h1>ログイン</h1>
        {props.notice && (
          <p class="notice" role="status">
            {props.notice}
          </p>
        )}
        {errors.form && (
          <p class="form-error" role="alert" id="form-error">
            {errors.form}
          </p>
        )}
        <form method="post" action="/admin/login" aria-describedby={errors.form ? 'form-error' : undefined}>
          <CsrfField token={props.csrfToken} />
          {props.next && <input type="hidden" name="next" value={props.next} />}
          <div class="field">
            <label for="email">メールアドレス</label>
            <input
              id="email"
              name="email"
              type="email"
              inputmode="email"
              autocomplete="username"
              required
              maxlength={254}
              value={props.email ?? ''}
              autofocus={focus === 'email'}
              {...invalid(errors.email, 'email-error')}
            />
            <FieldError id="email-error" message={errors.email} />
          </div>
          <div class="field">
            <label for="password">パスワード</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              autofocus={focus === 'password'}
              {...invalid(errors.password, 'password-error')}
            />
            <FieldError id="password-error" message={errors.password} />
          </div>
          <button type="submit">ログイン</button>
        </form>
      </div>
    </AdminLayout>
  );
}
