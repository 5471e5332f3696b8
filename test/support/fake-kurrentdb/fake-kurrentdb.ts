import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { FakeKurrentDbClient, NodePreference } from './fake-kurrentdb-client';
import { DEFAULT_CHUNK_SIZE, LogEntry, LogRecord, TransactionLog } from './transaction-log';
import { TransportFault } from './transport-errors';

/** The server's default `MaxAppendSize`: 1 MiB per append (configurable up to 16 MiB). */
export const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;

/**
 * How many event ids the server remembers for recognising a retried append that expects `any`
 * (the server keeps a bounded cache of recently committed ids; with an exact revision it reads the
 * stream instead and needs no cache).
 */
export const DEFAULT_ID_CACHE_SIZE = 10_000;

export interface FakeKurrentDbOptions {
  /** Bytes one append may carry, counted as the server counts them (data + metadata + 2 × type length). */
  maxAppendSize?: number;
  /** Log chunk size: a record never spans two chunks. Small values put gaps between positions. */
  chunkSize?: number;
  idCacheSize?: number;
}

/** A call the fake can be told to fail, by the path it travels in the real client. */
export type FakeOperation = 'append' | 'read' | 'subscribe';

export interface StreamState {
  records: LogRecord[];
  tombstoned: boolean;
  metadata?: unknown;
}

/** How often each kind of call reached the server, and how many records subscriptions scanned. */
export interface CallCounts {
  appends: number;
  readStream: number;
  readAll: number;
  subscribeToAll: number;
  /** Records a subscription went over (delivered or filtered out) since the counts were reset. */
  recordsScanned: number;
}

/**
 * A KurrentDB cluster in memory, as the client sees it: one leader that takes every write, and one
 * follower whose copy of the log can be held behind (a lagging node) — a client that prefers
 * followers reads and subscribes there, while its appends still reach the leader. The leader can
 * be lost (an election: calls on it fail in the client's own error shapes) and a new one elected.
 * Every call can be made to fail once in any of the shapes the client raises. See docs/kurrentdb.md
 * for what this models and what only a real server can show.
 */
export class FakeKurrentDb {
  readonly log: TransactionLog;
  readonly maxAppendSize: number;
  readonly calls: CallCounts = emptyCounts();
  private readonly streams = new Map<string, StreamState>();
  private readonly idCache = new Map<string, LogRecord>();
  private readonly idCacheSize: number;
  /** Records the follower has; `undefined` while it keeps up with the leader. */
  private followerHas: number | undefined;
  private electing = false;
  private readonly faults: Array<{ operation: FakeOperation; fault: TransportFault }> = [];
  private readonly waiters = new Set<() => void>();
  private readonly dropListeners = new Set<(node: NodePreference | 'any', fault: TransportFault) => void>();

  constructor({
    maxAppendSize = DEFAULT_MAX_APPEND_SIZE,
    chunkSize = DEFAULT_CHUNK_SIZE,
    idCacheSize = DEFAULT_ID_CACHE_SIZE,
  }: FakeKurrentDbOptions = {}) {
    this.maxAppendSize = maxAppendSize;
    this.idCacheSize = idCacheSize;
    this.log = new TransactionLog(chunkSize);
    // A new database starts with records of its own: the epoch, and the event that describes it.
    this.log.write([
      systemEntry('', '$epoch', 0n, Buffer.alloc(0)),
      systemEntry('$epoch-information', '$epoch-information', 0n, Buffer.from('{"epochNumber":0}'), false),
    ]);
  }

  /**
   * A client of this cluster, typed as the real one. `nodePreference` is where its reads and
   * subscriptions go (as in the connection string); appends always reach the leader.
   */
  connect({ nodePreference = 'leader' }: { nodePreference?: NodePreference } = {}): KurrentDBClient {
    return new FakeKurrentDbClient(this, nodePreference) as unknown as KurrentDBClient;
  }

  // --- knobs for tests ---

  /** The follower stops applying the leader's records: reads that prefer it see the log as it is now. */
  pauseReplication(): void {
    this.followerHas ??= this.log.records.length;
  }

  /** The follower catches up with the leader. */
  resumeReplication(): void {
    this.followerHas = undefined;
    this.notify();
  }

  /**
   * The leader goes away and an election begins: appends fail (unavailable), reads and
   * subscriptions on the leader fail or drop; a lagging follower keeps serving what it has.
   */
  loseLeader(): void {
    this.electing = true;
    for (const listener of this.dropListeners) listener('leader', 'dropped-channel');
    this.notify();
  }

  /**
   * A new leader is elected. A write was acknowledged only once a majority had it, so the new
   * leader has every acknowledged record: nothing is lost, and the follower catches up.
   */
  electLeader(): void {
    this.electing = false;
    this.followerHas = undefined;
    this.notify();
  }

  /** The next call of this kind fails with this fault, in the shape the client raises it. */
  failNext(operation: FakeOperation, fault: TransportFault, times = 1): void {
    for (let i = 0; i < times; i += 1) this.faults.push({ operation, fault });
  }

  /** Every live subscription (on `node`, or all) fails now, as when its connection drops. */
  dropSubscriptions(fault: TransportFault = 'dropped-channel', node: NodePreference | 'any' = 'any'): void {
    for (const listener of this.dropListeners) listener(node, fault);
  }

  resetCalls(): void {
    Object.assign(this.calls, emptyCounts());
  }

  /** The stream's events as stored, for assertions on what a store wrote. */
  eventsOf(streamId: string): Array<{ type: string; data: unknown }> {
    return (this.streams.get(streamId)?.records ?? []).map((record) => ({
      type: record.type,
      data: JSON.parse(record.data.toString('utf8')) as unknown,
    }));
  }

  metadataOf(streamId: string): unknown {
    return this.streams.get(streamId)?.metadata;
  }

  /** Every event's position, in log order (system records included). */
  positions(): bigint[] {
    return this.log.records.map((record) => record.position);
  }

  // --- what the client calls ---

  /** The fault a call of this kind is to fail with now, if any (an injected one, or the election). */
  takeFault(operation: FakeOperation, node: NodePreference): TransportFault | undefined {
    const index = this.faults.findIndex((fault) => fault.operation === operation);
    if (index >= 0) return this.faults.splice(index, 1)[0].fault;
    if (this.electing && (operation === 'append' || node === 'leader')) {
      return operation === 'read' ? 'server-error' : 'unavailable';
    }
    return undefined;
  }

  /** How many records of the log `node` has. */
  visibleCount(node: NodePreference): number {
    if (node === 'follower' && this.followerHas !== undefined) return this.followerHas;
    return this.log.records.length;
  }

  stream(streamId: string): StreamState | undefined {
    return this.streams.get(streamId);
  }

  /** The record of this event id the server still remembers, for an `any` retry. */
  recentRecord(id: string): LogRecord | undefined {
    return this.idCache.get(id);
  }

  writeToStream(streamId: string, entries: LogEntry[]): LogRecord[] {
    const stream = this.streams.get(streamId) ?? { records: [], tombstoned: false };
    this.streams.set(streamId, stream);
    const records = this.log.write(entries);
    stream.records.push(...records);
    for (const record of records) {
      this.idCache.delete(record.id);
      this.idCache.set(record.id, record);
      if (this.idCache.size > this.idCacheSize) this.idCache.delete(this.idCache.keys().next().value as string);
    }
    this.notify();
    return records;
  }

  setMetadata(streamId: string, metadata: unknown): void {
    const stream = this.streams.get(streamId) ?? { records: [], tombstoned: false };
    stream.metadata = metadata;
    this.streams.set(streamId, stream);
  }

  tombstone(streamId: string): void {
    const stream = this.streams.get(streamId) ?? { records: [], tombstoned: false };
    stream.tombstoned = true;
    this.streams.set(streamId, stream);
  }

  /** Resolves at the next change of the log, of replication or of the leader. */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  onDrop(listener: (node: NodePreference | 'any', fault: TransportFault) => void): () => void {
    this.dropListeners.add(listener);
    return () => this.dropListeners.delete(listener);
  }

  private notify(): void {
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiting) wake();
  }
}

function systemEntry(streamId: string, type: string, revision: bigint, data: Buffer, system = true): LogEntry {
  return {
    system,
    streamId,
    revision,
    id: '00000000-0000-0000-0000-000000000000',
    type,
    data,
    metadata: Buffer.alloc(0),
    created: new Date(),
  };
}

function emptyCounts(): CallCounts {
  return { appends: 0, readStream: 0, readAll: 0, subscribeToAll: 0, recordsScanned: 0 };
}
