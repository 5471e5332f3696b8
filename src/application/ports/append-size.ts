import { EventToAppend } from './event-store.port';

/** Room for what the server adds to each event besides its type, data and metadata (id, content type, framing). */
const PER_EVENT_OVERHEAD = 128;

/** What an event weighs against a store's per-append limit: its type, data and metadata as JSON bytes, and a margin. */
export function appendSize(event: EventToAppend): number {
  return (
    Buffer.byteLength(event.type) +
    Buffer.byteLength(JSON.stringify(event.data) ?? '') +
    Buffer.byteLength(JSON.stringify(event.metadata) ?? '') +
    PER_EVENT_OVERHEAD
  );
}
