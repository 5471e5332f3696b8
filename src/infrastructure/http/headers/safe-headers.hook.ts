import { FastifyInstance } from 'fastify';
import { headerSafe } from './header-values';

/**
 * The last step before an answer is written: a header value Node would refuse (raw UTF-8, say)
 * would turn an acknowledged write into a 500, so every value is made writable here instead.
 */
export function addSafeHeadersHook(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (typeof value === 'string') {
        const safe = headerSafe(value);
        if (safe !== value) void reply.header(name, safe);
      } else if (Array.isArray(value)) {
        void reply.header(
          name,
          value.map((item) => headerSafe(String(item))),
        );
      }
    }
    done(null, payload);
  });
}
