export interface SentMessage {
  id: string;
  quoteToken?: string;
}

export type DeliveryVia = 'reply' | 'push' | 'multicast' | 'broadcast' | 'narrowcast';

export interface Delivery {
  seq: number;
  via: DeliveryVia;
  /** The message objects exactly as the bot sent them (shared between recipients of one request). */
  messages: readonly unknown[];
  requestId: string;
  at: number;
  notificationDisabled: boolean;
}

export interface RequestLogEntry {
  seq: number;
  method: string;
  path: string;
  status: number;
  requestId: string;
  retryKey?: string;
  recipients: number;
  at: number;
}

export interface EmulatorUser {
  userId: string;
  displayName: string;
  pictureUrl?: string;
  statusMessage?: string;
  language: string;
  following: boolean;
}

export interface NewUserInput {
  displayName: string;
  userId?: string;
  pictureUrl?: string;
  statusMessage?: string;
  language?: string;
  /** Defaults to true: a user the bot can talk to. */
  following?: boolean;
}

export interface NarrowcastProgress {
  phase: 'succeeded';
  successCount: number;
  failureCount: number;
  targetCount: number;
  acceptedTime: string;
  completedTime: string;
}
