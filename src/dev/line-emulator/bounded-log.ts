/**
 * Append-only log that keeps the newest `capacity` entries, ordered by an increasing `seq`.
 * Trimming is amortised O(1) (compaction happens once per `capacity` drops) so a hot path that
 * appends hundreds of thousands of entries never shifts a large array per append.
 */
export class BoundedLog<T extends { seq: number }> {
  private items: T[] = [];
  private head = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
    if (this.items.length - this.head > this.capacity) {
      this.head++;
      if (this.head >= this.capacity) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
    }
  }

  /** Entries with seq > after, oldest first. */
  after(after = 0, limit = Number.POSITIVE_INFINITY): T[] {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.items[mid] as T).seq <= after) lo = mid + 1;
      else hi = mid;
    }
    const end = Number.isFinite(limit) ? Math.min(this.items.length, lo + limit) : this.items.length;
    return this.items.slice(lo, end);
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
