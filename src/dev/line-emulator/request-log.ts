import { BoundedLog } from './bounded-log';
import type { RequestLogEntry } from './types';

const CAPACITY = 10_000;

export class RequestLog {
  private readonly log = new BoundedLog<RequestLogEntry>(CAPACITY);
  private seq = 0;

  record(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full = { seq: ++this.seq, ...entry };
    this.log.push(full);
    return full;
  }

  after(after = 0): RequestLogEntry[] {
    return this.log.after(after);
  }

  /** All requests since the last reset, including those trimmed from the log. */
  get total(): number {
    return this.seq;
  }

  clear(): void {
    this.log.clear();
    this.seq = 0;
  }
}
