import Database from 'better-sqlite3';
import {
  AppendResult,
  EventStore,
  EventToAppend,
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
  private readonly db: Database.Database;
  private readonly statements;
  private readonly groupCommit: GroupCommit<PendingAppend, AppendResult>;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly appendListeners: Array<() => void> = [];

  private readonly appender: SqliteAppender;
  private readonly writer: SqliteWriterThread | undefined;

  /** `writerThread`: commit (and wait for the fsync) on a thread of its own, off the caller's event loop. */
  constructor(path: string, options: { writerThread?: boolean } = {}) {
    this.db = openEventDatabase(path);
    this.appender = new SqliteAppender(this.db);
    this.writer = options.writerThread ? new SqliteWriterThread(path) : undefined;
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
      head: this.db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
    };
    // Appends arriving in the same turn of the event loop share one durable transaction.
    this.groupCommit = new GroupCommit((batch) => this.commitBatch(batch));
  }

  append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new Error('append needs at least one event'));
    return this.groupCommit.submit({ streamId, events, expected });
  }

  private async commitBatch(batch: PendingAppend[]): Promise<Array<AppendResult | Error>> {
    const results = this.writer ? await this.writer.commit(batch) : this.appender.commitBatch(batch);
    this.wakeSubscriptions();
    for (const listener of this.appendListeners) listener();
    return results;
  }

  async readStream(streamId: string, { fromRevision = 0, maxCount }: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    if (maxCount === undefined) return this.statements.readStream.all(streamId, fromRevision).map(toStoredEvent);
    if (maxCount <= 0) return [];
    return this.statements.readStreamUpTo.all(streamId, fromRevision, maxCount).map(toStoredEvent);
  }

  /** By the unique index on event_id, wherever in the stream the event is. */
  async readEvent(streamId: string, eventId: string): Promise<StoredEvent | undefined> {
    const row = this.statements.readEvent.get(eventId, streamId);
    return row ? toStoredEvent(row) : undefined;
  }

  async readAll({ after = -1, limit, types }: ReadAllOptions): Promise<StoredEvent[]> {
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

  async headPosition(): Promise<number> {
    return this.statements.head.get()?.position ?? -1;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
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
