import { EventMetadata, StoredEvent } from '../ports/event-store.port';

/** One line of an NDJSON export: the event exactly as stored, with its place in the log. */
export interface ExportedEvent {
  position: number;
  eventId: string;
  type: string;
  streamId: string;
  revision: number;
  data: unknown;
  metadata: EventMetadata;
}

export class InvalidExportLineError extends Error {
  constructor(lineNumber: number, reason: string) {
    super(`line ${lineNumber}: ${reason}`);
    this.name = 'InvalidExportLineError';
  }
}

export function toExportLine(event: StoredEvent): string {
  const line: ExportedEvent = {
    position: event.position,
    eventId: event.eventId,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    data: event.data,
    metadata: event.metadata,
  };
  return JSON.stringify(line);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseExportLine(text: string, lineNumber: number): ExportedEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidExportLineError(lineNumber, 'not JSON');
  }
  if (!isObject(value)) throw new InvalidExportLineError(lineNumber, 'not a JSON object');
  for (const field of ['eventId', 'type', 'streamId'] as const) {
    if (typeof value[field] !== 'string' || value[field] === '') {
      throw new InvalidExportLineError(lineNumber, `${field} must be a non-empty string`);
    }
  }
  if (!Number.isInteger(value.revision) || (value.revision as number) < 0) {
    throw new InvalidExportLineError(lineNumber, 'revision must be a non-negative integer');
  }
  if (!isObject(value.metadata) || typeof value.metadata.recordedAt !== 'string') {
    throw new InvalidExportLineError(lineNumber, 'metadata with recordedAt is required');
  }
  if (value.data === undefined) throw new InvalidExportLineError(lineNumber, 'data is required');
  return value as unknown as ExportedEvent;
}
