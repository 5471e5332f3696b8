import { useState } from 'preact/hooks';
import { useSerialLoad } from '../ui/use-serial-load';
import { getClaim, getStoryline, getTimeline, storylineClaimViews } from '../api/desk-api';
import { Claim, ClaimSummary, Storyline, TimelineEntry } from '../api/types';

export interface StorylineData {
  /** The storyline as known at `asOf`, or now. */
  view?: Storyline;
  /** With `asOf`: the storyline as known now, to mark what changed. */
  now?: Storyline;
  /** Full claim views (developments, attribution) by id, as known at `asOf` or now. */
  details?: Map<string, Claim>;
  timeline?: TimelineEntry[];
  /** With `asOf`: the developments recorded after it. */
  laterEntries?: TimelineEntry[];
  error?: unknown;
}

const after = (iso: string, asOf: string) => Date.parse(iso) > Date.parse(asOf);

/** Runs `work` over `items`, a few at a time. */
async function inBatches<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/**
 * The claims as they stood at `asOf`: a claim untouched since then is the same as now; only the
 * claims that changed afterwards are folded again by the API at that moment.
 */
async function detailsAt(
  summaries: ClaimSummary[],
  current: Claim[],
  asOf: string | undefined,
  signal: AbortSignal,
): Promise<Map<string, Claim>> {
  const byId = new Map(current.map((claim) => [claim.id, claim]));
  if (!asOf) return byId;
  const details = new Map<string, Claim>();
  const refold: string[] = [];
  for (const summary of summaries) {
    const claim = byId.get(summary.id);
    const unchanged =
      claim &&
      !after(claim.updatedAt, asOf) &&
      claim.status === summary.status &&
      claim.needsReview === summary.needsReview;
    if (unchanged) details.set(summary.id, claim);
    else refold.push(summary.id);
  }
  await inBatches(refold, 6, async (claimId) => {
    details.set(claimId, await getClaim(claimId, { asOf, signal }));
  });
  return details;
}

/**
 * Loads in two steps so the page shows the storyline and its claims at once, then fills in the
 * developments and the timeline. `reload` (after a live event) keeps what is shown meanwhile.
 */
export function useStoryline(id: string, asOf: string | undefined) {
  const key = `${id}|${asOf ?? ''}`;
  const [data, setData] = useState<StorylineData & { key?: string }>({});
  const reload = useSerialLoad(key, async ({ minPosition, signal }) => {
    const update = (part: Partial<StorylineData>) => {
      if (!signal.aborted) setData((previous) => ({ ...(previous.key === key ? previous : {}), ...part, key }));
    };
    try {
      const [view, now] = await Promise.all([
        getStoryline(id, { asOf, minPosition, signal }),
        asOf ? getStoryline(id, { minPosition, signal }) : Promise.resolve(undefined),
      ]);
      update({ view, now, error: undefined });
      performance.mark('desk:storyline-fetched');
      const [details, timeline, nowTimeline] = await Promise.all([
        storylineClaimViews(id, { minPosition, signal }).then((current) =>
          detailsAt(view.claims ?? [], current, asOf, signal),
        ),
        getTimeline(id, { asOf, minPosition, signal }),
        asOf ? getTimeline(id, { minPosition, signal }) : Promise.resolve(undefined),
      ]);
      const known = new Set(timeline.map((entry) => entry.eventId));
      update({ details, timeline, laterEntries: nowTimeline?.filter((entry) => !known.has(entry.eventId)) });
      performance.mark('desk:details-fetched');
    } catch (error) {
      update({ error });
    }
  });
  return { ...(data.key === key ? data : {}), reload };
}
