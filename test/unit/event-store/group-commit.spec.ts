import { GroupCommit, SETTLED_PER_TURN } from '../../../src/infrastructure/event-store/sqlite/group-commit';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('commits what is submitted in one turn as one batch, and answers each item with its own result', async () => {
    const batches: number[][] = [];
    const commits = new GroupCommit<number, string>((batch) => {
      batches.push(batch);
      return batch.map((item) => (item === 3 ? new Error('item 3 refused') : `stored ${item}`));
    });
    const answers = await Promise.allSettled([1, 2, 3, 4].map((item) => commits.submit(item)));
    expect(batches).toEqual([[1, 2, 3, 4]]);
    expect(answers).toEqual([
      { status: 'fulfilled', value: 'stored 1' },
      { status: 'fulfilled', value: 'stored 2' },
      { status: 'rejected', reason: new Error('item 3 refused') },
      { status: 'fulfilled', value: 'stored 4' },
    ]);
  });

  it('answers a large batch a few items a turn, so work that arrives meanwhile (a read) runs before the last answer', async () => {
    const commits = new GroupCommit<number, number>(async (batch) => batch);
    const order: string[] = [];
    let probed = false;
    const answers = Array.from({ length: 8 * SETTLED_PER_TURN }, (_, item) =>
      commits.submit(item).then(() => {
        order.push(`answer ${item}`);
        if (!probed) {
          probed = true;
          setImmediate(() => order.push('read'));
        }
      }),
    );
    await Promise.all(answers);
    await commits.drain();
    const read = order.indexOf('read');
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(order.length - 1);
    expect(order.filter((entry) => entry !== 'read')).toEqual(answers.map((_, item) => `answer ${item}`));
  });

  it('commits what arrives while a batch is committed and answered as the next batch, not one by one', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const firstCommitHeld = new Promise<void>((resolve) => (release = resolve));
    const commits = new GroupCommit<number, number>(async (batch) => {
      batches.push(batch);
      if (batches.length === 1) await firstCommitHeld;
      return batch;
    });
    const first = commits.submit(0);
    await nextTurn();
    const meanwhile = [1, 2, 3].map((item) => commits.submit(item));
    release();
    await Promise.all([first, ...meanwhile]);
    expect(batches).toEqual([[0], [1, 2, 3]]);
  });

  it('answers every item of a batch whose commit fails with that failure', async () => {
    const commits = new GroupCommit<number, number>(() => {
      throw new Error('disk full');
    });
    const answers = await Promise.allSettled([1, 2].map((item) => commits.submit(item)));
    expect(answers.map((answer) => answer.status)).toEqual(['rejected', 'rejected']);
    expect((answers[0] as PromiseRejectedResult).reason).toEqual(new Error('disk full'));
  });
});
