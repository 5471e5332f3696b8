import Database from 'better-sqlite3';
import {
  AppendResult,
  DuplicateEventIdError,
  EventToAppend,
  ExpectedRevision,
  WrongExpectedRevisionError,
} from '../../../application/ports/event-store.port';
import { isStorageFault } from './storage-fault';

export interface PendingAppend {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
}

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
