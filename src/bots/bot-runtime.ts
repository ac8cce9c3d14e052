// What the bot host does for every platform besides routing: one chat's events one after another (chats side by side),
// the inbox retry, the patrol's timer rules and its daily digest.
import type { Linli } from '../app.ts';
import type { BuiltPipeline } from '../adapters/pipeline/create-pipeline.ts';
import type { Platform } from '../core/messages/incoming-message.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import { atChinaTime, chinaDate, nextDay } from '../core/sla/deadlines.ts';

/** One chat's work runs in arrival order; different chats run side by side. */
export class ChatChains {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();

  /**
   * `onError`: a failed piece of work is reported, never thrown (the message stays stored for the inbox retry).
   * `drained`: what must also finish before the chats count as idle (the pipeline's ingest work).
   */
  constructor(
    private readonly onError: (error: unknown, chat: string) => void,
    private readonly drained: () => Promise<void> = async () => undefined,
  ) {}

  run(chat: string, work: () => Promise<unknown>): void {
    const prev = this.chains.get(chat) ?? Promise.resolve();
    const next = prev.then(work).then(
      () => undefined,
      (e: unknown) => this.onError(e, chat),
    );
    this.chains.set(chat, next);
    this.inFlight.add(next);
    void next.finally(() => {
      this.inFlight.delete(next);
      if (this.chains.get(chat) === next) this.chains.delete(chat);
    });
  }

  /** Pieces of work not finished yet. */
  get busy(): number {
    return this.inFlight.size;
  }

  /** Resolves when everything started so far has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
    await this.drained();
  }

  /**
   * Resolves once the platform has gone quiet: no new event for `quietMs` (`arrived` counts them), nothing running,
   * nothing waiting to be sent. Platforms deliver asynchronously, so tests and the sandbox wait for this.
   */
  async settle(arrived: () => number, waitingToSend: () => number, quietMs = 40): Promise<void> {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    for (;;) {
      const before = arrived();
      await sleep(quietMs);
      await this.idle();
      await sleep(10);
      if (arrived() === before && waitingToSend() === 0 && this.busy === 0) return;
    }
  }
}

export interface HousekeepingOptions {
  linli: Linli;
  /** The platforms the patrol ticks and digests run for. */
  platforms: readonly Platform[];
  log: Logger;
  /** Lost work goes back to the pipeline's queues. */
  pipeline: BuiltPipeline;
  /** How often stored-but-unhandled messages are retried (ms); 0 or unset: only when asked. */
  retryEveryMs?: number;
  /** How often the patrol's timer rules run (ms); 0 or unset: no patrol timers and no daily digest. */
  patrolEveryMs?: number;
}

/** The host's timers: inbox retry, patrol ticks, the patrol digest at 08:30 China time. */
export class Housekeeping {
  private retryTimer?: NodeJS.Timeout;
  private patrolTimer?: NodeJS.Timeout;
  private digestTimer?: NodeJS.Timeout;

  constructor(private readonly o: HousekeepingOptions) {}

  startRetry(): void {
    if (this.o.retryEveryMs) this.retryTimer = setInterval(() => void this.retryInbox(), this.o.retryEveryMs);
  }

  startPatrol(): void {
    const { linli, platforms, log, patrolEveryMs } = this.o;
    if (!patrolEveryMs) return;
    this.scheduleDigest();
    this.patrolTimer = setInterval(() => {
      for (const platform of platforms) linli.assistant.patrolTick(platform).catch((e) => log.error({ err: e, platform }, 'patrol tick failed'));
    }, patrolEveryMs);
  }

  stop(): void {
    clearInterval(this.retryTimer);
    clearInterval(this.patrolTimer);
    clearTimeout(this.digestTimer);
  }

  /**
   * Finishes what never finished (a crash, a failed send, a queue that lost its jobs): the stored messages never
   * handled and the replies never sent go back to their queues (handling them here could overtake the queue's order).
   * Returns the messages offered; a failure is logged.
   */
  async retryInbox(olderThanMs = 60_000): Promise<number> {
    const { pipeline, log } = this.o;
    try {
      const { messages, replies } = await pipeline.pipeline.recover(olderThanMs);
      if (messages || replies) log.info({ messages, replies }, 'stored messages and unsent replies queued again');
      return messages;
    } catch (e) {
      log.error({ err: e }, 'inbox retry failed; it runs again on the next timer');
      return 0;
    }
  }

  /** The patrol's daily digest at 08:30 China time; keyed by date, so a restart on the same morning sends it once. */
  private scheduleDigest(): void {
    const { linli, platforms, log } = this.o;
    const now = new Date();
    let day = chinaDate(now);
    if (atChinaTime(day, '08:30') <= now) day = nextDay(day);
    const at = atChinaTime(day, '08:30');
    this.digestTimer = setTimeout(() => {
      for (const platform of platforms) linli.assistant.patrolDigest(platform, day).catch((e) => log.error({ err: e, platform }, 'patrol digest failed'));
      this.scheduleDigest();
    }, at.getTime() - now.getTime());
  }
}
