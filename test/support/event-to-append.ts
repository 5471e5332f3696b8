import { randomUUID } from 'node:crypto';
import { EventToAppend } from '../../src/application/ports/event-store.port';
import { CURRENT_SCHEMA_VERSION } from '../../src/application/events/factline-event';

/** An event as a command would append it: a fresh id, and metadata naming `actor` as its author. */
export function eventToAppend(type: string, data: unknown, actor: string): EventToAppend {
  const commandId = randomUUID();
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      recordedAt: new Date().toISOString(),
      actor,
      commandId,
      correlationId: commandId,
      causationId: commandId,
      schemaVersion: CURRENT_SCHEMA_VERSION,
    },
  };
}
