// Fixed-window counters per key (a person asked for, a client address), kept in an LRU so a flood of distinct keys
// cannot grow memory without bound. In-process: several API processes each count their own.
import { LRUCache } from 'lru-cache';

export class RateLimiter {
  private readonly hits: LRUCache<string, { n: number }>;

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {
    this.hits = new LRUCache({ max: 50_000, ttl: windowMs, ttlAutopurge: false });
  }

  /** Counts one hit; false when the key is over its limit in this window. */
  take(key: string): boolean {
    const h = this.hits.get(key);
    if (!h) {
      this.hits.set(key, { n: 1 });
      return this.max >= 1;
    }
    h.n++;
    return h.n <= this.max;
  }

  /** Whether the key is already over its limit (without counting). */
  blocked(key: string): boolean {
    return (this.hits.get(key)?.n ?? 0) >= this.max;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }
}
