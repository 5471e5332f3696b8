import {
  ANY,
  AllStreamResolvedEvent,
  AppendResult,
  AppendStreamState,
  BACKWARDS,
  END,
  EVENT_TYPE,
  EventData,
  Filter,
  MaxAppendSizeExceededError,
  NO_STREAM,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  START,
  STREAM_EXISTS,
  StreamDeletedError,
  SubscribeToAllOptions,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { ReadableOptions } from 'node:stream';
import type { FakeKurrentDb } from './fake-kurrentdb';
import { FakeSubscription } from './fake-subscription';
import { LogEntry, LogRecord, sizeOnDisk } from './transaction-log';
import { bridgeError, bridgeStreamError, grpcError, invalidPositionError } from './transport-errors';

export type NodePreference = 'leader' | 'follower';

/**
 * The calls of `KurrentDBClient` the service makes, against a FakeKurrentDb. Results and errors
 * have the shapes the real client gives; what it does on the server side follows the server's
 * documented rules (see FakeKurrentDb and docs/kurrentdb.md).
 */
export class FakeKurrentDbClient {
  private disposed = false;

  constructor(
    private readonly server: FakeKurrentDb,
    private readonly nodePreference: NodePreference,
  ) {}

  async appendToStream(
    streamName: string,
    input: EventData | EventData[],
    { streamState = ANY }: { streamState?: AppendStreamState } = {},
  ): Promise<AppendResult> {
    await this.reachServer();
    this.server.calls.appends += 1;
    const fault = this.server.takeFault('append', this.nodePreference);
    if (fault) throw grpcError(fault);
    const entries = (Array.isArray(input) ? input : [input]).map((event) => toEntry(streamName, event));
    const size = entries.reduce((sum, entry) => sum + sizeOnDisk(entry.type, entry.data, entry.metadata), 0);
    if (size > this.server.maxAppendSize) throw MaxAppendSizeExceededError.fromMaxAppendSize(this.server.maxAppendSize);

    const stream = this.server.stream(streamName);
    if (stream?.tombstoned) throw StreamDeletedError.fromStreamName(streamName);
    const current = stream && stream.records.length > 0 ? stream.records.at(-1)!.revision : -1n;
    const decision = this.checkCommit(streamName, entries, streamState, current);
    if (decision.kind === 'wrong-expected-version') {
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        expected: streamState,
        current: current < 0n ? NO_STREAM : current,
      });
    }
    if (decision.kind === 'idempotent') return appended(decision.last);

    const records = this.server.writeToStream(
      streamName,
      entries.map((entry, index) => ({ ...entry, revision: current + 1n + BigInt(index) })),
    );
    return appended(records.at(-1)!);
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterableIterator<ResolvedEvent> {
    const { fromRevision = START, direction, maxCount = Number.MAX_SAFE_INTEGER, requiresLeader } = options;
    const node = this.readNode(requiresLeader);
    const server = this.server;
    return (async function* () {
      await tick();
      server.calls.readStream += 1;
      const fault = server.takeFault('read', node);
      if (fault) throw bridgeError(fault, streamName);
      const stream = server.stream(streamName);
      if (stream?.tombstoned) throw bridgeStreamError('StreamDeletedError', streamName);
      const visible = server.visibleCount(node);
      const records = (stream?.records ?? []).filter((record) => record.index < visible);
      if (records.length === 0) throw bridgeStreamError('StreamNotFoundError', streamName);
      const backwards = direction === BACKWARDS;
      let ordered = backwards ? [...records].reverse() : records;
      if (typeof fromRevision === 'bigint') {
        ordered = ordered.filter((record) =>
          backwards ? record.revision <= fromRevision : record.revision >= fromRevision,
        );
      }
      for (const record of ordered.slice(0, Number(maxCount)))
        yield { event: toRecordedEvent(record) } as ResolvedEvent;
    })();
  }

  readAll(options: ReadAllOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> {
    const { fromPosition = START, direction, maxCount = Number.MAX_SAFE_INTEGER, filter, requiresLeader } = options;
    const node = this.readNode(requiresLeader);
    const server = this.server;
    return (async function* () {
      await tick();
      server.calls.readAll += 1;
      const fault = server.takeFault('read', node);
      if (fault) throw bridgeError(fault);
      const visible = server.visibleCount(node);
      const backwards = direction === BACKWARDS;
      let index: number;
      if (fromPosition === START) index = backwards ? -1 : 0;
      else if (fromPosition === END) index = backwards ? visible - 1 : visible;
      else {
        const found = server.log.lookup(fromPosition.commit, visible);
        if (fromPosition.commit !== fromPosition.prepare || found.kind === 'inside-record') {
          throw invalidPositionError(fromPosition.commit);
        }
        if (found.kind === 'record') index = backwards ? found.index - 1 : found.index;
        else index = backwards ? visible - 1 : visible;
      }
      let delivered = 0;
      for (; index >= 0 && index < visible && delivered < Number(maxCount); index += backwards ? -1 : 1) {
        const record = server.log.records[index];
        if (!isEvent(record) || !passes(filter, record)) continue;
        delivered += 1;
        yield { event: toRecordedEvent(record) } as AllStreamResolvedEvent;
      }
    })();
  }

  subscribeToAll(options: SubscribeToAllOptions = {}, readableOptions: ReadableOptions = {}): FakeSubscription {
    this.server.calls.subscribeToAll += 1;
    return new FakeSubscription(this.server, this.nodePreference, options, readableOptions);
  }

  async setStreamMetadata(streamName: string, metadata: unknown) {
    await this.reachServer();
    this.server.setMetadata(streamName, metadata);
    return { success: true, nextExpectedRevision: 0n };
  }

  async tombstoneStream(streamName: string) {
    await this.reachServer();
    this.server.tombstone(streamName);
    return { position: { commit: this.server.log.end, prepare: this.server.log.end } };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  /**
   * The server's check of an append against the stream (its "commit check"): the expected
   * revision matches, or the same events are already there (a retry: answered as the first append
   * was), or a wrong-expected-version error — also when only some of the events are there.
   */
  private checkCommit(
    streamName: string,
    entries: LogEntry[],
    streamState: AppendStreamState,
    current: bigint,
  ): { kind: 'ok' } | { kind: 'idempotent'; last: LogRecord } | { kind: 'wrong-expected-version' } {
    if (streamState === ANY || streamState === STREAM_EXISTS) {
      if (streamState === STREAM_EXISTS && current < 0n) return { kind: 'wrong-expected-version' };
      // Recognised only while the server still remembers the ids.
      const known = entries.map((entry) => this.server.recentRecord(entry.id));
      if (!known[0] || known[0].streamId !== streamName) return { kind: 'ok' };
      const consecutive = known.every(
        (record, index) =>
          record && record.streamId === streamName && record.revision === known[0]!.revision + BigInt(index),
      );
      return consecutive ? { kind: 'idempotent', last: known.at(-1)! } : { kind: 'wrong-expected-version' };
    }
    const expected = streamState === NO_STREAM ? -1n : streamState;
    if (expected === current) return { kind: 'ok' };
    if (expected > current) return { kind: 'wrong-expected-version' };
    const records = this.server.stream(streamName)!.records;
    let last: LogRecord | undefined;
    for (const [offset, entry] of entries.entries()) {
      last = records[Number(expected + 1n) + offset];
      if (!last || last.id !== entry.id) return { kind: 'wrong-expected-version' };
    }
    return { kind: 'idempotent', last: last! };
  }

  /** Reads go where the client prefers, unless the call asks for the leader. */
  private readNode(requiresLeader: boolean | undefined): NodePreference {
    return requiresLeader ? 'leader' : this.nodePreference;
  }

  private async reachServer(): Promise<void> {
    await tick();
    if (this.disposed) throw grpcError('unavailable');
  }
}

function appended(last: LogRecord): AppendResult {
  return {
    success: true,
    nextExpectedRevision: last.revision,
    position: { commit: last.position, prepare: last.position },
  };
}

/** The event as the client serialises it: JSON data and metadata as UTF-8 bytes. */
function toEntry(streamId: string, event: EventData): LogEntry {
  const encode = (value: unknown) =>
    value === undefined
      ? Buffer.alloc(0)
      : value instanceof Uint8Array
        ? Buffer.from(value)
        : Buffer.from(JSON.stringify(value), 'utf8');
  return {
    streamId,
    revision: -1n,
    id: event.id ?? randomUUID(),
    type: event.type,
    data: encode(event.data),
    metadata: encode(event.metadata),
    created: new Date(),
  };
}

export function toRecordedEvent(record: LogRecord) {
  return {
    streamId: record.streamId,
    id: record.id,
    revision: record.revision,
    type: record.type,
    data: JSON.parse(record.data.toString('utf8')) as unknown,
    metadata: record.metadata.length > 0 ? (JSON.parse(record.metadata.toString('utf8')) as unknown) : undefined,
    isJson: true,
    created: record.created,
    position: { commit: record.position, prepare: record.position },
  };
}

export function isEvent(record: LogRecord): boolean {
  return !record.system;
}

/** The server-side filter of a read or subscription of `$all`. */
export function passes(filter: Filter | undefined, record: LogRecord): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === EVENT_TYPE ? record.type : record.streamId;
  if ('prefixes' in filter && filter.prefixes.length > 0)
    return filter.prefixes.some((prefix) => subject.startsWith(prefix));
  if ('regex' in filter) return new RegExp(filter.regex).test(subject);
  return true;
}

/** Every call crosses the network: its answer comes in a later turn of the event loop. */
function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
