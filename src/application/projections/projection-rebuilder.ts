import { EventStore } from '../../infrastructure/event-store/event-store.port';
import { upcast } from '../events/upcasters';
import { Projection } from './projection';

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
}

const DEFAULT_PAGE_SIZE = 5000;

/** Applies the log after the projection's checkpoint until a read comes back empty. */
async function catchUp(store: EventStore, projection: Projection, options: RebuildOptions, progress: RebuildProgress) {
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await store.readAll({ after: projection.checkpoint(), limit: options.pageSize ?? DEFAULT_PAGE_SIZE });
    if (page.length === 0) return;
    projection.applyPage(page.map((event) => upcast(event)));
    progress.applied += page.length;
    progress.position = projection.checkpoint();
    progress.head = Math.max(progress.head, progress.position);
    options.onProgress?.({ ...progress });
    // Let requests in between pages: reads keep being served from the live tables meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Rebuilds a projection from position 0 into shadow tables while the live one keeps serving,
 * then swaps the shadow in. The swap happens in the same synchronous step as the check that
 * the shadow is at least as far as the live projection, so no event can slip between them.
 */
export async function rebuildProjection(
  store: EventStore,
  live: Projection,
  options: RebuildOptions = {},
): Promise<void> {
  const shadow = live.createShadow();
  const progress: RebuildProgress = { applied: 0, position: -1, head: await store.headPosition() };
  try {
    for (;;) {
      await catchUp(store, shadow, options, progress);
      if (shadow.checkpoint() >= live.checkpoint()) {
        live.promote(shadow);
        return;
      }
    }
  } catch (error) {
    live.discardShadow(shadow);
    throw error;
  }
}
