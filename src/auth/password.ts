import { fromBase64, randomBytes, timingSafeEqual, toBase64 } from './bytes';

// PBKDF2-SHA256 through Web Crypto, which Workers and Node both provide.
// 100,000 iterations is the most Cloudflare Workers accept: in production,
// crypto.subtle.deriveBits throws "NotSupportedError: Pbkdf2 failed: iteration counts
// above 100000 are not supported". Node, local workerd and `wrangler dev` do not enforce
// it, so no local test would notice a higher count: a hash made with more (e.g. by the
// Node door) would then fail every login on the Worker. Hashes with a higher count are
// therefore refused everywhere (parse below). The count is stored in each hash, so it can
// be raised later if the platform allows it.
export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const PREFIX = 'pbkdf2-sha256';
/** Longer inputs are refused rather than hashed (bounds the work one request can cause). */
export const MAX_PASSWORD_LENGTH = 256;
export const MIN_PASSWORD_LENGTH = 12;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

/** `pbkdf2-sha256$100000$<salt b64>$<hash b64>` */
export async function hashPassword(password: string): Promise<string> {
  if (password.length > MAX_PASSWORD_LENGTH) throw new RangeError('password too long');
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return `${PREFIX}$${PBKDF2_ITERATIONS}$${toBase64(salt)}$${toBase64(hash)}`;
}

function parse(stored: string): { iterations: number; salt: Uint8Array; hash: Uint8Array } | null {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== PREFIX) return null;
  const iterations = Number(parts[1]);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > PBKDF2_ITERATIONS) return null;
  const salt = fromBase64(parts[2]!);
  const hash = fromBase64(parts[3]!);
  if (!salt || !hash || salt.length < 8 || hash.length !== HASH_BITS / 8) return null;
  return { iterations, salt, hash };
}

/** False for a wrong password, a malformed hash or an over-long input; never throws for those. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || password.length > MAX_PASSWORD_LENGTH) return false;
  return timingSafeEqual(await derive(password, parsed.salt, parsed.iterations), parsed.hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * Does the same work as checking a real password and always fails: used when the email
 * is unknown or inactive, so response time does not tell which emails exist.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword(toBase64(randomBytes(16)));
  await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), await dummyHash);
  return false;
}
