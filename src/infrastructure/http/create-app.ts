import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../../app.module';
import { Config } from '../../config/config';
import { EventStore } from '../../application/ports/event-store.port';
import { addSafeHeadersHook } from './headers/safe-headers.hook';
import { useStrictJsonParser } from './input/json-body.parser';
import { allowLargerBodies } from './input/route-body-limits';
import { checkUrls } from './input/url.hook';
import { answerClientError, answerFrameworkError } from './problem/framework-errors';
import { allowBrowserOrigins } from './security/cors';
import { registerRateLimiting } from './security/rate-limits';
import { addSecurityHeaders } from './security/security-headers';
import { refuseRequestsWhileClosing } from './shutdown';
import { setUpSwagger } from './swagger';
import { registerDesk } from '../desk/register-desk';

export const BODY_LIMIT_BYTES = 64 * 1024;

/** The whole HTTP application, ready to listen; used by main.ts, the demo and the end-to-end tests. */
export async function createApp(config: Config, eventStore: EventStore): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { ignoreTrailingSlash: true },
    trustProxy: config.trustProxy,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    // Requests arriving while the server closes are answered by refuseRequestsWhileClosing, as problems.
    return503OnClosing: false,
  });
  // Before Nest registers any route: the hooks and plugins below apply to every one of them.
  const fastify = adapter.getInstance();
  refuseRequestsWhileClosing(fastify);
  // Fastify's own parsers stay for text (refused by validation); JSON gets ours; any other type is 415.
  useStrictJsonParser(fastify);
  allowLargerBodies(fastify);
  checkUrls(fastify);
  addSafeHeadersHook(fastify);
  addSecurityHeaders(fastify);
  await registerRateLimiting(fastify);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, eventStore), adapter, {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  allowBrowserOrigins(app, config);
  setUpSwagger(app);
  await registerDesk(app);
  await app.init();
  return app;
}
