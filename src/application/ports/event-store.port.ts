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
  /**
   * Only on events of a command sent with an `Idempotency-Key`: a hash of the request (method,
   * path and body), so a retry with the same key but another request can be told apart.
   */
  requestFingerprint?: string;
}

export interface EventToAppend {
  eventId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

/**
 * An event for a bulk load: its stream revision settled by the loader, its data and metadata as the
 * JSON text to store.
 */
export interface EventToLoad {
  eventId: string;
  type: string;
  streamId: string;
  revision: number;
  data: string;
  metadata: string;
}

export interface LoadResult {
  /** How many of the events given, from the first on, were written. */
  stored: number;
  /** Why the next one was not (WrongExpectedRevisionError: its revision is taken; DuplicateEventIdError), if one was refused. */
  refusal?: Error;
}

/**
 * A bulk load into the embedded store, for an import that holds the store alone and has checked
 * that each event's revision continues its stream. Events are written in the order given, in large
 * durable transactions, up to the first the store refuses; none after it. One load at a time.
 */
export interface BulkLoad {
  /** Writes these events after those written before; durable at the next of the load's commits, or at `end`. */
  write(events: EventToLoad[]): Promise<LoadResult>;
  /** Commits what was written (the events before a refusal, too) and ends the load. */
  end(): Promise<void>;
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
  /**
   * Only events with a position strictly greater than this. Omit to start at the beginning. It must
   * be -1 or a position the store handed out: where positions are byte offsets (KurrentDB), any
   * other number is refused with InvalidPositionError.
   */
  after?: number;
  /** Read backwards instead: newest first, only events with a position strictly less than this (same rule as `after`; `Infinity`: from the log's end); `types` is not applied. */
  before?: number;
  limit: number;
  types?: string[];
}

export interface ReadStreamOptions {
  /** Start at this revision (inclusive); omit to read from the stream's first event. */
  fromRevision?: number;
  /** At most this many events. */
  maxCount?: number;
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
  /** The stream's events in revision order; empty when the stream does not exist (or holds none from `fromRevision` on). */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /**
   * The event with this id in this stream, if it is there. The embedded store finds it anywhere in
   * the stream; KurrentDB looks among the stream's newest READ_EVENT_WINDOW events (see its adapter).
   */
  readEvent(streamId: string, eventId: string): Promise<StoredEvent | undefined>;
  /** One page of the global log in position order (descending with `before`). */
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * True where every whole number is a position one may read after (the embedded store counts
   * events); false where positions are byte offsets and only an event's own position is valid.
   */
  readonly positionsAreCounters?: boolean;
  /** The most bytes (see appendSize) one append may carry, where the store has a limit; batch below it. */
  readonly maxAppendBytes?: number;
  /** The embedded store's bulk load (absent elsewhere): see BulkLoad. */
  bulkLoad?(): BulkLoad;
  /** Follows the log from a position, first catching up, then live. */
  subscribe(options: SubscribeOptions): Subscription;
  /** Position of the newest event, or -1 for an empty log. */
  headPosition(): Promise<number>;
  /** Cheap liveness check of the underlying store. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Notifications of the embedded store, absent elsewhere: `onAppended` calls the listener after each
   * commit of appends made through this instance; `wakeSubscriptions` makes its subscriptions look
   * for new events at once (for appends another connection or thread made).
   */
  onAppended?(listener: () => void): void;
  wakeSubscriptions?(): void;
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

/** A position that is not an event's own (a guess, an off-by-one): the store cannot read from it. */
export class InvalidPositionError extends Error {
  constructor(readonly position: number) {
    super(`${position} is not the position of an event; use a position the API gave out`);
    this.name = 'InvalidPositionError';
  }
}

/** One event, or one batch, larger than the store accepts in a single append. */
export class AppendTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AppendTooLargeError';
  }
}

/**
 * The store cannot be reached right now; the caller may retry later. `reason` is what a client may be
 * told (no addresses of the store's servers); the message, for the log, may say more.
 */
export class EventStoreUnavailableError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
    readonly reason = message,
  ) {
    super(message);
    this.name = 'EventStoreUnavailableError';
  }
}
