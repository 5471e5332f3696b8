import { createHash, randomUUID } from 'node:crypto';

/**
 * With an idempotency key, the n-th event of a command always gets the same UUID, so a retry
 * after a crash is deduplicated by the event store. Without one, ids are random.
 */
export function eventIdFor(actor: string, idempotencyKey: string | undefined, index: number): string {
  if (idempotencyKey === undefined) return randomUUID();
  const hash = createHash('sha256').update(`${actor}\u0000${idempotencyKey}\u0000${index}`).digest('hex');
  // Shaped as an RFC 9562 version 8 (custom) UUID.
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-8${hash.slice(13, 16)}-${((parseInt(hash[16], 16) & 0x3) | 0x8).toString(16)}${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
}
