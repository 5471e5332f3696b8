import { createHash } from 'node:crypto';
import { FastifyRequest } from 'fastify';

/**
 * What makes two requests the same request: method, path with query, and the JSON body. Kept in
 * the metadata of the events a keyed command appends (`requestFingerprint`), so that a retry with
 * the same `Idempotency-Key` but another request is refused instead of answered as a replay.
 */
export function requestFingerprint(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}
