import { parentPort, workerData } from 'node:worker_threads';
import { toOutcome } from './append-outcome';
import { PendingAppend, SqliteAppender } from './sqlite-appender';
import { openEventDatabase } from './sqlite-schema';

/** The store's writer thread: each batch is one fsync'd transaction, waited for here, not on the HTTP loop. */
if (parentPort) {
  const port = parentPort;
  const { path, bulk } = workerData as { path: string; bulk?: boolean };
  const db = openEventDatabase(path, { bulk });
  const appender = new SqliteAppender(db);
  port.on('message', (message: { id: number; batch: PendingAppend[] } | { close: true }) => {
    if ('close' in message) {
      db.close();
      port.postMessage({ closed: true });
      return;
    }
    let outcomes;
    try {
      outcomes = appender.commitBatch(message.batch).map(toOutcome);
    } catch (error) {
      const outcome = toOutcome(error instanceof Error ? error : new Error(String(error)));
      outcomes = message.batch.map(() => outcome);
    }
    port.postMessage({ id: message.id, outcomes });
  });
}
