import Database from 'better-sqlite3';
import {
  AppendResult,
  DuplicateEventIdError,
  EventToAppend,
  EventToLoad,
  ExpectedRevision,
  LoadResult,
  WrongExpectedRevisionError,
} from '../../../application/ports/event-store.port';
import { isStorageFault } from './storage-fault';

export interface PendingAppend {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
}

/** Events a bulk load commits at once (see loadPart). */
const LOAD_COMMIT_EVENTS = 20_000;

interface StoredIdentity {
  position: number;
  stream_id: string;
  revision: number;
}

/**
 * Writes a batch of appends in one durable transaction, each append in a savepoint of its own so
 * a refused one (wrong revision, reused id) leaves the others in; a storage fault (a full disk, an
 * I/O error) refuses the whole batch, so nothing is acknowledged that was not committed. Runs on the thread that owns
 * the writing connection: the service's event loop, or the store's writer thread.
 */
export class SqliteAppender {
  private readonly statements;
  /** The bulk load in progress: events written since its last commit, and whether it refused one. */
  private load = { uncommitted: 0, refused: false };

  constructor(private readonly db: Database.Database) {
    this.statements = {
      streamRevision: db.prepare<[string], { revision: number }>(
        'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      ),
      insert: db.prepare(
        'INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      byEventId: db.prepare<[string], StoredIdentity>(
        'SELECT position, stream_id, revision FROM events WHERE event_id = ?',
      ),
    };
  }

  commitBatch(batch: PendingAppend[]): Array<AppendResult | Error> {
    // An append is acknowledged once durable: not inside a load's open transaction.
    this.commitLoad();
    const results: Array<AppendResult | Error> = [];
    const appendOne = this.db.transaction((pending: PendingAppend) => this.appendInTransaction(pending));
    // IMMEDIATE takes the write lock first: a transaction that read before writing would fail at once
    // (SQLITE_BUSY, no busy wait) when another connection to the file committed in between.
    this.db
      .transaction(() => {
        for (const pending of batch) {
          try {
            results.push(appendOne(pending));
          } catch (error) {
            // SQLite may have rolled back more than this append's savepoint: refuse the whole batch.
            if (isStorageFault(error)) throw error;
            results.push(error instanceof Error ? error : new Error(String(error)));
          }
        }
      })
      .immediate();
    return results;
  }

  /**
   * Part of a bulk load: inserted into a transaction that stays open across parts, committed every
   * LOAD_COMMIT_EVENTS and at the end, so a commit shares more of the event-id index's pages that
   * random ids dirty. No savepoint per event, since the loader checked the revisions: a refused insert
   * (an id or a revision already taken) undoes only itself, and nothing after it is written.
   */
  loadPart(events: EventToLoad[]): LoadResult {
    if (this.load.refused) return { stored: 0, refusal: new Error('an earlier event of this load was refused') };
    if (!this.db.inTransaction) this.db.exec('BEGIN IMMEDIATE');
    const { insert } = this.statements;
    let stored = 0;
    let refusal: Error | undefined;
    try {
      for (; stored < events.length; stored += 1) {
        const event = events[stored];
        insert.run(event.eventId, event.streamId, event.revision, event.type, event.data, event.metadata);
      }
    } catch (error) {
      if (isStorageFault(error)) this.abandonLoad(error);
      refusal = this.refusalOf(events[stored], error);
      this.load.refused = true;
    }
    this.load.uncommitted += stored;
    if (refusal) return { stored, refusal };
    if (this.load.uncommitted >= LOAD_COMMIT_EVENTS) this.commitLoad();
    return { stored };
  }

  /** Commits what the load wrote, and forgets its refusal: the next part begins a new load. */
  endLoad(): void {
    this.commitLoad();
    this.load.refused = false;
  }

  private commitLoad(): void {
    try {
      if (this.db.inTransaction) this.db.exec('COMMIT');
    } catch (error) {
      this.abandonLoad(error);
    }
    this.load.uncommitted = 0;
  }

  /** A storage fault: SQLite may have rolled the transaction back already; the load keeps what it committed before. */
  private abandonLoad(fault: unknown): never {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.load = { uncommitted: 0, refused: false };
    throw fault;
  }

  private refusalOf({ eventId, streamId, revision }: EventToLoad, error: unknown): Error {
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes('events.event_id')) return new DuplicateEventIdError(eventId);
    if (message.includes('events.stream_id')) {
      const current = this.statements.streamRevision.get(streamId)?.revision;
      return new WrongExpectedRevisionError(
        streamId,
        revision === 0 ? 'no_stream' : revision - 1,
        current ?? 'no_stream',
      );
    }
    return error instanceof Error ? error : new Error(message);
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
}
