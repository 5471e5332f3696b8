import { BulkLoad, EventToLoad, LoadResult } from '../ports/event-store.port';
import { ExportedEvent } from './exported-event';
import { ImportedEvents } from './import-log';

/**
 * Events handed to the load at once. Small, so that they die young: held across collections, the
 * events of large batches filled the heap's old space with garbage (the store commits far more at once).
 */
const BATCH_EVENTS = 1000;
/** Batches written or waiting at once: the next is gathered while these are written. */
const IN_FLIGHT = 2;

interface Written {
  result: Promise<LoadResult>;
  events: EventToLoad[];
  lines: number[];
}

/**
 * An import into a store with a bulk load: admitted events gathered into small batches, a bounded
 * number in flight, so memory stays flat however long the log. After a refusal the store writes
 * nothing more; the import names the refused line.
 */
export class LoadedBatches implements ImportedEvents {
  stored = 0;
  private batch: EventToLoad[] = [];
  private lines: number[] = [];
  private readonly written: Written[] = [];
  private refusal: Error | undefined;

  constructor(
    private readonly load: BulkLoad,
    private readonly onStored: () => void,
  ) {}

  async add({ eventId, type, streamId, revision, data, metadata }: ExportedEvent, line: number): Promise<void> {
    this.batch.push({
      eventId,
      type,
      streamId,
      revision,
      data: JSON.stringify(data),
      metadata: JSON.stringify(metadata),
    });
    this.lines.push(line);
    if (this.batch.length < BATCH_EVENTS) return;
    this.send();
    if (this.written.length >= IN_FLIGHT) await this.settleOldest();
  }

  /** Writes what is left and ends the load, which commits what was written before any refusal. */
  async finish(): Promise<void> {
    try {
      if (!this.refusal) this.send();
      while (this.written.length > 0 && !this.refusal) await this.settleOldest();
    } finally {
      await this.load.end();
    }
    if (this.refusal) throw this.refusal;
  }

  private send(): void {
    if (this.batch.length === 0) return;
    const result = this.load.write(this.batch);
    // Settled in order by settleOldest; meanwhile a failure is not an unhandled rejection.
    result.catch(() => undefined);
    this.written.push({ result, events: this.batch, lines: this.lines });
    [this.batch, this.lines] = [[], []];
  }

  private async settleOldest(): Promise<void> {
    const { result, events, lines } = this.written.shift() as Written;
    const { stored, refusal } = await result;
    this.stored += stored;
    this.onStored();
    if (refusal) {
      const { streamId, revision } = events[stored];
      this.refusal = new Error(`line ${lines[stored]} (${streamId} at revision ${revision}): ${refusal.message}`);
      throw this.refusal;
    }
  }
}
