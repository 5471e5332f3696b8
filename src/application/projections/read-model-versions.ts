import { ReadModelVersions } from '../ports/read-model-store.port';

/**
 * Bump a read model's number when what it computes from the same events changes (the status rule
 * included): read models built under an older number are rebuilt at start, in a shadow generation,
 * while the old one keeps serving.
 */
export const READ_MODEL_VERSIONS: ReadModelVersions = {
  statusRule: 5,
  claims: 5,
  storylines: 3,
  timeline: 3,
  parties: 2,
};

/** The read models a client can name (GET /v1/projections, rebuild); they share one fold of the log. */
export const READ_MODEL_NAMES = ['claims', 'storylines', 'timeline', 'parties'] as const;

export const sameVersions = (a: ReadModelVersions, b: ReadModelVersions): boolean =>
  Object.keys({ ...a, ...b }).every((name) => a[name] === b[name]);
