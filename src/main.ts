import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/config';
import { createEventStore } from './infrastructure/event-store/create-event-store';
import { DamagedEventStoreError } from './infrastructure/event-store/sqlite/damaged-event-store';
import { createApp } from './infrastructure/http/create-app';
import { localUrlOf } from './infrastructure/http/local-url';
import { SERVER, StoreInUseError, StoreLock } from './infrastructure/store-lock/store-lock';
import { stopGracefullyOnSignals } from './infrastructure/http/shutdown';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Factline');
  // Before the store is opened: a second server must not even start its projections on the same files.
  const storeLock = StoreLock.hold(config, SERVER);
  // Not before: Nest closes the HTTP server before the projections and the store. A process ended by a
  // signal skips this, and the system lets go of the lock all the same.
  process.once('exit', () => storeLock.release());
  const eventStore = await createEventStore(config);
  const app = await createApp(config, eventStore);
  let host = config.host;
  if (config.apiKeys.length === 0) {
    if (host !== '127.0.0.1') logger.warn(`API_KEYS is empty: ignoring HOST=${host}, serving on 127.0.0.1 only`);
    host = '127.0.0.1';
    logger.warn('auth is off (no API_KEYS): every local caller acts as admin');
  }
  stopGracefullyOnSignals(app, config.shutdownGraceMs);
  await app.listen(config.port, host);
  storeLock.servesAt(localUrlOf(app.getHttpServer().address()));
  logger.log(`Factline on http://${host}:${config.port} (${config.eventStore} store; docs at /docs)`);
}

/** One line, naming the variable or the files where there is one; no stack trace for a mistake of setup. */
function explain(error: unknown): string {
  if (error instanceof ConfigError) return `configuration error: ${error.message}`;
  if (error instanceof StoreInUseError) return `${error.message}; one process serves a store: stop that one first`;
  if (error instanceof DamagedEventStoreError) return error.message;
  return String(error);
}

function isExpected(error: unknown): boolean {
  return error instanceof ConfigError || error instanceof StoreInUseError || error instanceof DamagedEventStoreError;
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`factline: ${explain(error)}\n`);
  if (!isExpected(error) && process.env.LOG_LEVEL === 'debug') console.error(error);
  process.exit(1);
});
