import { describe, expect, it } from 'vitest';
import { hashPassword, PBKDF2_ITERATIONS, verifyDummyPassword, verifyPassword } from '../../src/auth/password';

describe('passwords (PBKDF2-SHA256, Web Crypto)', () => {
  it('stores pbkdf2-sha256$100000$<salt>$<hash> with a 16-byte salt and a 32-byte hash', async () => {
    const stored = await hashPassword('とても長い合言葉 2026');
    const [scheme, iterations, salt, hash] = stored.split('$');
    expect(scheme).toBe('pbkdf2-sha256');
    expect(Number(iterations)).toBe(100_000);
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000); // the Workers limit
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64')).toHaveLength(32);
  });

  it('verifies the right password and refuses others', async () => {
    const stored = await hashPassword('correct-horse-battery');
    expect(await verifyPassword('correct-horse-battery', stored)).toBe(true);
    expect(await verifyPassword('correct-horse-batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    expect(await verifyPassword('correct-horse-battery ', stored)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const a = await hashPassword('same-password-123');
    const b = await hashPassword('same-password-123');
    expect(a).not.toBe(b);
    expect(await verifyPassword('same-password-123', b)).toBe(true);
  });

  it('matches an independent PBKDF2 (node:crypto) for the stored salt', async () => {
    const { pbkdf2Sync } = await import('node:crypto');
    const stored = await hashPassword('cross-check-pass');
    const [, iterations, salt, hash] = stored.split('$');
    const expected = pbkdf2Sync('cross-check-pass', Buffer.from(salt!, 'base64'), Number(iterations), 32, 'sha256');
    expect(expected.toString('base64')).toBe(hash);
  });

  it('treats malformed hashes and over-long inputs as a mismatch, without throwing', async () => {
    const stored = await hashPassword('correct-horse-battery');
    for (const bad of ['', 'plain', 'pbkdf2-sha256$100000$$', 'pbkdf2-sha256$abc$AAAA$AAAA', stored.replace('100000', '900000'), `bcrypt${stored.slice(13)}`]) {
      expect(await verifyPassword('correct-horse-battery', bad)).toBe(false);
    }
    expect(await verifyPassword('x'.repeat(257), stored)).toBe(false);
  });

  it('NFC-normalises, so the same Japanese password typed with combining marks still matches', async () => {
    const stored = await hashPassword('パスワードがぎっしり'); // precomposed が ぎ
    expect(await verifyPassword('パスワードか\u3099き\u3099っしり', stored)).toBe(true);
  });

  it('the dummy check always fails', async () => {
    expect(await verifyDummyPassword('anything-at-all')).toBe(false);
  });
});
