import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STREAM_PREFIXES } from '../../src/application/events/factline-event';
import { EventStore } from '../../src/application/ports/event-store.port';
import { KurrentDbEventStore } from '../../src/infrastructure/event-store/kurrentdb/kurrentdb-event-store';
import { SqliteEventStore } from '../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { FakeKurrentDb } from '../support/fake-kurrentdb/fake-kurrentdb';

export interface ContractAdapter {
  name: string;
  /**
   * Where an event id is unique. SQLite refuses an id anywhere in the log; KurrentDB deduplicates
   * within a stream only, so the same id in another stream is stored again there.
   */
  eventIdScope: 'log' | 'stream';
  /**
   * Where a stored id is recognised as a repeat. SQLite: anywhere (its ids are unique in the log).
   * KurrentDB: only at the revisions the append expects (its exact-revision idempotency; the
   * adapter reads nothing before appending): the same ids appended at the stream's current
   * revision are new events there.
   */
  repeatsRecognised: 'anywhere' | 'at-expected-revision';
  open(): Promise<EventStore>;
  /**
   * Contract cases this adapter is known to fail, by name, each with the finding that explains it
   * (issue 21). They run as \`it.failing\`: the suite stays green and says which they are, and the
   * fix that makes one pass turns it red until it is taken off the list.
   */
  knownFailures?: Readonly<Record<string, string>>;
  /** Closes the store and removes whatever `open` created. */
  dispose(): Promise<void>;
}

/** The embedded store; `writerThread` commits on its own thread, as the service runs it. */
export function sqliteAdapter({ writerThread = false } = {}): ContractAdapter {
  let directory: string | undefined;
  let store: EventStore | undefined;
  return {
    name: writerThread ? 'sqlite (writer thread)' : 'sqlite',
    eventIdScope: 'log',
    repeatsRecognised: 'anywhere',
    async open() {
      directory = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-contract-'));
      store = new SqliteEventStore(path.join(directory, 'events.db'), { writerThread });
      return store;
    },
    async dispose() {
      await store?.close();
      if (directory) fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

export function kurrentDbAdapter(connectionString: string): ContractAdapter {
  let store: EventStore | undefined;
  return {
    name: 'kurrentdb',
    eventIdScope: 'stream',
    repeatsRecognised: 'at-expected-revision',
    async open() {
      store = KurrentDbEventStore.connect(connectionString, STREAM_PREFIXES);
      await store.ping();
      return store;
    },
    async dispose() {
      await store?.close();
    },
  };
}

/**
 * The KurrentDB adapter on FakeKurrentDb, a model of the server's documented behaviour (byte-offset
 * positions, the append size limit, exact-revision idempotency): runs in every \`npm test\`.
 */
export function fakeKurrentDbAdapter(knownFailures: Readonly<Record<string, string>> = {}): ContractAdapter {
  let store: EventStore | undefined;
  return {
    name: 'kurrentdb on the fake server',
    eventIdScope: 'stream',
    repeatsRecognised: 'at-expected-revision',
    knownFailures,
    async open() {
      store = new KurrentDbEventStore(new FakeKurrentDb().connect(), STREAM_PREFIXES);
      await store.ping();
      return store;
    },
    async dispose() {
      await store?.close();
    },
  };
}
