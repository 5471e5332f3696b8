/** What is needed of a Node readable stream in object mode (the client's subscription is one). */
export interface PullStream {
  read(): unknown;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/**
 * Pulls what a readable stream has buffered as pages, so a slow consumer holds the stream
 * (and, through gRPC flow control, the server) back instead of piling events up in memory.
 */
export class BufferedPages<T> {
  private failure: Error | undefined;
  private ended = false;
  private notify: (() => void) | undefined;

  constructor(private readonly stream: PullStream) {
    // A permanent listener: an 'error' with none attached would crash the process.
    stream.on('error', (error) => {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
      this.wake();
    });
    stream.on('end', () => this.stop());
    stream.on('close', () => this.stop());
    stream.on('readable', () => this.wake());
  }

  /** Up to `max` items, waiting for at least one; `undefined` once the stream has ended. */
  async next(max: number): Promise<T[] | undefined> {
    for (;;) {
      if (this.failure) throw this.failure;
      const page: T[] = [];
      while (page.length < max) {
        const item = this.stream.read() as T | null;
        if (item === null) break;
        page.push(item);
      }
      if (page.length > 0) return page;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.notify = resolve));
    }
  }

  /** Ends the page stream for a waiting `next`, whatever the underlying stream does. */
  stop(): void {
    this.ended = true;
    this.wake();
  }

  private wake(): void {
    const notify = this.notify;
    this.notify = undefined;
    notify?.();
  }
}
