import {
  ANY,
  AppendStreamState,
  NO_STREAM,
  Position,
  ReadPosition,
  RecordedEvent,
  START,
} from '@kurrent/kurrentdb-client';
import {
  EventMetadata,
  EventToAppend,
  ExpectedRevision,
  StoredEvent,
} from '../../../application/ports/event-store.port';

/** `any` and `no_stream` mean the same on both sides; a number is the exact revision of the stream's last event. */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  return BigInt(expected);
}

/** A number the server can take as an exact revision; anything else can never match a stream. */
export function isValidRevision(expected: ExpectedRevision): boolean {
  return typeof expected === 'string' || (Number.isSafeInteger(expected) && expected >= 0);
}

/**
 * The port's position is the event's commit position in the transaction log: it only grows and
 * is unique per event (the prepare position differs only for explicit transactions, which we never
 * use). It is a byte offset, so it stays exact as a JavaScript number up to 2^53 bytes (8 PiB) of
 * log; past that we refuse rather than hand out positions that could compare wrongly.
 */
export function toPortPosition(commit: bigint): number {
  if (commit < 0n || commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`KurrentDB commit position ${commit} does not fit the port's position (0 .. 2^53-1)`);
  }
  return Number(commit);
}

/** Where a read of `$all` starts for "strictly after `after`": the read includes its start, so callers drop `<= after`. */
export function toReadPosition(after: number | undefined): ReadPosition {
  if (after === undefined || after < 0) return START;
  const position = BigInt(Math.floor(after));
  return { commit: position, prepare: position };
}

export function revisionOf(revision: bigint): number {
  return Number(revision);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export interface EventFilter {
  /** Stream prefixes this service writes; other streams in a shared store are someone else's. */
  prefixes: readonly string[];
  types?: readonly string[];
}

/** System events (`$`-types) and streams outside our prefixes never reach the port. */
export function isOurs(streamId: string, type: string, filter: EventFilter): boolean {
  if (type.startsWith('$') || streamId.startsWith('$')) return false;
  if (!filter.prefixes.some((prefix) => streamId.startsWith(prefix))) return false;
  return !filter.types || filter.types.length === 0 || filter.types.includes(type);
}

/** A server-side regex matching exactly these event types. */
export function exactTypesRegex(types: readonly string[]): string {
  const escaped = types.map((type) => type.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  return `^(?:${escaped.join('|')})$`;
}

export function toStoredEvent(recorded: RecordedEvent, position: Position | undefined): StoredEvent {
  if (!position) {
    throw new Error(
      `KurrentDB returned event ${recorded.id} of ${recorded.streamId} without its log position (the server must be 22.6 or later)`,
    );
  }
  return {
    eventId: recorded.id,
    type: recorded.type,
    streamId: recorded.streamId,
    revision: revisionOf(recorded.revision),
    position: toPortPosition(position.commit),
    data: recorded.data,
    metadata: recorded.metadata as unknown as EventMetadata,
  };
}

/** The port's event as the client's JSON event; our ids are UUIDs, which the server requires. */
export function toEventData(event: EventToAppend) {
  if (!isUuid(event.eventId)) throw new Error(`event id ${event.eventId} is not a UUID, which KurrentDB requires`);
  return {
    id: event.eventId,
    contentType: 'application/json' as const,
    type: event.type,
    // JSON at the boundary: the port's data is any JSON value; the client types it as an object.
    data: event.data as Record<string, unknown>,
    metadata: event.metadata as unknown as Record<string, unknown>,
  };
}
