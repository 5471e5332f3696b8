import { storylineStreamId } from '../../domain/storyline/storyline.events';
import { checked, definitionOf, eventIdSchema, metadataSchema } from '../events/event-schemas';
import { upcast } from '../events/upcasters';
import { EventStore, StoredEvent } from '../ports/event-store.port';
import { ExportedEvent, InvalidExportLineError } from './exported-event';

/** `new`: to be appended; `present`: the target store already holds this very event at this revision. */
export type Admission = 'new' | 'present';

interface StreamProgress {
  /** The revision the stream's next line must have. */
  next: number;
  /** A line of this stream was admitted as new: every later one is new too, and needs no look-up. */
  appending: boolean;
}

/**
 * An import appends only what the commands could have written: each line is checked here before
 * it is submitted, against the event schemas, the lines before it and what the target store
 * already holds. A refusal names the line and the reason.
 */
export class ImportChecks {
  private readonly streams = new Map<string, StreamProgress>();
  private readonly storylines = new Set<string>();

  /** `storeHeldEvents` false: the store was empty when the import began, so a stream not in the file is in no store. */
  private constructor(
    private readonly store: EventStore,
    private readonly storeHeldEvents: boolean,
  ) {}

  static async of(store: EventStore): Promise<ImportChecks> {
    return new ImportChecks(store, (await store.headPosition()) >= 0);
  }

  async admit(event: ExportedEvent, line: number): Promise<Admission> {
    const refuse = (reason: string) => new InvalidExportLineError(line, reason);
    const definition = definitionOf(event.type);
    if (!definition) throw refuse(`unknown event type ${JSON.stringify(event.type)}`);
    const id = checked(eventIdSchema, event.eventId, 'eventId');
    if (id.problem) throw refuse(id.problem);
    const metadata = checked(metadataSchema, event.metadata, 'metadata');
    if (metadata.problem) throw refuse(metadata.problem);
    // Checked in the shape this code writes: an older schema version is upcast first, as readers do.
    const data = checked(definition.data, upcast(event).data, 'data');
    if (data.problem !== undefined) throw refuse(data.problem);
    const home = definition.streamOf(data.value);
    if (event.streamId !== home)
      throw refuse(`a ${event.type} with this data belongs in ${home}, not in ${event.streamId}`);
    if (definition.opensStream !== (event.revision === 0)) {
      throw refuse(
        definition.opensStream
          ? `${event.type} can only be the first event of a stream (revision 0), not revision ${event.revision}`
          : `revision 0 of ${event.streamId} must be the event that opens it, not ${event.type}`,
      );
    }
    if (event.type === 'ClaimRecorded') {
      await this.requireStoryline((data.value as { storylineId: string }).storylineId, refuse);
    }
    const admission = await this.continues(event, refuse);
    if (event.type === 'StorylineOpened') this.storylines.add(event.streamId);
    return admission;
  }

  /** Revisions follow each other without gaps, in the file and after what the store already holds. */
  private async continues(
    { streamId, revision, eventId }: ExportedEvent,
    refuse: (reason: string) => Error,
  ): Promise<Admission> {
    const known = this.streams.get(streamId);
    if (known && revision !== known.next) {
      throw refuse(`revision ${revision} of ${streamId} does not follow revision ${known.next - 1} on an earlier line`);
    }
    if (known?.appending) {
      known.next += 1;
      return 'new';
    }
    const [stored] = await this.storedAt(streamId, revision);
    if (stored && stored.eventId !== eventId) {
      throw refuse(`${streamId} already holds another event (${stored.eventId}) at revision ${revision}`);
    }
    if (!stored && !known && revision > 0) {
      const [before] = await this.storedAt(streamId, revision - 1);
      if (!before) throw refuse(`${streamId} has no revision ${revision - 1} in this store or earlier in the file`);
    }
    this.streams.set(streamId, { next: revision + 1, appending: !stored });
    return stored ? 'present' : 'new';
  }

  private async requireStoryline(storylineId: string, refuse: (reason: string) => Error): Promise<void> {
    const streamId = storylineStreamId(storylineId);
    if (this.storylines.has(streamId)) return;
    const [opened] = await this.storedAt(streamId, 0);
    if (!opened) throw refuse(`the claim's storyline ${storylineId} is neither earlier in the file nor in this store`);
    this.storylines.add(streamId);
  }

  private async storedAt(streamId: string, revision: number): Promise<StoredEvent[]> {
    if (!this.storeHeldEvents) return [];
    return this.store.readStream(streamId, { fromRevision: revision, maxCount: 1 });
  }
}
