import { appendSize } from '../ports/append-size';
import { DuplicateEventIdError, EventStore, EventToAppend, ExpectedRevision } from '../ports/event-store.port';
import { ExportedEvent } from './exported-event';
import { ImportedEvents } from './import-log';

const MAX_GROUP = 500;

interface Group {
  streamId: string;
  firstRevision: number;
  events: EventToAppend[];
  /** What the events weigh against the store's per-append limit (see appendSize). */
  bytes: number;
  firstLine: number;
}

const expectedFor = (revision: number): ExpectedRevision => (revision === 0 ? 'no_stream' : revision - 1);

/**
 * An import into a store without a bulk load (KurrentDB): consecutive events of a stream appended
 * together, as many as its per-append limit allows, `inFlight` appends at once.
 */
export class AppendedGroups implements ImportedEvents {
  stored = 0;
  private group: Group | undefined;
  private readonly inFlight: Array<Promise<void>> = [];
  private refusal: unknown;

  constructor(
    private readonly store: EventStore,
    private readonly maxInFlight: number,
    private readonly onStored: () => void,
  ) {}

  async add({ eventId, type, streamId, revision, data, metadata }: ExportedEvent, line: number): Promise<void> {
    const event = { eventId, type, data, metadata };
    const limit = this.store.maxAppendBytes;
    const bytes = limit === undefined ? 0 : appendSize(event);
    const group = this.group;
    const continues =
      group &&
      group.streamId === streamId &&
      group.firstRevision + group.events.length === revision &&
      group.events.length < MAX_GROUP &&
      (limit === undefined || group.bytes + bytes <= limit);
    if (group && continues) {
      group.events.push(event);
      group.bytes += bytes;
      return;
    }
    if (group) await this.submit(group);
    this.group = { streamId, firstRevision: revision, events: [event], bytes, firstLine: line };
  }

  async finish(): Promise<void> {
    if (this.group && this.refusal === undefined) await this.submit(this.group);
    this.group = undefined;
    await this.settle(this.inFlight.splice(0));
  }

  private async submit(group: Group): Promise<void> {
    const append = this.append(group);
    // Awaited in order below; the no-op handler only keeps a later failure from counting as unhandled meanwhile.
    append.catch(() => undefined);
    this.inFlight.push(append);
    // The older half at once: taking one at a time from the front of thousands copies the rest each time.
    if (this.inFlight.length >= this.maxInFlight)
      await this.settle(this.inFlight.splice(0, Math.ceil(this.inFlight.length / 2)));
  }

  /** The first refusal is kept: after it, nothing more is submitted. */
  private async settle(appends: Array<Promise<void>>): Promise<void> {
    try {
      await Promise.all(appends);
    } catch (refusal) {
      this.refusal ??= refusal;
    }
    if (this.refusal !== undefined) throw this.refusal;
  }

  private async append(group: Group): Promise<void> {
    try {
      await this.store.append(group.streamId, group.events, expectedFor(group.firstRevision));
    } catch (error) {
      if (!(error instanceof DuplicateEventIdError) || group.events.length === 1) throw describe(error, group);
      // Part of the group is already in the store: append the rest one event at a time.
      for (const [index, event] of group.events.entries()) {
        try {
          await this.store.append(group.streamId, [event], expectedFor(group.firstRevision + index));
        } catch (inner) {
          throw describe(inner, { ...group, firstLine: group.firstLine + index });
        }
      }
    }
    this.stored += group.events.length;
    this.onStored();
  }
}

function describe(error: unknown, group: Group): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`line ${group.firstLine} (${group.streamId} at revision ${group.firstRevision}): ${reason}`);
}
