// Starts sends one at a time, in order, at least `minIntervalMs` (+ random jitter) apart: personal WeChat accounts are
// banned for bursts. Nothing is dropped: callers wait their turn, and a failed send is retried with backoff before it
// fails.
//
// By default a send also waits for the one before it to finish. A gateway whose send takes longer than the interval
// (a round trip to the puppet service and on to WeChat) would then send slower than it is paced: `maxInFlight` lets
// that many sends be under way at once. Their starts are still paced one by one, and two sends to the same chat never
// overlap (the second starts when the first has finished), so every chat gets its messages in the order they were given.

export interface PacedSenderOptions {
  minIntervalMs: number;
  jitterMs: number;
  /** Sends under way at once (default 1: each waits for the one before it to finish). */
  maxInFlight?: number;
  /** Attempts per send, the first included. */
  attempts?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Waiting {
  run: () => Promise<void>;
  chat: string;
}

export class PacedSender {
  private readonly queue: Waiting[] = [];
  private readonly busyChats = new Set<string>();
  private inFlight = 0;
  private starting = false;
  /** Starts are paced one after another, a retry's too. */
  private pace: Promise<void> = Promise.resolve();
  private lastAt = -Infinity;
  /** Start times of sends, for tests and metrics (bounded). */
  readonly startedAt: number[] = [];

  constructor(private readonly o: PacedSenderOptions) {}

  /** Sends given and not yet finished (waiting or under way). */
  get pending(): number {
    return this.queue.length + this.inFlight;
  }

  private get maxInFlight() {
    return Math.max(1, Math.floor(this.o.maxInFlight ?? 1));
  }

  private gap() {
    return this.o.minIntervalMs + Math.floor((this.o.random ?? Math.random)() * this.o.jitterMs);
  }

  private sleep(ms: number) {
    return (this.o.sleep ?? realSleep)(ms);
  }

  /** Waits until the pace allows the next start, then marks it. */
  private paced(gap: number): Promise<void> {
    const next = this.pace.then(async () => {
      const now = this.o.now ?? Date.now;
      const wait = this.lastAt + gap - now();
      if (wait > 0) await this.sleep(wait);
      this.lastAt = now();
      this.startedAt.push(this.lastAt);
      if (this.startedAt.length > 10_000) this.startedAt.splice(0, 5_000);
    });
    this.pace = next;
    return next;
  }

  /**
   * Sends through `fn` in its turn. `chat`: where it goes (a group or a person); sends to one chat never overlap, so
   * they arrive in the order given. `onTurn`: runs once when the turn comes, before the first try; if it throws, the
   * send rejects with its error and `fn` never runs.
   */
  send<T>(fn: () => Promise<T>, chat: string, onTurn?: () => Promise<void>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const run = async () => {
        try {
          await onTurn?.();
          resolve(await this.tries(fn));
        } catch (e) {
          reject(e);
        } finally {
          this.inFlight--;
          this.busyChats.delete(chat);
          void this.startNext();
        }
      };
      this.queue.push({ run, chat });
      void this.startNext();
    });
  }

  /** `fn`, tried again with backoff (each try paced) until it succeeds or its attempts are spent. */
  private async tries<T>(fn: () => Promise<T>): Promise<T> {
    const attempts = this.o.attempts ?? 3;
    const gap = this.gap();
    for (let i = 1; ; i++) {
      try {
        return await fn();
      } catch (e) {
        if (i >= attempts) throw e;
        // the chat stays held while it waits: a later message to it must not overtake this one
        await this.sleep(Math.max(gap, 500 * 2 ** (i - 1)));
        await this.paced(this.gap());
      }
    }
  }

  /** Starts waiting sends, in order, while the pace, the in-flight limit and their chats allow. */
  private async startNext(): Promise<void> {
    if (this.starting) return;
    this.starting = true;
    try {
      for (;;) {
        const head = this.queue[0];
        if (!head || this.inFlight >= this.maxInFlight || this.busyChats.has(head.chat)) return;
        // while this waits for the pace, sends only finish: what allowed the head to start still holds after it
        await this.paced(this.gap());
        this.queue.shift();
        this.inFlight++;
        this.busyChats.add(head.chat);
        void head.run();
      }
    } finally {
      this.starting = false;
    }
  }
}
