/**
 * KurrentDB's transaction log as the fake keeps it: records laid end to end, each at the byte
 * offset where it starts. A position is that offset, so positions grow by each record's size
 * (which varies with its stream name, type, data and metadata), records a client never sees
 * (system records, other services' streams) leave gaps between the positions it does see, and a
 * record never spans a chunk: one that does not fit the chunk's rest starts the next chunk.
 */

/** The default chunk size of a KurrentDB database (`ChunkSize`, 256 MiB). */
export const DEFAULT_CHUNK_SIZE = 256 * 1024 * 1024;

/**
 * The fixed part of a LogV2 prepare record: length prefix and suffix (4 + 4), record type and
 * version (1 + 1), log position (8), flags (2), transaction position and offset (8 + 4), expected
 * version (8), event and correlation ids (16 + 16), timestamp (8), data and metadata lengths (4 + 4).
 */
const PREPARE_FIXED_BYTES = 4 + 4 + 1 + 1 + 8 + 2 + 8 + 4 + 8 + 16 + 16 + 8 + 4 + 4;

export interface LogEntry {
  /** Not an event: an epoch or other system record that reads skip. */
  system?: boolean;
  streamId: string;
  revision: bigint;
  id: string;
  type: string;
  data: Buffer;
  metadata: Buffer;
  created: Date;
}

export interface LogRecord extends LogEntry {
  /** Where the record starts: both its commit and its prepare position. */
  position: bigint;
  size: number;
  /** The record's place in the log, 0 for the first. */
  index: number;
}

/** Where a position falls in the log. */
export type PositionLookup =
  { kind: 'record'; index: number } | { kind: 'end' } | { kind: 'beyond-end' } | { kind: 'inside-record' };

export class TransactionLog {
  readonly records: LogRecord[] = [];
  /** The writer checkpoint: where the next record will start. */
  private writer = 0n;

  constructor(private readonly chunkSize = DEFAULT_CHUNK_SIZE) {}

  get end(): bigint {
    return this.writer;
  }

  write(entries: LogEntry[]): LogRecord[] {
    return entries.map((entry) => {
      const size = recordSize(entry);
      const chunk = BigInt(this.chunkSize);
      if (size <= this.chunkSize && this.writer % chunk !== 0n && (this.writer % chunk) + BigInt(size) > chunk) {
        this.writer += chunk - (this.writer % chunk);
      }
      const record: LogRecord = { ...entry, position: this.writer, size, index: this.records.length };
      this.records.push(record);
      this.writer += BigInt(size);
      return record;
    });
  }

  /** Where `position` falls among the first `count` records (the part of the log a node has). */
  lookup(position: bigint, count = this.records.length): PositionLookup {
    const end = count === this.records.length ? this.writer : this.records[count].position;
    if (position === end) return { kind: 'end' };
    if (position > end) return { kind: 'beyond-end' };
    let low = 0;
    let high = count - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = this.records[middle].position;
      if (at === position) return { kind: 'record', index: middle };
      if (at < position) low = middle + 1;
      else high = middle - 1;
    }
    return { kind: 'inside-record' };
  }
}

/** The record's size in bytes, as the LogV2 layout would store it. */
export function recordSize(entry: Pick<LogEntry, 'streamId' | 'type' | 'data' | 'metadata'>): number {
  return (
    PREPARE_FIXED_BYTES +
    prefixedString(entry.streamId) +
    prefixedString(entry.type) +
    entry.data.length +
    entry.metadata.length
  );
}

/** What the server counts against `MaxAppendSize` for one event: data, metadata, and the type twice over. */
export function sizeOnDisk(type: string, data: Buffer, metadata: Buffer): number {
  return data.length + metadata.length + type.length * 2;
}

/** A .NET BinaryWriter string: a 7-bit encoded length, then the UTF-8 bytes. */
function prefixedString(text: string): number {
  const bytes = Buffer.byteLength(text, 'utf8');
  let prefix = 1;
  for (let rest = bytes >> 7; rest > 0; rest >>= 7) prefix += 1;
  return prefix + bytes;
}
