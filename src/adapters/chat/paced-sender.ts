// Sends one at a time, in order, at least `minIntervalMs` (+ random jitter) apart: personal WeChat accounts are banned
// for bursts. Nothing is dropped: callers wait their turn, and a failed send is retried with backoff before it fails.

export interface PacedSenderOptions {
  minIntervalMs: number;
  jitterMs: number;
  /** Attempts per send, the first included. */
  attempts?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class PacedSender {
  private tail: Promise<unknown> = Promise.resolve();
  private lastAt = -Infinity;
  private waiting = 0;
  /** Start times of sends, for tests and metrics (bounded). */
  readonly startedAt: number[] = [];

  constructor(private readonly o: PacedSenderOptions) {}

  get pending(): number {
    return this.waiting;
  }

  send<T>(fn: () => Promise<T>): Promise<T> {
    this.waiting++;
    const run = async (): Promise<T> => {
      const now = this.o.now ?? Date.now;
      const sleep = this.o.sleep ?? realSleep;
      const gap = this.o.minIntervalMs + Math.floor((this.o.random ?? Math.random)() * this.o.jitterMs);
      const wait = this.lastAt + gap - now();
      if (wait > 0) await sleep(wait);
      const attempts = this.o.attempts ?? 3;
      try {
        for (let i = 1; ; i++) {
          this.lastAt = now();
          this.startedAt.push(this.lastAt);
          if (this.startedAt.length > 10_000) this.startedAt.splice(0, 5_000);
          try {
            return await fn();
          } catch (e) {
            if (i >= attempts) throw e;
            await sleep(Math.max(gap, 500 * 2 ** (i - 1)));
          }
        }
      } finally {
        this.waiting--;
      }
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
