import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../../app.module';
import { Config } from '../../config/config';
import { EventStore } from '../../application/ports/event-store.port';
import { setUpSwagger } from './swagger';
import { registerDesk } from '../desk/register-desk';

export const BODY_LIMIT_BYTES = 64 * 1024;

/** The whole HTTP application, ready to listen; used by main.ts, the demo and the end-to-end tests. */
export async function createApp(config: Config, eventStore: EventStore): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, routerOptions: { ignoreTrailingSlash: true } });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, eventStore), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // Fastify's own parsers: JSON (and text, refused by validation); any other content type is 415.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  setUpSwagger(app);
  await registerDesk(app);
  await app.init();
  return app;
}
