import 'reflect-metadata';
import Database from 'better-sqlite3';
import { Logger, LogLevel } from '@nestjs/common';
import { parentPort, workerData } from 'node:worker_threads';
import { ProjectionRunner } from '../../../application/read-models/runtime/projection-runner';
import { Config } from '../../../config/config';
import { createEventStore } from '../../event-store/create-event-store';
import { damagedFileMessage, damageOf, moveAside } from '../damaged-file';
import { openReadModelFile } from '../read-model-file';
import { SqliteReadModelStore } from '../sqlite-read-model-store';
import { sqliteFaultOf } from '../sqlite-fault';
import { FromWorker, ToWorker } from './worker-messages';
import { DeskCalendar } from '../../../domain/desk-calendar';

/**
 * The projection worker: the one writer of the read-model file, on a thread of its own, so applying
 * events never holds up HTTP requests. The file is derived data: a damaged one, found at start or
 * while running, is moved aside and built anew from the log.
 */
async function main(port: NonNullable<typeof parentPort>, config: Config): Promise<void> {
  Logger.overrideLogger(nestLogLevels(config.logLevel));
  const logger = new Logger('Projections');
  const post = (message: FromWorker) => port.postMessage(message);
  // This thread only reads the log: it needs no writer thread of its own.
  const store = await createEventStore({ ...config, workerThreads: false });
  const file = config.readModelPath;
  let current: { db: Database.Database; runner: ProjectionRunner } | undefined;
  /** Which file this is: 0 at start, one more for each damaged file replaced. */
  let fileNumber = 0;
  let replacing: Promise<void> | undefined;

  const serve = async (buildBeforeServing: boolean) => {
    const db = openReadModelFile(file);
    try {
      const runner = new ProjectionRunner(
        store,
        new SqliteReadModelStore(db),
        {
          onAdvanced: () => post({ type: 'advanced' }),
          onFailure: (message) => post({ type: 'failure', message }),
          onDamaged: (reason) => replace(reason),
          logger: { log: (message) => logger.log(message), error: (message) => logger.error(message) },
        },
        new DeskCalendar(config.deskTimeZone),
      );
      current = { db, runner };
      await runner.start({ buildBeforeServing });
    } catch (error) {
      current = undefined;
      db.close();
      throw error;
    }
  };

  const replace = (reason: string) => {
    replacing ??= (async () => {
      const old = current;
      current = undefined;
      await old?.runner.stop();
      old?.db.close();
      logger.error(damagedFileMessage(file, reason, moveAside(file)));
      fileNumber += 1;
      await serve(true);
      post({ type: 'replaced', file: fileNumber });
      post({ type: 'failure', message: undefined });
    })()
      .catch((error: unknown) => logger.error(`read models: cannot replace ${file}: ${(error as Error).message}`))
      .finally(() => (replacing = undefined));
  };

  port.on('message', (message: ToWorker) => {
    if (message.type === 'wake') store.wakeSubscriptions?.();
    if (message.type === 'damaged' && message.file === fileNumber) replace(message.message);
    if (message.type === 'rebuild') {
      try {
        if (!current) throw new Error('the read-model file is being replaced');
        current.runner.startRebuild();
        post({ type: 'rebuild-answer', id: message.id });
      } catch (error) {
        post({ type: 'rebuild-answer', id: message.id, refused: (error as Error).message });
      }
    }
    if (message.type === 'stop') {
      void (async () => {
        await replacing;
        await current?.runner.stop();
        await store.close();
        current?.db.close();
        post({ type: 'stopped' });
      })();
    }
  });
  await serveChecked(file, serve, logger);
  post({ type: 'ready' });
}

/** Serves the file as it is, or a new one when the start check or opening it finds it damaged. */
async function serveChecked(
  file: string,
  serve: (buildBeforeServing: boolean) => Promise<void>,
  logger: Logger,
): Promise<void> {
  let damage = damageOf(file);
  if (!damage) {
    try {
      return await serve(false);
    } catch (error) {
      if (sqliteFaultOf(error) !== 'damaged') throw error;
      damage = (error as Error).message;
    }
  }
  logger.error(damagedFileMessage(file, damage, moveAside(file)));
  await serve(true);
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
