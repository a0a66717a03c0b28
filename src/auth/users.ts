import { eq } from 'drizzle-orm';
import { staffUsers, type StaffRole, type StaffUser } from '../db/schema';
import type { Db } from '../db/types';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password';

/** Emails are compared and stored lower-cased and trimmed (NFKC folds full-width input). */
export const normalizeEmail = (email: string) => email.normalize('NFKC').trim().toLowerCase();

export class PasswordPolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PasswordPolicyError';
  }
}

/** Japanese reason a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください。`;
  if (password.length > MAX_PASSWORD_LENGTH) return `パスワードは${MAX_PASSWORD_LENGTH}文字以内にしてください。`;
  return null;
}

export interface NewStaffUser {
  email: string;
  displayName: string;
  role: StaffRole;
  password: string;
  active?: boolean;
}

/**
 * Inserts a user; returns it, or null when the email is already taken (the unique key
 * decides, so two concurrent creations cannot both succeed).
 */
export async function createStaffUser(db: Db, input: NewStaffUser, now: Date): Promise<StaffUser | null> {
  const problem = passwordProblem(input.password);
  if (problem) throw new PasswordPolicyError(problem);
  const rows = await db
    .insert(staffUsers)
    .values({
      id: crypto.randomUUID(),
      email: normalizeEmail(input.email),
      displayName: input.displayName.trim(),
      role: input.role,
      passwordHash: await hashPassword(input.password),
      active: input.active ?? true,
      createdAt: now,
    })
    .onConflictDoNothing({ target: staffUsers.email })
    .returning();
  return rows[0] ?? null;
}

export async function findStaffByEmail(db: Db, email: string): Promise<StaffUser | undefined> {
  const rows = await db.select().from(staffUsers).where(eq(staffUsers.email, normalizeEmail(email))).limit(1);
  return rows[0];
}

/** Sets a new password (policy-checked). Callers should also revoke the user's sessions. */
export async function setStaffPassword(db: Db, userId: string, password: string): Promise<boolean> {
  const problem = passwordProblem(password);
  if (problem) throw new PasswordPolicyError(problem);
  const result = await db
    .update(staffUsers)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(staffUsers.id, userId));
  return result.rowsAffected > 0;
}
