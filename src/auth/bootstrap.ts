import { and, eq } from 'drizzle-orm';
import { staffUsers } from '../db/schema';
import type { Db } from '../db/types';
import type { Env } from '../env';
import type { Logger } from '../log';
import { systemClock, type Clock } from '../time/clock';
import { randomToken } from './bytes';
import { createStaffUser, normalizeEmail, setStaffPassword } from './users';

export const DEMO_ADMIN_EMAIL = 'admin@example.jp';

export interface BootstrapOptions {
  /** Local emulator mode (no LINE credentials): the only mode with a demo admin. */
  emulated: boolean;
  log: Logger;
  clock?: Clock;
  /** Where the demo password is shown (the console); never the structured log. */
  print?: (line: string) => void;
}

export type BootstrapResult =
  | { outcome: 'created'; source: 'env' | 'demo'; userId: string }
  | { outcome: 'exists'; source: 'env' }
  | { outcome: 'demo_password_reset'; userId: string }
  | { outcome: 'none' };

/**
 * The first admin. With ADMIN_EMAIL and ADMIN_PASSWORD: created when no user has that
 * email (an existing user is left alone, so changing the variables later changes nothing).
 * Without them, in emulator mode only: the demo admin admin@example.jp with a random
 * password printed once on the console. The printed password is the only copy, and a
 * restart starts a new console, so each emulator start gives the demo admin a fresh one.
 * In LINE mode nothing is invented and no password is ever printed.
 */
export async function bootstrapAdmin(
  db: Db,
  env: Pick<Env, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD'>,
  options: BootstrapOptions,
): Promise<BootstrapResult> {
  const { log } = options;
  const now = (options.clock ?? systemClock).now();
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    const user = await createStaffUser(db, { email: env.ADMIN_EMAIL, displayName: '管理者', role: 'admin', password: env.ADMIN_PASSWORD }, now);
    if (!user) return { outcome: 'exists', source: 'env' };
    log.info('auth.admin_created', { source: 'env', userId: user.id });
    return { outcome: 'created', source: 'env', userId: user.id };
  }
  if (!options.emulated) {
    const admins = await db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(and(eq(staffUsers.role, 'admin'), eq(staffUsers.active, true)))
      .limit(1);
    if (admins.length === 0) log.warn('auth.no_admin', { hint: 'set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin' });
    return { outcome: 'none' };
  }

  const print = options.print ?? ((line: string) => console.log(line));
  const password = randomToken(12); // 16 characters
  const created = await createStaffUser(db, { email: DEMO_ADMIN_EMAIL, displayName: 'デモ管理者', role: 'admin', password }, now);
  let result: BootstrapResult;
  if (created) {
    result = { outcome: 'created', source: 'demo', userId: created.id };
  } else {
    const existing = await db.select().from(staffUsers).where(eq(staffUsers.email, normalizeEmail(DEMO_ADMIN_EMAIL))).limit(1);
    const user = existing[0];
    if (!user) return { outcome: 'none' };
    await setStaffPassword(db, user.id, password);
    result = { outcome: 'demo_password_reset', userId: user.id };
  }
  log.info('auth.demo_admin', { outcome: result.outcome, userId: result.userId });
  print(
    [
      'デモ用の管理者（ローカルのエミュレーターモード専用。起動のたびに新しいパスワードになります）',
      `Demo admin (local emulator mode only; a new password at every start):`,
      `  メールアドレス / email:    ${DEMO_ADMIN_EMAIL}`,
      `  パスワード / password:     ${password}`,
    ].join('\n'),
  );
  return result;
}

/**
 * For the Worker, which has no start-up hook: returns a function that runs bootstrapAdmin
 * once per isolate on first use (never in emulator mode: there is none on Workers). A
 * failure is logged and retried on the next call instead of failing the request.
 */
export function lazyBootstrapAdmin(db: Db, env: Pick<Env, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD'>, log: Logger, clock?: Clock) {
  let done: Promise<void> | undefined;
  return (): Promise<void> => {
    if (!env.ADMIN_EMAIL) return Promise.resolve();
    done ??= bootstrapAdmin(db, env, { emulated: false, log, clock }).then(
      () => undefined,
      (error: unknown) => {
        done = undefined;
        log.error('auth.admin_bootstrap_failed', { error: error instanceof Error ? error.name : 'unknown' });
      },
    );
    return done;
  };
}
