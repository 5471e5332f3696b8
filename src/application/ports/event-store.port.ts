/**
 * The contract every event store adapter fulfils. The contract test suite in
 * test/contract is its executable form: an adapter is done when it passes there.
 */

export const EVENT_STORE = Symbol('EVENT_STORE');

/** `any`: append whatever the stream holds; `no_stream`: the stream must not exist; a number: the stream's last revision must equal it. */
export type ExpectedRevision = 'any' | 'no_stream' | number;

export interface EventMetadata {
  recordedAt: string;
  actor: string;
  commandId: string;
  correlationId: string;
  causationId: string;
  schemaVersion: number;
}

export interface EventToAppend {
  eventId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

export interface StoredEvent {
  eventId: string;
  type: string;
  streamId: string;
  /** 0 for the first event of a stream, growing by one. */
  revision: number;
  /** Global log position: non-negative, only grows (not necessarily by one). */
  position: number;
  data: unknown;
  metadata: EventMetadata;
}

export interface AppendResult {
  /** Revision of the last event written: the stream's new revision. */
  revision: number;
  /** Global position of the last event written. */
  position: number;
}

export interface ReadAllOptions {
  /** Only events with a position strictly greater than this. Omit to start at the beginning. */
  after?: number;
  limit: number;
  types?: string[];
}

export interface Subscription {
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /** Deliver events with a position strictly greater than this; omit for the whole log. */
  after?: number;
  /** Called for each page of events, in log order; the next page waits for the promise. */
  onEvents(events: StoredEvent[]): Promise<void>;
  onError?(error: Error): void;
}

export interface EventStore {
  append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** The stream's events in revision order; an empty array when the stream does not exist. */
  readStream(streamId: string): Promise<StoredEvent[]>;
  /** One page of the global log in position order. */
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  /** Follows the log from a position, first catching up, then live. */
  subscribe(options: SubscribeOptions): Subscription;
  /** Position of the newest event, or -1 for an empty log. */
  headPosition(): Promise<number>;
  /** Embedded store only: called after each commit of appends made through this instance. */
  onAppended?(listener: () => void): void;
  /** Embedded store only: lets subscriptions look for new events now (appends made by another connection). */
  wakeSubscriptions?(): void;
  /** Cheap liveness check of the underlying store. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The stream's revision no longer matches what the writer expected. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, found ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** An event id is already in the log as part of a different append. */
export class DuplicateEventIdError extends Error {
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already in the log`);
    this.name = 'DuplicateEventIdError';
  }
}

/** The store cannot be reached right now; the caller may retry later. */
export class EventStoreUnavailableError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'EventStoreUnavailableError';
  }
}
