import { StoredEvent } from '../ports/event-store.port';

export const PROJECTIONS = Symbol('PROJECTIONS');
export const PROJECTION_TRANSACTION = Symbol('PROJECTION_TRANSACTION');

/**
 * Runs the work of every projection on one page inside one storage transaction, so a page costs one
 * commit instead of one per projection. Each projection's own `applyPage` still succeeds or fails alone.
 */
export type ProjectionTransaction = <T>(work: () => T) => T;

export const withoutSharedTransaction: ProjectionTransaction = (work) => work();

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
