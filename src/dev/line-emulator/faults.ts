import { createPrng } from './prng';

export const FAULT_STATUSES = [429, 500, 502, 503, 504] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

export interface QueuedFaultSpec {
  status: FaultStatus;
  /** How many matching requests fail (default 1). */
  count?: number;
  /** Only requests whose LINE path starts with this (e.g. "/v2/bot/message/push"). */
  pathPrefix?: string;
  /** Seconds for a `retry-after` header. */
  retryAfter?: number;
}

export interface RandomFaultSpec {
  rate: number;
  statuses: FaultStatus[];
  seed: number;
  pathPrefix?: string;
  retryAfter?: number;
}

export interface Fault {
  status: FaultStatus;
  retryAfter?: number;
}

export interface FaultSnapshot {
  queued: Array<{ status: FaultStatus; remaining: number; pathPrefix?: string; retryAfter?: number }>;
  random: Omit<RandomFaultSpec, 'seed'> | null;
}

export const FAULT_BODIES: Record<FaultStatus, string> = {
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

interface QueuedFault {
  status: FaultStatus;
  remaining: number;
  pathPrefix?: string;
  retryAfter?: number;
}

interface RandomMode {
  spec: RandomFaultSpec;
  next: () => number;
}

export class FaultInjector {
  private queue: QueuedFault[] = [];
  private random: RandomMode | null = null;

  enqueue(spec: QueuedFaultSpec): void {
    const remaining = spec.count ?? 1;
    if (remaining <= 0) return;
    this.queue.push({ status: spec.status, remaining, pathPrefix: spec.pathPrefix, retryAfter: spec.retryAfter });
  }

  setRandom(spec: RandomFaultSpec | null): void {
    this.random = spec && spec.rate > 0 && spec.statuses.length > 0 ? { spec, next: createPrng(spec.seed) } : null;
  }

  clear(): void {
    this.queue = [];
    this.random = null;
  }

  /** Decides whether the request to `path` fails; queued faults win over random ones. */
  take(path: string): Fault | null {
    const index = this.queue.findIndex((f) => !f.pathPrefix || path.startsWith(f.pathPrefix));
    if (index >= 0) {
      const fault = this.queue[index] as QueuedFault;
      fault.remaining--;
      if (fault.remaining <= 0) this.queue.splice(index, 1);
      return { status: fault.status, retryAfter: fault.retryAfter };
    }
    const random = this.random;
    if (!random || (random.spec.pathPrefix && !path.startsWith(random.spec.pathPrefix))) return null;
    if (random.next() >= random.spec.rate) return null;
    const statuses = random.spec.statuses;
    const status = statuses[Math.floor(random.next() * statuses.length)] as FaultStatus;
    return { status, retryAfter: random.spec.retryAfter };
  }

  snapshot(): FaultSnapshot {
    let random: FaultSnapshot['random'] = null;
    if (this.random) {
      const { seed: _seed, ...rest } = this.random.spec;
      random = rest;
    }
    return { queued: this.queue.map((f) => ({ ...f })), random };
  }
}
