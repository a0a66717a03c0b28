import { newReplyToken } from './ids';

interface IssuedToken {
  chatId: string;
  issuedAt: number;
}

/** Single-use reply tokens; Map insertion order is issue order, so expired ones are pruned from the front. */
export class ReplyTokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {}

  issue(chatId: string): string {
    this.prune();
    const token = newReplyToken();
    this.tokens.set(token, { chatId, issuedAt: this.now() });
    return token;
  }

  /** The chat the token belongs to, if it is still usable; does not consume it. */
  peek(token: string): string | null {
    const entry = this.tokens.get(token);
    if (!entry) return null;
    if (this.now() - entry.issuedAt > this.ttlMs) {
      this.tokens.delete(token);
      return null;
    }
    return entry.chatId;
  }

  consume(token: string): void {
    this.tokens.delete(token);
  }

  clear(): void {
    this.tokens.clear();
  }

  private prune(): void {
    const cutoff = this.now() - this.ttlMs;
    for (const [token, entry] of this.tokens) {
      if (entry.issuedAt >= cutoff) break;
      this.tokens.delete(token);
    }
  }
}
