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
  chat: string | undefined;
}

export class PacedSender {
  private readonly queue: Waiting[] = [];
  private readonly busyChats = new Set<string>();
  private inFlight = 0;
  /** A send without a chat is under way: it runs alone. */
  private exclusive = false;
  private starting = false;
  /** Starts are paced one after another, a retry's too. */
  private pace: Promise<void> = Promise.resolve();
  private lastAt = -Infinity;
  private waiting = 0;
  /** Start times of sends, for tests and metrics (bounded). */
  readonly startedAt: number[] = [];

  constructor(private readonly o: PacedSenderOptions) {}

  /** Sends given and not yet finished (waiting or under way). */
  get pending(): number {
    return this.waiting;
  }

  private get maxInFlight() {
    return Math.max(1, Math.floor(this.o.maxInFlight ?? 1));
  }

  private gap() {
    return this.o.minIntervalMs + Math.floor((this.o.random ?? Math.random)() * this.o.jitterMs);
  }

  /** Waits until the pace allows the next start, then marks it. */
  private paced(gap: number): Promise<void> {
    const next = this.pace.then(async () => {
      const now = this.o.now ?? Date.now;
      const wait = this.lastAt + gap - now();
      if (wait > 0) await (this.o.sleep ?? realSleep)(wait);
      this.lastAt = now();
      this.startedAt.push(this.lastAt);
      if (this.startedAt.length > 10_000) this.startedAt.splice(0, 5_000);
    });
    this.pace = next;
    return next;
  }

  /**
   * Sends through `fn` in its turn. `chat`: where it goes (a group or a person); sends to one chat never overlap, so
   * they arrive in the order given. Without it the send overlaps none (as with maxInFlight 1). `onTurn`: runs once when
   * the turn comes, before the first try; if it throws, the send rejects with its error and `fn` never runs.
   */
  send<T>(fn: () => Promise<T>, chat?: string, onTurn?: () => Promise<void>): Promise<T> {
    this.waiting++;
    return new Promise<T>((resolve, reject) => {
      const run = async () => {
        const attempts = this.o.attempts ?? 3;
        const gap = this.gap();
        try {
          if (onTurn) {
            try {
              await onTurn();
            } catch (e) {
              reject(e);
              return;
            }
          }
          for (let i = 1; ; i++) {
            try {
              resolve(await fn());
              return;
            } catch (e) {
              if (i >= attempts) {
                reject(e);
                return;
              }
              // the chat stays held while it waits: a later message to it must not overtake this one
              await (this.o.sleep ?? realSleep)(Math.max(gap, 500 * 2 ** (i - 1)));
              await this.paced(this.gap());
            }
          }
        } finally {
          this.waiting--;
          this.inFlight--;
          if (chat === undefined) this.exclusive = false;
          else this.busyChats.delete(chat);
          void this.startNext();
        }
      };
      this.queue.push({ run, chat });
      void this.startNext();
    });
  }

  /** Starts waiting sends, in order, while the pace, the in-flight limit and their chats allow. */
  private async startNext(): Promise<void> {
    if (this.starting) return;
    this.starting = true;
    try {
      for (;;) {
        const head = this.queue[0];
        if (!head || this.exclusive || this.inFlight >= this.maxInFlight) return;
        if (head.chat === undefined ? this.inFlight > 0 : this.busyChats.has(head.chat)) return;
        // while this waits for the pace, sends only finish: what allowed the head to start still holds after it
        await this.paced(this.gap());
        this.queue.shift();
        this.inFlight++;
        if (head.chat === undefined) this.exclusive = true;
        else this.busyChats.add(head.chat);
        void head.run();
      }
    } finally {
      this.starting = false;
    }
  }
}
