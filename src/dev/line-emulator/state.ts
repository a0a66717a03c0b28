import { FaultInjector, type QueuedFaultSpec, type RandomFaultSpec } from './faults';
import { createMessageIdSource, GROUP_OR_ROOM_ID_RE, newQuoteToken } from './ids';
import { Inboxes } from './inboxes';
import { MonthlyQuota } from './quota';
import { ReplyTokenStore } from './reply-tokens';
import { RequestLog } from './request-log';
import { RetryKeyStore } from './retry-keys';
import { RichMenuStore } from './rich-menus';
import type {
  Delivery,
  DeliveryVia,
  EmulatorUser,
  NarrowcastProgress,
  NewUserInput,
  RequestLogEntry,
  SentMessage,
} from './types';
import { UserDirectory } from './users';

export interface EmulatorOptions {
  now?: () => number;
  channelAccessToken?: string;
  replyTokenTtlMs?: number;
  monthlyLimit?: number | null;
  /** Called when a push/multicast/broadcast/narrowcast is accepted, before its answer is written (tests use it to crash the caller). */
  onAccepted?: (accepted: AcceptedSend) => void;
}

export interface AcceptedSend {
  via: SendInput['via'];
  requestId: string;
  delivered: number;
}

export interface EmulatorStats {
  deliveriesByUser: Record<string, number>;
  deliveries: number;
  requests: number;
  consumption: number;
  monthlyLimit: number | null;
  users: number;
  following: number;
}

export interface SendInput {
  via: Exclude<DeliveryVia, 'reply'>;
  chatIds: Iterable<string>;
  messages: readonly unknown[];
  requestId: string;
  notificationDisabled: boolean;
  /** Narrowcast `limit`: cap recipients, optionally to what the quota still allows. */
  max?: number;
  upToRemainingQuota?: boolean;
}

export type SendOutcome = { ok: true; delivered: number; targeted: number } | { ok: false; reason: 'quota' };

/** Thrown by state methods for caller mistakes; the control API maps it to an HTTP status. */
export class EmulatorError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

const QUOTABLE_TYPES = new Set(['text', 'textV2', 'sticker', 'image', 'video']);
const NARROWCAST_PROGRESS_CAPACITY = 1_000;

export class EmulatorState {
  readonly now: () => number;
  readonly channelAccessToken: string | undefined;
  readonly users = new UserDirectory();
  readonly inboxes = new Inboxes();
  readonly log = new RequestLog();
  readonly faults = new FaultInjector();
  readonly richMenus = new RichMenuStore();
  readonly replyTokens: ReplyTokenStore;
  readonly retryKeys: RetryKeyStore;
  readonly quota: MonthlyQuota;
  private readonly initialMonthlyLimit: number | null;
  private readonly onAccepted: EmulatorOptions['onAccepted'];
  private readonly narrowcasts = new Map<string, NarrowcastProgress>();
  private nextMessageId = createMessageIdSource();

  constructor(options: EmulatorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.channelAccessToken = options.channelAccessToken;
    this.initialMonthlyLimit = options.monthlyLimit ?? null;
    this.onAccepted = options.onAccepted;
    this.replyTokens = new ReplyTokenStore(this.now, options.replyTokenTtlMs ?? 60_000);
    this.retryKeys = new RetryKeyStore(this.now);
    this.quota = new MonthlyQuota(this.now, this.initialMonthlyLimit);
  }

  // ---- simulated users -------------------------------------------------

  addUser(input: NewUserInput): EmulatorUser {
    if (input.userId && this.users.get(input.userId)) throw new EmulatorError(409, 'User already exists');
    try {
      return this.users.add(input);
    } catch (err) {
      throw new EmulatorError(400, (err as Error).message);
    }
  }

  listUsers(): EmulatorUser[] {
    return this.users.list();
  }

  getUser(userId: string): EmulatorUser | undefined {
    return this.users.get(userId);
  }

  follow(userId: string): EmulatorUser {
    return this.requireUser(this.users.setFollowing(userId, true));
  }

  /** Same as blocking the account: the user receives nothing and the profile is hidden. */
  unfollow(userId: string): EmulatorUser {
    return this.requireUser(this.users.setFollowing(userId, false));
  }

  /** A reply token as LINE would put in a webhook event from this user (or group/room). */
  issueReplyToken(chatId: string): string {
    if (!this.users.get(chatId) && !GROUP_OR_ROOM_ID_RE.test(chatId)) throw new EmulatorError(404, 'Unknown user');
    return this.replyTokens.issue(chatId);
  }

  // ---- observation -----------------------------------------------------

  inbox(chatId: string, after = 0): Delivery[] {
    return this.inboxes.read(chatId, after);
  }

  requests(after = 0): RequestLogEntry[] {
    return this.log.after(after);
  }

  stats(): EmulatorStats {
    return {
      deliveriesByUser: this.inboxes.countsByChat(),
      deliveries: this.inboxes.total,
      requests: this.log.total,
      consumption: this.quota.totalUsage,
      monthlyLimit: this.quota.limit,
      users: this.users.size,
      following: this.users.following().length,
    };
  }

  narrowcastProgress(requestId: string): NarrowcastProgress | undefined {
    return this.narrowcasts.get(requestId);
  }

  // ---- test controls ---------------------------------------------------

  addFault(spec: QueuedFaultSpec): void {
    this.faults.enqueue(spec);
  }

  setRandomFaults(spec: RandomFaultSpec | null): void {
    this.faults.setRandom(spec);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  setMonthlyLimit(monthlyLimit: number | null): void {
    this.quota.setLimit(monthlyLimit);
  }

  setConsumption(totalUsage: number): void {
    this.quota.setUsage(totalUsage);
  }

  reset(): void {
    this.users.clear();
    this.inboxes.clear();
    this.log.clear();
    this.faults.clear();
    this.richMenus.clear();
    this.replyTokens.clear();
    this.retryKeys.clear();
    this.narrowcasts.clear();
    this.quota.setLimit(this.initialMonthlyLimit);
    this.quota.reset();
    this.nextMessageId = createMessageIdSource();
  }

  // ---- used by the LINE routes ------------------------------------------

  sentMessagesFor(messages: readonly unknown[]): SentMessage[] {
    return messages.map((m) => {
      const type = (m as { type?: unknown }).type;
      const id = this.nextMessageId();
      return typeof type === 'string' && QUOTABLE_TYPES.has(type) ? { id, quoteToken: newQuoteToken() } : { id };
    });
  }

  /** Replies are free and go to the chat the token was issued for (if the user still follows). */
  deliverReply(chatId: string, messages: readonly unknown[], requestId: string, notificationDisabled: boolean): number {
    if (!this.canReceive(chatId)) return 0;
    return this.inboxes.deliver([chatId], { via: 'reply', messages, requestId, at: this.now(), notificationDisabled });
  }

  /**
   * Delivers to the chats that can receive (following users, groups/rooms) and charges the quota
   * once per recipient; all-or-nothing, as LINE rejects a request that would exceed the limit.
   */
  send(input: SendInput): SendOutcome {
    const recipients: string[] = [];
    const seen = new Set<string>();
    for (const chatId of input.chatIds) {
      if (seen.has(chatId)) continue;
      seen.add(chatId);
      if (this.canReceive(chatId)) recipients.push(chatId);
    }
    const targeted = recipients.length;
    let cap = input.max ?? Number.POSITIVE_INFINITY;
    if (input.upToRemainingQuota) cap = Math.min(cap, this.quota.remaining());
    if (recipients.length > cap) recipients.length = cap;
    if (!this.quota.canConsume(recipients.length)) return { ok: false, reason: 'quota' };
    this.quota.consume(recipients.length);
    const delivered = this.inboxes.deliver(recipients, {
      via: input.via,
      messages: input.messages,
      requestId: input.requestId,
      at: this.now(),
      notificationDisabled: input.notificationDisabled,
    });
    this.onAccepted?.({ via: input.via, requestId: input.requestId, delivered });
    return { ok: true, delivered, targeted };
  }

  recordNarrowcast(requestId: string, targeted: number, delivered: number): void {
    const at = new Date(this.now()).toISOString();
    this.narrowcasts.set(requestId, {
      phase: 'succeeded',
      successCount: delivered,
      failureCount: 0,
      targetCount: targeted,
      acceptedTime: at,
      completedTime: at,
    });
    if (this.narrowcasts.size > NARROWCAST_PROGRESS_CAPACITY) {
      const oldest = this.narrowcasts.keys().next().value;
      if (oldest !== undefined) this.narrowcasts.delete(oldest);
    }
  }

  private canReceive(chatId: string): boolean {
    return this.users.isFollowing(chatId) || GROUP_OR_ROOM_ID_RE.test(chatId);
  }

  private requireUser(user: EmulatorUser | undefined): EmulatorUser {
    if (!user) throw new EmulatorError(404, 'Unknown user');
    return user;
  }
}
