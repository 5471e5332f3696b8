import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Config } from '../../../config/config';

/** What a browser tool needs to send and to read: the API's own request and response headers. */
const REQUEST_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'If-Match',
  'Last-Event-ID',
  'X-Correlation-Id',
  'X-Causation-Id',
];
const RESPONSE_HEADERS = ['ETag', 'Location', 'Idempotent-Replayed', 'Retry-After', 'Allow'];

/**
 * CORS for the origins in CORS_ORIGINS only, through @fastify/cors (which Nest registers for
 * `enableCors`). Keys travel in the Authorization header, never in cookies, so no credentials mode.
 */
export function allowBrowserOrigins(app: NestFastifyApplication, config: Config): void {
  if (config.corsOrigins.length === 0) return;
  app.enableCors({
    origin: config.corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: REQUEST_HEADERS,
    exposedHeaders: RESPONSE_HEADERS,
    maxAge: 600,
  });
}
