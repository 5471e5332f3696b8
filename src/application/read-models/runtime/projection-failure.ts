import { StoredEvent } from '../../ports/event-store.port';

/** An event the read models could not take; the projections stop before it rather than skip it. */
export class ProjectionFailure extends Error {
  constructor(
    readonly event: Pick<StoredEvent, 'type' | 'position' | 'streamId'>,
    cause: unknown,
  ) {
    super(
      `cannot apply ${event.type} at position ${event.position} (${event.streamId}): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'ProjectionFailure';
  }
}
