import { StoredEvent } from '../../../application/ports/event-store.port';

/** `id` is the global position, so a reconnecting client's Last-Event-ID is where to resume. */
export function eventFrame(event: StoredEvent): string {
  // JSON.stringify escapes line breaks, so the data always fits on one `data:` line.
  return `id: ${event.position}\nevent: ${event.type.replace(/[\r\n]/g, '')}\ndata: ${JSON.stringify(event)}\n\n`;
}
