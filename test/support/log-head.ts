import { HttpClient } from './http-client';

/**
 * Follows the newest position in the log itself (the projections' view of the head may trail it),
 * reading only what was appended since the last call.
 */
export function logHead(client: HttpClient): () => Promise<number> {
  let known = -1;
  return async () => {
    for (;;) {
      const page = await client.request('GET', `/v1/events?after=${known}&limit=500`, { as: 'reader' });
      if (page.status !== 200) throw new Error(`GET /v1/events answered ${page.status}`);
      if (page.body.items.length === 0) return known;
      known = page.body.items.at(-1).position;
    }
  };
}
