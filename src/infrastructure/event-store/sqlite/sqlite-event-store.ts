import Database from 'better-sqlite3';
import {
  AppendResult,
  DuplicateEventIdError,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
  WrongExpectedRevisionError,
} from '../../../application/ports/event-store.port';
import { GroupCommit } from './group-commit';
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

export interface PendingAppend {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
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
  private readonly db: Database.Database;
  private readonly statements;
  private readonly groupCommit: GroupCommit<PendingAppend, AppendResult>;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly appendListeners: Array<() => void> = [];

  constructor(path: string) {
    this.db = openEventDatabase(path);
    this.statements = {
      streamRevision: this.db.prepare<[string], { revision: number }>(
        'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      ),
      insert: this.db.prepare(
        'INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      byEventId: this.db.prepare<[string], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = ?`),
      readStream: this.db.prepare<[string], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? ORDER BY revision`,
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

  private commitBatch(batch: PendingAppend[]): Array<AppendResult | Error> {
    const results: Array<AppendResult | Error> = [];
    const appendOne = this.db.transaction((pending: PendingAppend) => this.appendInTransaction(pending));
    this.db.transaction(() => {
      for (const pending of batch) {
        try {
          results.push(appendOne(pending));
        } catch (error) {
          results.push(error instanceof Error ? error : new Error(String(error)));
        }
      }
    })();
    this.wakeSubscriptions();
    for (const listener of this.appendListeners) listener();
    return results;
  }

  private appendInTransaction({ streamId, events, expected }: PendingAppend): AppendResult {
    const alreadyStored = this.findEarlierAppend(streamId, events);
    if (alreadyStored) return alreadyStored;
    const current = this.statements.streamRevision.get(streamId)?.revision ?? -1;
    const matches =
      expected === 'any' || (expected === 'no_stream' ? current === -1 : current === expected && expected >= 0);
    if (!matches) throw new WrongExpectedRevisionError(streamId, expected, current === -1 ? 'no_stream' : current);
    let revision = current;
    let position = -1;
    for (const event of events) {
      revision += 1;
      const info = this.statements.insert.run(
        event.eventId,
        streamId,
        revision,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      );
      position = Number(info.lastInsertRowid);
    }
    return { revision, position };
  }

  /** A retried append whose event ids are already stored, in order, in this stream answers as the first did. */
  private findEarlierAppend(streamId: string, events: EventToAppend[]): AppendResult | undefined {
    const first = this.statements.byEventId.get(events[0].eventId);
    if (!first) {
      for (const event of events.slice(1)) {
        if (this.statements.byEventId.get(event.eventId)) throw new DuplicateEventIdError(event.eventId);
      }
      return undefined;
    }
    let last = first;
    for (const [index, event] of events.entries()) {
      const row = index === 0 ? first : this.statements.byEventId.get(event.eventId);
      if (!row || row.stream_id !== streamId || row.revision !== first.revision + index) {
        throw new DuplicateEventIdError(event.eventId);
      }
      last = row;
    }
    return { revision: last.revision, position: last.position };
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    return this.statements.readStream.all(streamId).map(toStoredEvent);
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
