import { ProjectionStatus } from '../../../application/projections/projection-runner';

/** Messages from the service's main thread to its projection worker. */
export type ToWorker = { type: 'wake' } | { type: 'rebuild'; name: string } | { type: 'stop' };

export interface ProjectionsState {
  status: ProjectionStatus[];
  position: number;
  head: number;
  rebuilding: boolean;
  /** Per projection: the generation its reads should use, and how far it has applied the log. */
  generations: Record<string, { generation: number; checkpoint: number }>;
}

/** Messages from the projection worker to the main thread. */
export type FromWorker =
  | ({ type: 'state' } & ProjectionsState)
  | { type: 'rebuild-refused'; name: string; reason: string }
  | { type: 'rebuild-accepted'; name: string }
  | { type: 'failed'; message: string }
  | { type: 'stopped' };
