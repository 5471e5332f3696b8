import Database from 'better-sqlite3';
import {
  AppendResult,
  EventStore,
  EventToAppend,
  BulkLoad,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../../../application/ports/event-store.port';
import { GroupCommit } from './group-commit';
import { PendingAppend, SqliteAppender } from './sqlite-appender';
import { SqliteWriterThread } from './sqlite-writer-thread';
import { openEventDatabase } from './sqlite-schema';
import { SqliteSubscription } from './sqlite-subscription';
import { isStorageFault, StorageFaultState } from './storage-fault';

interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

const EVENT_COLUMNS = 'position, event_id, stream_id, revision, type, data, metadata';
const PROBE_ID = '$storage-probe';
/** About what a large append adds: enough that the probe needs new pages when the file or the disk is full. */
const PROBE_BYTES = 16 * 1024;

/** Appends one durable transaction takes at most: what a service's turn of the event loop gathers. */
const APPENDS_PER_COMMIT = 2000;

export interface SqliteEventStoreOptions {
  writerThread?: boolean;
  bulk?: boolean;
}

const toStoredEvent = (row: EventRow): StoredEvent => ({
  eventId: row.event_id,
  type: row.type,
  streamId: row.stream_id,
  revision: row.revision,
  position: row.position,
  data: JSON.parse(row.data),
  metadata: JSON.parse(row.metadata),
});

export class SqliteEventStore implements EventStore {
  /** Positions count events, so any whole number is a place to read from. */
  readonly positionsAreCounters = true;
  private readonly db: Database.Database;
  private readonly statements;
  private readonly groupCommit: GroupCommit<PendingAppend, AppendResult>;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly appendListeners: Array<() => void> = [];

  private readonly appender: SqliteAppender;
  private readonly writer: SqliteWriterThread | undefined;
  private readonly storage: StorageFaultState;

  /**
   * `writerThread`: commit (and wait for the fsync) on a thread of its own, off the caller's event loop.
   * `bulk`: for a writer of many events at once (an import's load), a larger page cache.
   */
  constructor(path: string, options: SqliteEventStoreOptions = {}) {
    this.db = openEventDatabase(path, { bulk: options.bulk });
    this.storage = new StorageFaultState(path);
    this.appender = new SqliteAppender(this.db);
    this.writer = options.writerThread ? new SqliteWriterThread(path, { bulk: options.bulk }) : undefined;
    this.statements = {
      readStream: this.db.prepare<[string, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`,
      ),
      // A statement of its own: a bound LIMIT makes even an empty read several times dearer.
      readStreamUpTo: this.db.prepare<[string, number, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      ),
      readEvent: this.db.prepare<[string, string], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = ? AND stream_id = ?`,
      ),
      readAll: this.db.prepare<[number, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
      ),
      readAllBackwards: this.db.prepare<[number, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position < ? ORDER BY position DESC LIMIT ?`,
      ),
      head: this.db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
      probeInsert: this.db.prepare(
        `INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, 0, ?, randomblob(${PROBE_BYTES}), '{}')`,
      ),
      probeDelete: this.db.prepare('DELETE FROM events WHERE event_id = ?'),
    };
    // Appends arriving in the same turn of the event loop share one durable transaction.
    this.groupCommit = new GroupCommit((batch) => this.commitBatch(batch), APPENDS_PER_COMMIT);
  }

  append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new Error('append needs at least one event'));
    return this.groupCommit.submit({ streamId, events, expected });
  }

  private async commitBatch(batch: PendingAppend[]): Promise<Array<AppendResult | Error>> {
    const results = await this.guarded(async () => {
      const outcomes = this.writer ? await this.writer.commit(batch) : this.appender.commitBatch(batch);
      const fault = outcomes.find(isStorageFault);
      if (fault) throw fault;
      return outcomes;
    });
    this.committed();
    return results;
  }

  /** Beside the group commit, on the same connection: an append commits the load's open transaction first. */
  bulkLoad(): BulkLoad {
    return {
      write: (events) =>
        this.loaded(async () => {
          if (!this.writer) return this.appender.loadPart(events);
          const result = await this.writer.loadPart(events);
          if (isStorageFault(result.refusal)) throw result.refusal;
          return result;
        }),
      end: () =>
        this.loaded(async () => {
          if (!this.writer) return this.appender.endLoad();
          const fault = await this.writer.endLoad();
          if (fault) throw fault;
        }),
    };
  }

  /** Subscribers are woken after each part, as it may have committed: they read only what did. */
  private async loaded<T>(work: () => Promise<T>): Promise<T> {
    const result = await this.guarded(work);
    this.committed();
    return result;
  }

  private committed(): void {
    this.storage.cleared();
    this.wakeSubscriptions();
    for (const listener of this.appendListeners) listener();
  }

  readStream(streamId: string, { fromRevision = 0, maxCount }: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.guarded(async () => {
      if (maxCount === undefined) return this.statements.readStream.all(streamId, fromRevision).map(toStoredEvent);
      if (maxCount <= 0) return [];
      return this.statements.readStreamUpTo.all(streamId, fromRevision, maxCount).map(toStoredEvent);
    });
  }

  /** By the unique index on event_id, wherever in the stream the event is. */
  readEvent(streamId: string, eventId: string): Promise<StoredEvent | undefined> {
    return this.guarded(async () => {
      const row = this.statements.readEvent.get(eventId, streamId);
      return row ? toStoredEvent(row) : undefined;
    });
  }

  readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    return this.guarded(async () => this.readPage(options));
  }

  private readPage({ after = -1, before, limit, types }: ReadAllOptions): StoredEvent[] {
    if (before !== undefined) {
      const end = Number.isFinite(before) ? before : Number.MAX_SAFE_INTEGER;
      return this.statements.readAllBackwards.all(end, limit).map(toStoredEvent);
    }
    if (!types || types.length === 0) return this.statements.readAll.all(after, limit).map(toStoredEvent);
    const placeholders = types.map(() => '?').join(', ');
    const rows = this.db
      .prepare<unknown[], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND type IN (${placeholders}) ORDER BY position LIMIT ?`,
      )
      .all(after, ...types, limit);
    return rows.map(toStoredEvent);
  }

  subscribe(options: SubscribeOptions): Subscription {
    const subscription = new SqliteSubscription(this, options, () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  headPosition(): Promise<number> {
    return this.guarded(async () => this.statements.head.get()?.position ?? -1);
  }

  /**
   * While a storage fault lasts, each ping is also the probe that ends it: a write of about an
   * append's size, committed and undone in one transaction, so it needs the space and the I/O an
   * append would (a rolled-back write might never leave the page cache).
   */
  ping(): Promise<void> {
    return this.guarded(async () => {
      if (this.storage.current === undefined) {
        this.db.prepare('SELECT 1').get();
        return;
      }
      this.db
        .transaction(() => {
          this.statements.probeInsert.run(PROBE_ID, PROBE_ID, PROBE_ID);
          this.statements.probeDelete.run(PROBE_ID);
        })
        .immediate();
      this.storage.cleared();
    });
  }

  /** A storage fault in `work` becomes the port's EventStoreUnavailableError (HTTP 503), and is remembered for /health. */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw isStorageFault(error) ? this.storage.record(error) : error;
    }
  }

  async close(): Promise<void> {
    await this.groupCommit.drain();
    await this.writer?.close();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.db.close();
  }

  /** Called after each commit of appends, so a subscriber in another thread can be woken at once. */
  onAppended(listener: () => void): void {
    this.appendListeners.push(listener);
  }

  /** Lets subscriptions look for new events now; also for appends another connection made. */
  wakeSubscriptions(): void {
    for (const subscription of this.subscriptions) subscription.wake();
  }
}
