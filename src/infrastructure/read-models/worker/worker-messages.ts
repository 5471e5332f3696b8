/** Messages from the HTTP thread to the projection worker. */
export type ToWorker = { type: 'wake' } | { type: 'rebuild'; id: number } | { type: 'stop' };

/**
 * Messages from the projection worker. `advanced` is a hint to look at the file again: readers take
 * every fact (generation, checkpoint, state) from the read-model file itself.
 */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'advanced' }
  | { type: 'rebuild-answer'; id: number; refused?: string }
  | { type: 'failed'; message: string }
  | { type: 'stopped' };
