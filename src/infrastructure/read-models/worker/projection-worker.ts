import 'reflect-metadata';
import { Logger, LogLevel } from '@nestjs/common';
import { parentPort, workerData } from 'node:worker_threads';
import { ProjectionRunner } from '../../../application/projections/projection-runner';
import { Config } from '../../../config/config';
import { createEventStore } from '../../event-store/create-event-store';
import { openReadModelFile } from '../read-model-file';
import { SqliteReadModelStore } from '../sqlite-read-model-store';
import { FromWorker, ToWorker } from './worker-messages';

/**
 * The projection worker: the one writer of the read-model file, on a thread of its own, so applying
 * events never holds up HTTP requests.
 */
async function main(port: NonNullable<typeof parentPort>, config: Config): Promise<void> {
  Logger.overrideLogger(nestLogLevels(config.logLevel));
  const logger = new Logger('Projections');
  const post = (message: FromWorker) => port.postMessage(message);
  // This thread only reads the log: it needs no writer thread of its own.
  const store = await createEventStore({ ...config, workerThreads: false });
  const db = openReadModelFile(config.readModelPath);
  const runner = new ProjectionRunner(store, new SqliteReadModelStore(db), {
    onAdvanced: () => post({ type: 'advanced' }),
    logger: { log: (message) => logger.log(message), error: (message) => logger.error(message) },
  });

  port.on('message', (message: ToWorker) => {
    if (message.type === 'wake') store.wakeSubscriptions?.();
    if (message.type === 'rebuild') {
      try {
        runner.startRebuild();
        post({ type: 'rebuild-answer', id: message.id });
      } catch (error) {
        post({ type: 'rebuild-answer', id: message.id, refused: (error as Error).message });
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
  post({ type: 'ready' });
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
