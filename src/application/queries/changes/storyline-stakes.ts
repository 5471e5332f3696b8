import { Stakeholder } from '../../../domain/storyline/stakeholder';
import { storylineStreamId } from '../../../domain/storyline/storyline.events';
import { EventStore, StoredEvent } from '../../ports/event-store.port';
import { StorylineRecords, storylineRecords } from './storyline-headline';

const PARALLEL_READS = 32;
const NONE: readonly Stakeholder[] = [];

export const isStakeholderEvent = (event: Pick<StoredEvent, 'type'>): boolean =>
  event.type === 'StorylineStakeholderNamed' || event.type === 'StorylineStakeholderRemoved';

/** A storyline's stakeholders as they stood at `since` and at `next`: what its claims are weighed with there. */
export interface StakesAtBothEnds {
  since: readonly Stakeholder[];
  next: readonly Stakeholder[];
}

/**
 * The storylines of one answer, each stream read once (a storyline's stream is short: its opening,
 * revisions and stakeholders) and folded at `since` and at `next`, for the headline and for the
 * stakeholders its claims are weighed with at each point, as the as-of views weigh them.
 */
export class StorylinesOfAnswer {
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly records = new Map<string, StorylineRecords>();

  constructor(
    private readonly store: EventStore,
    private readonly since: number,
    private readonly next: number,
  ) {}

  /** Reads the streams of those storylines not read yet. */
  async read(storylineIds: Iterable<string>): Promise<void> {
    const unread = [...new Set(storylineIds)].filter((id) => !this.streams.has(id));
    for (let start = 0; start < unread.length; start += PARALLEL_READS) {
      const chunk = unread.slice(start, start + PARALLEL_READS);
      const streams = await Promise.all(chunk.map((id) => this.store.readStream(storylineStreamId(id))));
      chunk.forEach((id, offset) => this.streams.set(id, streams[offset]));
    }
  }

  /** The storyline's record at `since` and at `next`; it must have been read. */
  recordsOf(storylineId: string): StorylineRecords {
    let records = this.records.get(storylineId);
    if (!records) {
      records = storylineRecords(this.streamOf(storylineId), this.since, this.next);
      this.records.set(storylineId, records);
    }
    return records;
  }

  stakesOf(storylineId: string): StakesAtBothEnds {
    const { before, after } = this.recordsOf(storylineId);
    return { since: before?.stakeholders ?? NONE, next: after?.stakeholders ?? NONE };
  }

  /** Whether a stakeholder of the storyline was named or removed after `next`, up to `position`. */
  stakesMovedAfterNext(storylineId: string, position: number): boolean {
    return this.streamOf(storylineId).some(
      (event) => event.position > this.next && event.position <= position && isStakeholderEvent(event),
    );
  }

  private streamOf(storylineId: string): StoredEvent[] {
    const stream = this.streams.get(storylineId);
    if (!stream) throw new Error(`storyline ${storylineId} was not read for this answer`);
    return stream;
  }
}
