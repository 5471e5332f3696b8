import { StoredEvent } from '../../infrastructure/event-store/event-store.port';

export const PROJECTIONS = Symbol('PROJECTIONS');

/** A read model fed from the durable log. */
export interface Projection {
  readonly name: string;
  /** Position of the last event applied, -1 before the first. */
  checkpoint(): number;
  /** Applies events past the checkpoint and moves the checkpoint, all or nothing. */
  applyPage(events: StoredEvent[]): void;
  /** An empty copy writing to tables of its own, to rebuild from zero while this one serves reads. */
  createShadow(): Projection;
  /** Takes over a caught-up shadow's tables and checkpoint in one transaction, dropping its own. */
  promote(shadow: Projection): void;
  /** Drops a shadow that will not be promoted (a failed rebuild). */
  discardShadow(shadow: Projection): void;
}
