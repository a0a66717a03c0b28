import { describe, expect, it } from 'vitest';
import { ConfigError, isEmulatorMode, parseEnv } from '../src/env';

describe('configuration', () => {
  it('has working defaults: emulator mode, local file database, port 8787', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ DATABASE_URL: 'file:./data/tsunagu.db', PORT: 8787, LINE_API_BASE_URL: 'https://api.line.me' });
    expect(isEmulatorMode(env)).toBe(true);
  });

  it('real credentials leave emulator mode', () => {
    expect(isEmulatorMode(parseEnv({ LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't' }))).toBe(false);
  });

  it('names every bad key in one clear error', () => {
    const bad = () => parseEnv({ PORT: 'eighty', DATABASE_URL: 'postgres://db', LINE_API_BASE_URL: 'ftp://x' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/PORT/);
    expect(bad).toThrow(/DATABASE_URL/);
    expect(bad).toThrow(/LINE_API_BASE_URL/);
  });

  it('a secret without a token (or the reverse) is refused', () => {
    expect(() => parseEnv({ LINE_CHANNEL_SECRET: 's' })).toThrow(/LINE_CHANNEL_ACCESS_TOKEN/);
  });
});
