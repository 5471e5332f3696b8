import { EventStore } from '../ports/event-store.port';
import { upcast } from '../events/upcasters';
import { Projection, ProjectionTransaction, withoutSharedTransaction } from './projection';

export interface RebuildProgress {
  /** Events applied to the shadow so far. */
  applied: number;
  position: number;
  head: number;
}

export interface RebuildOptions {
  pageSize?: number;
  onProgress?(progress: RebuildProgress): void;
  /** Checked between pages: an aborted rebuild drops its shadow and leaves the live tables as they were. */
  signal?: AbortSignal;
  /** Wraps the shadows' work on one page, so the page commits once. */
  transaction?: ProjectionTransaction;
}

const DEFAULT_PAGE_SIZE = 5000;

/** Applies the log after the shadows' checkpoints until a read comes back empty; each page is read once for all. */
async function catchUp(store: EventStore, shadows: Projection[], options: RebuildOptions, progress: RebuildProgress) {
  for (;;) {
    options.signal?.throwIfAborted();
    const after = Math.min(...shadows.map((shadow) => shadow.checkpoint()));
    const page = await store.readAll({ after, limit: options.pageSize ?? DEFAULT_PAGE_SIZE });
    if (page.length === 0) return;
    const events = page.map((event) => upcast(event));
    (options.transaction ?? withoutSharedTransaction)(() => {
      for (const shadow of shadows) shadow.applyPage(events);
    });
    progress.applied += page.length;
    progress.position = events[events.length - 1].position;
    progress.head = Math.max(progress.head, progress.position);
    options.onProgress?.({ ...progress });
    // Let requests in between pages: reads keep being served from the live tables meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Rebuilds projections from position 0 into shadow tables while the live ones keep serving,
 * reading the log once for all of them, then swaps the shadows in. The swap happens in the same
 * synchronous step as the check that each shadow is at least as far as its live projection, so
 * no event can slip between them.
 */
export async function rebuildProjections(
  store: EventStore,
  lives: Projection[],
  options: RebuildOptions = {},
): Promise<void> {
  const shadows: Projection[] = [];
  const progress: RebuildProgress = { applied: 0, position: -1, head: await store.headPosition() };
  try {
    for (const live of lives) shadows.push(live.createShadow());
    for (;;) {
      await catchUp(store, shadows, options, progress);
      if (lives.every((live, index) => shadows[index].checkpoint() >= live.checkpoint())) {
        lives.forEach((live, index) => live.promote(shadows[index]));
        return;
      }
    }
  } catch (error) {
    shadows.forEach((shadow, index) => lives[index].discardShadow(shadow));
    throw error;
  }
}

export function rebuildProjection(store: EventStore, live: Projection, options: RebuildOptions = {}): Promise<void> {
  return rebuildProjections(store, [live], options);
}
