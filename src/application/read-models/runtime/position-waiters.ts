interface Waiter {
  position: number;
  resolve(reached: boolean): void;
}

/** Requests waiting for the projections to reach a log position (`minPosition`), each with a deadline. */
export class PositionWaiters {
  private waiters: Waiter[] = [];

  /** Resolves `true` once `release` reports `position` reached, or `false` after `timeoutMs`. */
  wait(position: number, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiter: Waiter = { position, resolve };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((candidate) => candidate !== waiter);
        resolve(false);
      }, timeoutMs);
      waiter.resolve = (reached) => {
        clearTimeout(timer);
        resolve(reached);
      };
      this.waiters.push(waiter);
    });
  }

  release(reached: number): void {
    const done = this.waiters.filter((waiter) => waiter.position <= reached);
    this.waiters = this.waiters.filter((waiter) => waiter.position > reached);
    for (const waiter of done) waiter.resolve(true);
  }

  size(): number {
    return this.waiters.length;
  }

  /** Answers every waiter `false`, at shutdown. */
  cancelAll(): void {
    for (const waiter of this.waiters) waiter.resolve(false);
    this.waiters = [];
  }
}
