import { randomUUID } from 'node:crypto';
import { type RunningLineEmulator, startLineEmulator } from '../../../src/dev/line-emulator/serve';
import type { EmulatorOptions } from '../../../src/dev/line-emulator/state';
import type { EmulatorUser } from '../../../src/dev/line-emulator/types';

export const TOKEN = 'test-channel-access-token';

export interface HttpResult {
  status: number;
  headers: Headers;
  body: any;
}

export interface Api {
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  get(path: string, headers?: Record<string, string>): Promise<HttpResult>;
}

export function apiFor(baseUrl: string, token: string | null = TOKEN): Api {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // leave as text
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
  return {
    call,
    post: (path, body, headers) => call('POST', path, body, headers),
    get: (path, headers) => call('GET', path, undefined, headers),
  };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningLineEmulator & { api: Api }> {
  const emulator = await startLineEmulator({ channelAccessToken: TOKEN, ...options });
  return { ...emulator, api: apiFor(emulator.url) };
}

export async function createUser(api: Api, displayName = '山田 花子', extra: Record<string, unknown> = {}): Promise<EmulatorUser> {
  const res = await api.post('/__emulator/users', { displayName, ...extra });
  if (res.status !== 201) throw new Error(`createUser: ${res.status}`);
  return res.body as EmulatorUser;
}

export async function replyToken(api: Api, userId: string): Promise<string> {
  const res = await api.post('/__emulator/reply-tokens', { userId });
  return res.body.replyToken as string;
}

export const uuid = (): string => randomUUID();
export const text = (value = 'こんにちは'): { type: 'text'; text: string } => ({ type: 'text', text: value });
export const fakeUserId = (n: number): string => `U${n.toString(16).padStart(32, '0')}`;

/** A controllable clock for reply-token and retry-key expiry. */
export function manualClock(start = Date.UTC(2025, 3, 1, 3, 0, 0)): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}
