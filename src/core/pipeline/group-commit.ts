// Group commit: calls made while a flush runs wait and go together in the next flush. Under light load a call is
// flushed alone at once (after the current tick); under heavy load batches grow by themselves, which is what keeps
// the statements and queue operations per message low.
/** A flush's result for an item that failed alone: its caller gets `error`, the others their results. */
export class ItemFailed {
  constructor(readonly error: unknown) {}
}

export class GroupCommit<T, R> {
  private pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly flush: (items: T[]) => Promise<(R | ItemFailed)[]>,
    private readonly maxBatch = 500,
  ) {}

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
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        const results = await this.flush(batch.map((b) => b.item));
        batch.forEach((b, i) => {
          const r = results[i]!;
          if (r instanceof ItemFailed) b.reject(r.error);
          else b.resolve(r);
        });
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
    this.running = false;
  }
}
