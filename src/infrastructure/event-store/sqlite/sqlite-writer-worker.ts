import { parentPort, workerData } from 'node:worker_threads';
import { AppendOutcome, LoadOutcome, toLoadOutcome, toOutcome } from './append-outcome';
import { unflattened } from './crossing-events';
import { SqliteAppender } from './sqlite-appender';
import { openEventDatabase } from './sqlite-schema';
import { WriterReply, WriterRequest } from './sqlite-writer-thread';

const outcomeOf = (error: unknown): AppendOutcome =>
  toOutcome(error instanceof Error ? error : new Error(String(error)));

/** The store's writer thread: each batch is one fsync'd transaction, waited for here, not on the HTTP loop. */
if (parentPort) {
  const port = parentPort;
  const { path, bulk } = workerData as { path: string; bulk?: boolean };
  const db = openEventDatabase(path, { bulk });
  const appender = new SqliteAppender(db);
  const reply = (message: WriterReply) => port.postMessage(message);
  port.on('message', (message: WriterRequest) => {
    if ('close' in message) {
      db.close();
      return reply({ closed: true });
    }
    if ('load' in message) {
      let loaded: LoadOutcome;
      try {
        loaded = toLoadOutcome(appender.loadPart(unflattened(message.load)));
      } catch (error) {
        // A storage fault: what the load had not committed is lost.
        loaded = { stored: 0, refusal: outcomeOf(error) };
      }
      return reply({ id: message.id, loaded });
    }
    if ('endLoad' in message) {
      try {
        appender.endLoad();
        return reply({ id: message.id, loadEnded: null });
      } catch (error) {
        return reply({ id: message.id, loadEnded: outcomeOf(error) });
      }
    }
    let outcomes;
    try {
      outcomes = appender.commitBatch(message.batch).map(toOutcome);
    } catch (error) {
      const outcome = outcomeOf(error);
      outcomes = message.batch.map(() => outcome);
    }
    reply({ id: message.id, outcomes });
  });
}
