import 'reflect-metadata';
import { Logger, LogLevel } from '@nestjs/common';
import { parentPort, workerData } from 'node:worker_threads';
import { ProjectionRunner } from '../../../application/projections/projection-runner';
import { Config } from '../../../config/config';
import { createEventStore } from '../../event-store/create-event-store';
import { openReadModelDatabase, readModelTransaction } from '../read-model-database';
import { createProjections } from '../read-models.module';
import { FromWorker, ToWorker } from './worker-messages';

/**
 * The projection worker: follows the log and writes the read models on a thread of its own, so
 * applying events never holds up HTTP requests. The main thread reads the same SQLite file.
 */
async function main(port: NonNullable<typeof parentPort>, config: Config): Promise<void> {
  Logger.overrideLogger(nestLogLevels(config.logLevel));
  const post = (message: FromWorker) => port.postMessage(message);
  // This thread only reads the log: it needs no writer thread of its own.
  const store = await createEventStore({ ...config, workerThreads: false });
  const db = openReadModelDatabase(config.readModelPath);
  const projections = [...createProjections(db)];
  const runner = new ProjectionRunner(store, projections, readModelTransaction(db));
  const postState = () =>
    post({
      type: 'state',
      status: runner.status(),
      position: runner.position(),
      head: runner.headPosition(),
      rebuilding: runner.isRebuilding(),
      generations: Object.fromEntries(
        projections.map((projection) => [
          projection.name,
          { generation: projection.activeGeneration(), checkpoint: projection.checkpoint() },
        ]),
      ),
    });
  runner.onChange(postState);

  port.on('message', (message: ToWorker) => {
    if (message.type === 'wake') store.wakeSubscriptions?.();
    if (message.type === 'rebuild') {
      try {
        runner.startRebuild(message.name);
        postState();
        post({ type: 'rebuild-accepted', name: message.name });
      } catch (error) {
        post({ type: 'rebuild-refused', name: message.name, reason: (error as Error).message });
      }
    }
    if (message.type === 'stop') {
      void (async () => {
        await runner.stop();
        await store.close();
        db.close();
        post({ type: 'stopped' });
      })();
    }
  });
  await runner.start();
  postState();
}

function nestLogLevels(level: Config['logLevel']): LogLevel[] | false {
  if (level === 'silent') return false;
  if (level === 'fatal' || level === 'error') return ['fatal', 'error'];
  if (level === 'warn') return ['fatal', 'error', 'warn'];
  return ['fatal', 'error', 'warn', 'log'];
}

if (parentPort) {
  const port = parentPort;
  main(port, (workerData as { config: Config }).config).catch((error: unknown) => {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  });
}
