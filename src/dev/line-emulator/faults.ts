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
  /** The request takes effect (delivered, retry key accepted), then the caller gets the fault: a lost response. */
  lostResponse?: boolean;
}

export interface RandomFaultSpec {
  rate: number;
  statuses: FaultStatus[];
  seed: number;
  pathPrefix?: string;
  retryAfter?: number;
  /** Share of the random 5xx faults that are lost responses (see QueuedFaultSpec); default 0. */
  lostResponseRate?: number;
}

export interface Fault {
  status: FaultStatus;
  retryAfter?: number;
  lostResponse?: boolean;
}

interface QueuedFault {
  status: FaultStatus;
  remaining: number;
  pathPrefix?: string;
  retryAfter?: number;
  lostResponse?: boolean;
}

export interface FaultSnapshot {
  queued: QueuedFault[];
  random: Omit<RandomFaultSpec, 'seed'> | null;
}

export const FAULT_BODIES: Record<FaultStatus, string> = {
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

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
    this.queue.push({
      status: spec.status,
      remaining,
      pathPrefix: spec.pathPrefix,
      retryAfter: spec.retryAfter,
      ...(spec.lostResponse ? { lostResponse: true } : {}),
    });
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
      return { status: fault.status, retryAfter: fault.retryAfter, ...(fault.lostResponse ? { lostResponse: true } : {}) };
    }
    const random = this.random;
    if (!random || (random.spec.pathPrefix && !path.startsWith(random.spec.pathPrefix))) return null;
    if (random.next() >= random.spec.rate) return null;
    const statuses = random.spec.statuses;
    const status = statuses[Math.floor(random.next() * statuses.length)] as FaultStatus;
    // A 429 is LINE refusing; only a server error can hide an accepted request.
    const lostResponse = status >= 500 && random.spec.lostResponseRate ? random.next() < random.spec.lostResponseRate : false;
    return { status, retryAfter: random.spec.retryAfter, ...(lostResponse ? { lostResponse } : {}) };
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
