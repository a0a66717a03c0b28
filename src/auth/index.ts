// The admin app's security core; see each file for the why.
export { hashPassword, verifyPassword, PBKDF2_ITERATIONS, MIN_PASSWORD_LENGTH } from './password';
export {
  createSession,
  loadSession,
  deleteSession,
  revokeUserSessions,
  pruneSessions,
  IDLE_TIMEOUT_MS,
  ABSOLUTE_TIMEOUT_MS,
  type StaffPrincipal,
} from './sessions';
export { requireStaff } from './require-staff';
export { rejectCrossSite, CSRF_FIELD, CSRF_HEADER } from './csrf';
export { adminSecurityHeaders } from './security-headers';
export { recordAudit, auditInsert, type AuditEntry } from './audit';
export { bootstrapAdmin, lazyBootstrapAdmin, DEMO_ADMIN_EMAIL } from './bootstrap';
export { createStaffUser, findStaffByEmail, setStaffPassword, normalizeEmail, passwordProblem, PasswordPolicyError } from './users';
export { attemptLogin } from './login';
export { ADMIN_HOME_PATH, ADMIN_LOGIN_PATH, type AdminEnv, type AuthDeps } from './types';
