// Rate limits as sliding windows ("at most `max` sends in any `durationMs`"), one set for everything and one per key
// (a chat). Callers wait their turn, never dropped; one key's callers are served in the order they asked, while a key
// held back by its own limit does not hold back the other keys. Used by the Telegram gateway for the Bot API's limits.

export interface RateWindow {
  max: number;
  durationMs: number;
}

export interface SlidingWindowLimiterOptions {
  /** Windows over every send (e.g. 30 per 1000 ms). */
  global: RateWindow[];
  /** Windows of one key (e.g. a group: 1 per 1000 ms and 20 per 60 000 ms). */
  perKey: (key: string) => RateWindow[];
  now?: () => number;
}

interface Waiter {
  key: string;
  resolve: () => void;
}

/** Start times, oldest first, kept as long as the longest window needs them. */
class Log {
  readonly times: number[] = [];

  trim(now: number, keepMs: number) {
    let drop = 0;
    while (drop < this.times.length && this.times[drop]! <= now - keepMs) drop++;
    if (drop) this.times.splice(0, drop);
  }

  /** Milliseconds until one more send fits every window (0 = now). */
  wait(windows: RateWindow[], now: number): number {
    let wait = 0;
    for (const w of windows) {
      if (w.max < 1) continue;
      const n = this.times.length;
      if (n < w.max) continue;
      // the max-th most recent send must have left the window
      const leaves = this.times[n - w.max]! + w.durationMs;
      if (leaves > now) wait = Math.max(wait, leaves - now);
    }
    return wait;
  }
}

const longest = (windows: RateWindow[]) => windows.reduce((m, w) => Math.max(m, w.durationMs), 0);

export class SlidingWindowLimiter {
  private readonly waiters: Waiter[] = [];
  private readonly all = new Log();
  private readonly keys = new Map<string, Log>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private readonly now: () => number;
  /** Grant times per key, for tests and metrics (bounded). */
  readonly granted: { key: string; at: number }[] = [];

  constructor(private readonly o: SlidingWindowLimiterOptions) {
    this.now = o.now ?? Date.now;
  }

  /** Callers waiting for their turn. */
  get pending(): number {
    return this.waiters.length;
  }

  /** Resolves when a send for `key` may start; the send is counted from that moment. */
  acquire(key: string): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiters.push({ key, resolve });
      this.pump();
    });
  }

  /** Runs `fn` once its turn has come. */
  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    await this.acquire(key);
    return fn();
  }

  private log(key: string): Log {
    let l = this.keys.get(key);
    if (!l) this.keys.set(key, (l = new Log()));
    return l;
  }

  private pump() {
    const now = this.now();
    this.all.trim(now, longest(this.o.global));
    let next = Infinity;
    const blocked = new Set<string>();
    for (let i = 0; i < this.waiters.length; ) {
      const globalWait = this.all.wait(this.o.global, now);
      if (globalWait > 0) {
        next = Math.min(next, globalWait);
        break;
      }
      const w = this.waiters[i]!;
      if (blocked.has(w.key)) {
        i++;
        continue;
      }
      const windows = this.o.perKey(w.key);
      const log = this.log(w.key);
      log.trim(now, longest(windows));
      const keyWait = log.wait(windows, now);
      if (keyWait > 0) {
        // later callers of this key wait behind this one: their order is kept
        blocked.add(w.key);
        next = Math.min(next, keyWait);
        i++;
        continue;
      }
      this.waiters.splice(i, 1);
      this.all.times.push(now);
      log.times.push(now);
      this.granted.push({ key: w.key, at: now });
      if (this.granted.length > 10_000) this.granted.splice(0, 5_000);
      w.resolve();
    }
    if (this.keys.size > 10_000) this.sweep(now);
    if (this.waiters.length && next < Infinity) this.wake(now + next);
  }

  private wake(at: number) {
    if (this.timer && this.timerAt <= at) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.pump();
    }, Math.max(1, at - this.now()));
  }

  /** Forgets keys whose sends have all left their windows. */
  private sweep(now: number) {
    for (const [key, log] of this.keys) {
      log.trim(now, longest(this.o.perKey(key)));
      if (log.times.length === 0) this.keys.delete(key);
    }
  }
}
