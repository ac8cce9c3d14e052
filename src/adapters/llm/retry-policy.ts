// Retries with exponential backoff and jitter for errors that say another attempt may help (429, 5xx, timeouts,
// connection errors). A server's Retry-After is honoured when it is not longer than we are willing to wait; a longer
// one ends the retries at once. Total attempts are capped. Sleeping is injectable so tests never wait for real.
import { LlmError } from './llm-errors.ts';

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryPolicyOptions {
  /** Attempts in all, the first included (≥ 1). */
  maxAttempts: number;
  /** Delay before the 2nd attempt; doubled for each further one, before jitter. */
  baseDelayMs: number;
  /** Upper bound on a backoff delay. */
  maxDelayMs: number;
  /** The longest Retry-After we wait for; a longer one gives up instead of stalling the chat. */
  maxRetryAfterMs: number;
  sleep: Sleep;
  /** 0 ≤ x < 1; Math.random by default. */
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicyOptions = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 4000,
  maxRetryAfterMs: 10_000,
  sleep: realSleep,
  random: Math.random,
};

export class RetryPolicy {
  readonly o: RetryPolicyOptions;

  constructor(options: Partial<RetryPolicyOptions> = {}) {
    this.o = { ...DEFAULT_RETRY, ...options };
    if (!(this.o.maxAttempts >= 1)) throw new RangeError('maxAttempts must be at least 1');
  }

  async run<T>(attempt: (n: number) => Promise<T>): Promise<T> {
    for (let n = 1; ; n++) {
      try {
        return await attempt(n);
      } catch (e) {
        if (n >= this.o.maxAttempts || !(e instanceof LlmError) || !e.retryable) throw e;
        const delay = this.delayBefore(n + 1, retryAfterOf(e));
        if (delay === undefined) throw e;
        await this.o.sleep(delay);
      }
    }
  }

  /** Delay before attempt `next` (≥ 2): the server's Retry-After when given, else equal-jitter exponential backoff. */
  delayBefore(next: number, retryAfterMs?: number): number | undefined {
    if (retryAfterMs !== undefined) return retryAfterMs <= this.o.maxRetryAfterMs ? retryAfterMs : undefined;
    const exp = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (next - 2));
    return Math.round(exp / 2 + (exp / 2) * this.o.random());
  }
}

function retryAfterOf(e: LlmError): number | undefined {
  const v = (e as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/** Milliseconds from `retry-after-ms` or `Retry-After` (seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Math.round(Number(ms));
  const ra = headers.get('retry-after');
  if (ra === null || ra.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(ra)) return Math.round(Number(ra) * 1000);
  const at = Date.parse(ra);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
