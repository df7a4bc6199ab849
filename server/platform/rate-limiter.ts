/**
 * A fixed-window counter per key, in memory (one server process; behind a load balancer each
 * instance limits on its own, which still bounds brute force per instance).
 */
export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Seconds until the key may try again, or 0 when it is under the limit. Does not count. */
  retryAfter(key: string, now: number): number {
    const h = this.hits.get(key);
    if (!h || h.resetAt <= now) return 0;
    return h.count >= this.limit ? Math.ceil((h.resetAt - now) / 1000) : 0;
  }

  /** Counts one hit. */
  hit(key: string, now: number): void {
    const h = this.hits.get(key);
    if (!h || h.resetAt <= now) this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
    else h.count++;
    if (this.hits.size > 100_000) this.sweep(now);
  }

  /** Forgets a key (e.g. after a successful login). */
  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(now: number) {
    for (const [k, h] of this.hits) if (h.resetAt <= now) this.hits.delete(k);
  }
}
