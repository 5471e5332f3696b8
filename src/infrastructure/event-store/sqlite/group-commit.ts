interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: Error): void;
}

/**
 * Items answered per turn of the event loop once their batch is committed. Answered all at once,
 * a batch of 64 appends ran 64 requests' continuations in one turn, interleaved microtask by
 * microtask, so a read that arrived meanwhile waited for the last of them.
 */
export const SETTLED_PER_TURN = 8;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Collects the work submitted during one turn of the event loop and hands it to `commit`
 * as one batch, so many concurrent appends pay for a single durable transaction.
 * `commit` returns one result per item, in order: a value, or the error for that item alone.
 * When `commit` is asynchronous (another thread waits for the fsync), what arrives meanwhile
 * forms the next batch. The batch is answered `SETTLED_PER_TURN` items a turn, and the next batch
 * is committed after that, so batches stay as large as before.
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
    const outcomes = await this.outcomesOf(batch);
    for (let start = 0; start < batch.length; start += SETTLED_PER_TURN) {
      if (start > 0) await nextTurn();
      batch.slice(start, start + SETTLED_PER_TURN).forEach((waiting, offset) => {
        const outcome = outcomes(start + offset);
        if (outcome instanceof Error) waiting.reject(outcome);
        else waiting.resolve(outcome);
      });
    }
    this.scheduled = false;
    if (this.queue.length > 0) this.schedule();
    else this.markIdle();
  }

  /** Each item's result, or the error of the whole commit for every item. */
  private async outcomesOf(batch: Array<Waiting<T, R>>): Promise<(index: number) => R | Error> {
    try {
      const results = await this.commit(batch.map((waiting) => waiting.item));
      return (index) => results[index] as R | Error;
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      return () => failure;
    }
  }
}
