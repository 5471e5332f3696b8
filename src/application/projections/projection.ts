import { StoredEvent } from '../../infrastructure/event-store/event-store.port';

export const PROJECTIONS = Symbol('PROJECTIONS');

/** A read model fed from the durable log. */
export interface Projection {
  readonly name: string;
  /** Position of the last event applied, -1 before the first. */
  checkpoint(): number;
  /** Applies events past the checkpoint and moves the checkpoint, all or nothing. */
  applyPage(events: StoredEvent[]): void;
}
