import { FastifyInstance } from 'fastify';
import { problem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';

/** No URL of the API comes near this; past 16 KiB of request line and headers Node answers 431 itself. */
export const MAX_URL_LENGTH = 8 * 1024;

export function limitUrlLength(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.url.length <= MAX_URL_LENGTH) return done();
    done(new ProblemError(problem(414, `URLs are limited to ${MAX_URL_LENGTH} characters`)));
  });
}
