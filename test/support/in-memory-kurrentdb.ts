import {
  ANY,
  BACKWARDS,
  END,
  NO_STREAM,
  ResolvedEvent,
  START,
  STREAM_EXISTS,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { WebhookStreamsClient } from '../../src/infrastructure/webhooks/kurrentdb/kurrentdb-webhook-store';

interface StoredRecord {
  id: string;
  type: string;
  data: unknown;
  revision: bigint;
  commit: bigint;
}

interface Stream {
  records: StoredRecord[];
  tombstoned: boolean;
  metadata?: unknown;
}

type Append = WebhookStreamsClient['appendToStream'];
type Read = WebhookStreamsClient['readStream'];

/**
 * The part of KurrentDB's client that the webhook store uses, in memory, with the server's documented
 * rules: an append states the revision it expects (any / no stream / exact) and fails with
 * WrongExpectedVersionError otherwise; a missing stream reads as StreamNotFoundError; a tombstoned
 * stream refuses reads and appends for good (StreamDeletedError). It checks how the store uses
 * expected revisions, not the server: the real one runs with KURRENTDB_CONNECTION_STRING.
 */
export class InMemoryKurrentDb implements WebhookStreamsClient {
  private readonly streams = new Map<string, Stream>();
  private commit = 0n;

  appendToStream = (async (name: string, input: unknown, options: { streamState?: unknown } = {}) => {
    const stream = this.streams.get(name);
    if (stream?.tombstoned) throw StreamDeletedError.fromStreamName(name);
    const last = stream && stream.records.length > 0 ? stream.records.at(-1)!.revision : undefined;
    const expected = options.streamState ?? ANY;
    const matches =
      expected === ANY ||
      (expected === NO_STREAM && last === undefined) ||
      (expected === STREAM_EXISTS && last !== undefined) ||
      (typeof expected === 'bigint' && last === expected);
    if (!matches) {
      throw new WrongExpectedVersionError(undefined, {
        streamName: name,
        expected: expected as bigint,
        current: last === undefined ? NO_STREAM : last,
      });
    }
    const target = stream ?? { records: [], tombstoned: false };
    this.streams.set(name, target);
    let revision = last ?? -1n;
    for (const event of (Array.isArray(input) ? input : [input]) as Array<{
      id?: string;
      type: string;
      data: unknown;
    }>) {
      revision += 1n;
      this.commit += 100n;
      target.records.push({
        id: event.id ?? randomUUID(),
        type: event.type,
        data: event.data,
        revision,
        commit: this.commit,
      });
    }
    return { success: true, nextExpectedRevision: revision, position: { commit: this.commit, prepare: this.commit } };
  }) as unknown as Append;

  readStream = ((
    name: string,
    options: { fromRevision?: unknown; direction?: unknown; maxCount?: number | bigint } = {},
  ) => {
    const streams = this.streams;
    return (async function* () {
      const stream = streams.get(name);
      if (stream?.tombstoned) throw StreamDeletedError.fromStreamName(name);
      if (!stream || stream.records.length === 0) throw new StreamNotFoundError(undefined, name);
      const backwards = options.direction === BACKWARDS;
      const from = options.fromRevision ?? (backwards ? END : START);
      let records = backwards ? [...stream.records].reverse() : stream.records;
      if (typeof from === 'bigint') {
        records = records.filter((record) => (backwards ? record.revision <= from : record.revision >= from));
      }
      for (const record of records.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER))) {
        yield {
          event: {
            streamId: name,
            id: record.id,
            revision: record.revision,
            type: record.type,
            data: record.data,
            metadata: {},
            isJson: true,
            created: new Date(),
            position: { commit: record.commit, prepare: record.commit },
          },
        } as unknown as ResolvedEvent;
      }
    })();
  }) as unknown as Read;

  setStreamMetadata = (async (name: string, metadata: unknown) => {
    const stream = this.streams.get(name) ?? { records: [], tombstoned: false };
    stream.metadata = metadata;
    this.streams.set(name, stream);
    return { success: true, nextExpectedRevision: 0n };
  }) as unknown as WebhookStreamsClient['setStreamMetadata'];

  tombstoneStream = (async (name: string) => {
    const stream = this.streams.get(name) ?? { records: [], tombstoned: false };
    stream.tombstoned = true;
    this.streams.set(name, stream);
    return { position: { commit: this.commit, prepare: this.commit } };
  }) as unknown as WebhookStreamsClient['tombstoneStream'];

  dispose = async () => undefined;

  /** The stream's events as stored, for assertions on what the store wrote. */
  eventsOf(name: string): Array<{ type: string; data: unknown }> {
    return (this.streams.get(name)?.records ?? []).map(({ type, data }) => ({ type, data }));
  }

  metadataOf(name: string): unknown {
    return this.streams.get(name)?.metadata;
  }
}
