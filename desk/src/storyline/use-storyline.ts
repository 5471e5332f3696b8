import { useState } from 'preact/hooks';
import { useSerialLoad } from '../ui/use-serial-load';
import { getClaim, getStoryline, getTimeline, storylineClaimViews } from '../api/desk-api';
import { Claim, ClaimSummary, Storyline, TimelineEntry } from '../api/types';
import { ViewTime, isPast } from './view-time';

export interface StorylineData {
  /** The storyline at the time shown (`asOf`, `asOccurred` or both), or now. */
  view?: Storyline;
  /** At a past time: the storyline now, to mark what changed. */
  now?: Storyline;
  /** Full claim views (developments, attribution) by id, at the time shown. */
  details?: Map<string, Claim>;
  timeline?: TimelineEntry[];
  /** At a past time: the developments recorded (or dated) after it. */
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
 * The claims as they stood at the time shown. At `asOf` alone a claim untouched since then is the
 * same as now, so only the claims that changed afterwards are folded again by the API at that moment;
 * at a world time any claim may have developments dated later, so each is.
 */
async function detailsAt(
  summaries: ClaimSummary[],
  current: Claim[],
  time: ViewTime,
  signal: AbortSignal,
): Promise<Map<string, Claim>> {
  const byId = new Map(current.map((claim) => [claim.id, claim]));
  const { asOf, asOccurred } = time;
  if (!isPast(time)) return byId;
  const details = new Map<string, Claim>();
  const refold: string[] = [];
  for (const summary of summaries) {
    const claim = byId.get(summary.id);
    const unchanged =
      claim &&
      asOf &&
      !asOccurred &&
      !after(claim.updatedAt, asOf) &&
      claim.status === summary.status &&
      claim.needsReview === summary.needsReview;
    if (unchanged) details.set(summary.id, claim);
    else refold.push(summary.id);
  }
  await inBatches(refold, 6, async (claimId) => {
    details.set(claimId, await getClaim(claimId, { asOf, asOccurred, signal }));
  });
  return details;
}

/**
 * Loads in two steps so the page shows the storyline and its claims at once, then fills in the
 * developments and the timeline. `reload` (after a live event) keeps what is shown meanwhile.
 */
export function useStoryline(id: string, time: ViewTime) {
  const { asOf, asOccurred } = time;
  const past = isPast(time);
  const key = `${id}|${asOf ?? ''}|${asOccurred ?? ''}`;
  const [data, setData] = useState<StorylineData & { key?: string }>({});
  const reload = useSerialLoad(key, async ({ minPosition, signal }) => {
    const update = (part: Partial<StorylineData>) => {
      if (!signal.aborted) setData((previous) => ({ ...(previous.key === key ? previous : {}), ...part, key }));
    };
    try {
      const [view, now] = await Promise.all([
        getStoryline(id, { asOf, asOccurred, minPosition, signal }),
        past ? getStoryline(id, { minPosition, signal }) : Promise.resolve(undefined),
      ]);
      update({ view, now, error: undefined });
      performance.mark('desk:storyline-fetched');
      const [details, timeline, nowTimeline] = await Promise.all([
        storylineClaimViews(id, { minPosition, signal }).then((current) =>
          detailsAt(view.claims ?? [], current, time, signal),
        ),
        getTimeline(id, { asOf, asOccurred, minPosition, signal }),
        past ? getTimeline(id, { minPosition, signal }) : Promise.resolve(undefined),
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
