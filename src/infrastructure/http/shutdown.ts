import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyInstance } from 'fastify';
import { problem } from './problem/problem';
import { sendProblem } from './problem/send-problem';

/** A client turned away by a stopping instance tries again after this: time for a restart or another replica. */
const RETRY_AFTER_SHUTDOWN_SECONDS = 5;

/**
 * Once the server starts closing, a request that still arrives on an open connection is answered
 * 503 problem+json with Retry-After instead of being run (in place of Fastify's own JSON), and every
 * answer closes its connection, so the drain ends as soon as the requests in flight have.
 */
export function refuseRequestsWhileClosing(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onRequest', (_request, reply, done) => {
    if (!closing) return done();
    sendProblem(reply, problem(503, 'the service is shutting down; retry shortly'), {
      'Retry-After': String(RETRY_AFTER_SHUTDOWN_SECONDS),
      Connection: 'close',
    });
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    // The client opens its next request elsewhere instead of racing the close of this connection.
    if (closing) void reply.header('Connection', 'close');
    done(null, payload);
  });
}

/**
 * SIGTERM or SIGINT: live clients are ended, the listening socket closes, requests in flight get
 * `graceMs` to finish (then their connections are cut), the projections and the store close, and the
 * process exits 0. A second signal ends the process at once.
 */
export function stopGracefullyOnSignals(app: NestFastifyApplication, graceMs: number): void {
  const logger = new Logger('Shutdown');
  const stop = (signal: NodeJS.Signals) => {
    logger.log(`${signal}: refusing new requests; those in flight have ${graceMs} ms to finish`);
    const cut = setTimeout(() => {
      logger.warn(`requests still running after ${graceMs} ms: closing their connections`);
      app.getHttpServer().closeAllConnections();
    }, graceMs);
    app.close().then(
      () => {
        clearTimeout(cut);
        logger.log('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`factline: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
