import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/config';
import { createEventStore } from './infrastructure/event-store/create-event-store';
import { DamagedEventStoreError } from './infrastructure/event-store/sqlite/damaged-event-store';
import { createApp } from './infrastructure/http/create-app';
import { stopGracefullyOnSignals } from './infrastructure/http/shutdown';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Factline');
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
  logger.log(`Factline on http://${host}:${config.port} (${config.eventStore} store; docs at /docs)`);
}

bootstrap().catch((error: unknown) => {
  // One line, naming the variable where there is one; no stack trace for a configuration mistake.
  const expected = error instanceof ConfigError || error instanceof DamagedEventStoreError;
  const message =
    error instanceof ConfigError ? `configuration error: ${error.message}` : expected ? error.message : String(error);
  process.stderr.write(`factline: ${message}\n`);
  if (!expected && process.env.LOG_LEVEL === 'debug') console.error(error);
  process.exit(1);
});
