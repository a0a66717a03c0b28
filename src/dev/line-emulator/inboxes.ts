import { BoundedLog } from './bounded-log';
import type { Delivery, DeliveryVia } from './types';

const PER_CHAT_CAPACITY = 1_000;

export interface DeliveryInput {
  via: DeliveryVia;
  messages: readonly unknown[];
  requestId: string;
  at: number;
  notificationDisabled: boolean;
}

/** What each user (or group/room) received, in global delivery order. */
export class Inboxes {
  private readonly byChat = new Map<string, BoundedLog<Delivery>>();
  private readonly counts = new Map<string, number>();
  /** One per delivery, so it is also the total count. */
  private seq = 0;

  deliver(chatIds: Iterable<string>, input: DeliveryInput): number {
    let delivered = 0;
    for (const chatId of chatIds) {
      let log = this.byChat.get(chatId);
      if (!log) {
        log = new BoundedLog<Delivery>(PER_CHAT_CAPACITY);
        this.byChat.set(chatId, log);
      }
      log.push({ seq: ++this.seq, ...input });
      this.counts.set(chatId, (this.counts.get(chatId) ?? 0) + 1);
      delivered++;
    }
    return delivered;
  }

  read(chatId: string, after = 0): Delivery[] {
    return this.byChat.get(chatId)?.after(after) ?? [];
  }

  get total(): number {
    return this.seq;
  }

  countsByChat(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  clear(): void {
    this.byChat.clear();
    this.counts.clear();
    this.seq = 0;
  }
}
