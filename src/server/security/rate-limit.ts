/**
 * A sliding-window counter per key (an address). In memory on purpose: a restart forgives
 * everyone, which is harmless, and nothing is written to disk per failed attempt.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it is under the limit. Does not count. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    return recent.length < this.limit ? 0 : recent[0]! + this.windowMs - this.now();
  }

  hit(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.hits.set(key, recent);
    // Bound memory under a flood of distinct addresses: forget the idle ones.
    if (this.hits.size > 10_000) for (const k of this.hits.keys()) if (this.recent(k).length === 0) this.hits.delete(k);
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) this.hits.delete(key);
    else this.hits.set(key, list);
    return list;
  }
}

/** Token bucket for messages on one socket: bursts are fine, floods are refused. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
