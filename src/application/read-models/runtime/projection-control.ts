import { BuildProgress, ReadModelVersions } from '../../ports/read-model-store.port';

export type ProjectionState = 'catching_up' | 'live' | 'rebuilding' | 'stopped';

export interface ProjectionStatus {
  name: string;
  checkpoint: number;
  head: number;
  /** How far behind the head, in log positions (events, on SQLite). */
  lag: number;
  state: ProjectionState;
  /** The version it was built by (see read-model-versions.ts), and the status rule's. */
  version: number;
  ruleVersion: number;
  lastError?: string;
  rebuild?: BuildProgress;
}

/** Positions start at 1 on SQLite, so a read model that has seen nothing (checkpoint -1) is `head` behind, not `head + 1`. */
export function projectionLag(head: number, checkpoint: number): number {
  return Math.max(0, head - Math.max(checkpoint, 0));
}

/** What the HTTP side needs of the projections, which run in their own worker. */
export interface ProjectionControl {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves `true` once the read models have applied `position`, or `false` after `timeoutMs`. */
  waitFor(position: number, timeoutMs: number): Promise<boolean>;
  status(): Promise<ProjectionStatus[]>;
  /** Starts rebuilding every read model (they share one fold); resolves to their names. */
  startRebuild(): Promise<string[]>;
}

export const PROJECTION_CONTROL = Symbol('PROJECTION_CONTROL');

export class UnknownProjectionError extends Error {
  constructor(name: string, known: readonly string[]) {
    super(`no projection named ${name}; the projections are ${known.join(', ')}`);
    this.name = 'UnknownProjectionError';
  }
}

export type { ReadModelVersions };
