/**
 * Messages from the HTTP thread to the projection worker. `damaged` tells of a corruption error a
 * query met in the file numbered `file` (see `replaced`); a report about an earlier file is ignored.
 */
export type ToWorker =
  | { type: 'wake' }
  | { type: 'rebuild'; id: number }
  | { type: 'damaged'; file: number; message: string }
  | { type: 'stop' };

/**
 * Messages from the projection worker. `advanced` is a hint to look at the file again: readers take
 * every fact (generation, checkpoint, state) from the read-model file itself, except why the
 * projections stopped (`failure`, undefined once they run again), which a full disk would keep out of
 * the file. `replaced`: a damaged file was moved aside and the new one, numbered `file`, is to be reopened.
 */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'advanced' }
  | { type: 'rebuild-answer'; id: number; refused?: string }
  | { type: 'failure'; message?: string }
  | { type: 'replaced'; file: number }
  | { type: 'failed'; message: string }
  | { type: 'stopped' };
