import { FastifyInstance } from 'fastify';

/**
 * Routes that take more than the service's body limit. An article of 100,000 characters is up to
 * 600,000 bytes of JSON when every character is sent as a \u escape.
 */
const LARGER_BODIES: Record<string, number> = { '/v1/extractions': 1024 * 1024 };

/** Gives those routes their limit as they are registered; everything else keeps the service's. */
export function allowLargerBodies(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const limit = LARGER_BODIES[route.url];
    if (limit !== undefined) route.bodyLimit = limit;
  });
}
