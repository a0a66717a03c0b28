import type { messagingApi } from '@line/bot-sdk';

export type LineMessage = messagingApi.Message;

export type LineFailureKind =
  | 'invalid_reply_token'
  | 'already_accepted'
  | 'monthly_limit'
  | 'rate_limited'
  | 'server_error'
  | 'network_error'
  | 'rejected';

export type LineResult =
  | { ok: true; requestId?: string }
  | { ok: false; kind: LineFailureKind; status?: number; requestId?: string; retryAfterMs?: number };

/** This month's message quota: limit null = no limit (LINE's 'none'); used = messages counted so far. */
export interface LineQuota {
  limit: number | null;
  used: number;
}

/** The LINE Messaging API as the app uses it. One real implementation (line-client.ts). */
export interface LinePort {
  reply(replyToken: string, messages: LineMessage[]): Promise<LineResult>;
  push(to: string, messages: LineMessage[], retryKey: string): Promise<LineResult>;
  multicast(to: string[], messages: LineMessage[], retryKey: string): Promise<LineResult>;
  getDisplayName(userId: string): Promise<string | null>;
  showLoading(userId: string): Promise<void>;
  /** Null when LINE could not be asked. */
  getQuota(): Promise<LineQuota | null>;
}

/** Failures worth trying again with the same retry key: LINE's rate limit, its 5xx, the network. */
export const isRetriable = (result: LineResult): boolean =>
  !result.ok && (result.kind === 'rate_limited' || result.kind === 'server_error' || result.kind === 'network_error');

/** A failure as stored on a row and logged: its kind and HTTP status, never message content. */
export const describeResult = (result: LineResult): string | null => (result.ok ? null : `${result.kind}${result.status ? ` ${result.status}` : ''}`);
