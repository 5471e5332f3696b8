interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: Error): void;
}

/**
 * Collects the work submitted during one turn of the event loop and hands it to `commit`
 * as one batch, so many concurrent appends pay for a single durable transaction.
 * `commit` returns one result per item, in order: a value, or the error for that item alone.
 * When `commit` is asynchronous (another thread waits for the fsync), what arrives meanwhile
 * forms the next batch.
 */
export class GroupCommit<T, R> {
  private queue: Array<Waiting<T, R>> = [];
  private scheduled = false;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => undefined;

  constructor(
    private readonly commit: (batch: T[]) => Array<R | Error> | Promise<Array<R | Error>>,
    private readonly maxBatch = 2000,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything submitted so far has been committed or refused. */
  drain(): Promise<void> {
    return this.scheduled ? this.idle : Promise.resolve();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.idle = new Promise((resolve) => (this.markIdle = resolve));
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      const results = await this.commit(batch.map((waiting) => waiting.item));
      batch.forEach((waiting, index) => {
        const result = results[index];
        if (result instanceof Error) waiting.reject(result);
        else waiting.resolve(result);
      });
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const waiting of batch) waiting.reject(failure);
    }
    this.scheduled = false;
    if (this.queue.length > 0) this.schedule();
    else this.markIdle();
  }
}
