/**
 * Commands on the same stream take turns within this process, so they never conflict with each
 * other and each decides on the state the one before it left; commands on other streams run at
 * the same time (and share the store's group commit). Writers elsewhere are met by the retry.
 */
export class StreamTurns {
  private readonly last = new Map<string, Promise<void>>();

  async take<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const before = this.last.get(streamId);
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const turn = before ? before.then(() => mine) : mine;
    this.last.set(streamId, turn);
    if (before) await before;
    try {
      return await work();
    } finally {
      done();
      if (this.last.get(streamId) === turn) this.last.delete(streamId);
    }
  }
}
