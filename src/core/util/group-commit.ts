// Group commit: calls made while a flush runs wait and go together in the next flush. Under light load a call is
// flushed alone at once (after the current tick); under heavy load batches grow by themselves, which is what keeps
// the statements and queue operations per message low.

export interface GroupCommitOptions<T = unknown> {
  /** Most items in one flush (default 500). */
  maxBatch?: number;
  /**
   * Whether a flush's error belongs to one of its items rather than to the whole batch (the store refused that item's
   * data). The batch is then halved and flushed again until the item stands alone: it alone fails, the others go on
   * in their order. Any other error fails the whole batch.
   */
  itemError?: (error: unknown) => boolean;
  /**
   * The order of a flush's items, whatever order their calls came in (calls made in one tick can arrive in any order
   * after their own awaits): e.g. tickets numbered in the order their messages were received.
   */
  order?: (a: T, b: T) => number;
}

export class GroupCommit<T, R> {
  private pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private running = false;
  private readonly maxBatch: number;

  constructor(
    private readonly flush: (items: T[]) => Promise<R[]>,
    private readonly options: GroupCommitOptions<T> = {},
  ) {
    this.maxBatch = options.maxBatch ?? 500;
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) await this.settle(this.pending.splice(0, this.maxBatch));
    this.running = false;
  }

  private async settle(arrived: typeof this.pending): Promise<void> {
    const order = this.options.order;
    const batch = order ? [...arrived].sort((a, b) => order(a.item, b.item)) : arrived;
    try {
      const results = await this.flush(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i]!));
    } catch (e) {
      if (batch.length > 1 && this.options.itemError?.(e)) {
        const half = Math.ceil(batch.length / 2);
        await this.settle(batch.slice(0, half));
        await this.settle(batch.slice(half));
        return;
      }
      for (const b of batch) b.reject(e);
    }
  }
}
