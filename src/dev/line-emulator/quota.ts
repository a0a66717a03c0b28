const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** LINE counts the monthly message quota per calendar month in Japan time. */
function monthKey(epochMs: number): string {
  return new Date(epochMs + JST_OFFSET_MS).toISOString().slice(0, 7);
}

export class MonthlyQuota {
  private used = 0;
  private month: string;

  constructor(
    private readonly now: () => number,
    private limitValue: number | null,
  ) {
    this.month = monthKey(now());
  }

  get limit(): number | null {
    return this.limitValue;
  }

  get totalUsage(): number {
    this.roll();
    return this.used;
  }

  remaining(): number {
    return this.limitValue === null ? Number.POSITIVE_INFINITY : Math.max(0, this.limitValue - this.totalUsage);
  }

  canConsume(n: number): boolean {
    return n <= this.remaining();
  }

  consume(n: number): void {
    this.roll();
    this.used += n;
  }

  setLimit(limit: number | null): void {
    this.limitValue = limit;
  }

  setUsage(totalUsage: number): void {
    this.roll();
    this.used = totalUsage;
  }

  reset(): void {
    this.used = 0;
    this.month = monthKey(this.now());
  }

  private roll(): void {
    const current = monthKey(this.now());
    if (current !== this.month) {
      this.month = current;
      this.used = 0;
    }
  }
}
