import { ApiError } from '../api/client';
import { Changes } from '../api/changes-types';
import { changesSince, searchClaims } from '../api/desk-api';
import { Claim } from '../api/types';
import { Seen } from './seen-position';

/** One answer's page: enough to count most mornings exactly; the rest is a click away. */
const PAGE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Answer {
  changes: Changes;
  /** Claims that need review and have changed since: GET /v1/changes lists status changes only. */
  needReview: Claim[];
  /** Nothing marked seen yet (or a position this service has never reached): the last 24 hours. */
  lastDay: boolean;
  /** The stored position lies beyond this service's log: another store, or one started anew. */
  ahead?: number;
}

type Options = { minPosition?: number; signal: AbortSignal };

async function changesFrom(seen: Seen | undefined, options: Options): Promise<Omit<Answer, 'needReview'>> {
  const lastDay = () =>
    changesSince({ sinceTime: new Date(Date.now() - DAY_MS).toISOString(), limit: PAGE, ...options });
  if (!seen) return { changes: await lastDay(), lastDay: true };
  try {
    return { changes: await changesSince({ since: seen.position, limit: PAGE, ...options }), lastDay: false };
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 400)) throw error;
    return { changes: await lastDay(), lastDay: true, ahead: seen.position };
  }
}

export async function loadChanges(seen: Seen | undefined, options: Options): Promise<Answer> {
  const [answer, needingReview] = await Promise.all([
    changesFrom(seen, options),
    searchClaims({ needsReview: true }, options),
  ]);
  const since = answer.changes.since;
  return { ...answer, needReview: needingReview.filter((claim) => claim.position > since) };
}

/** The pages after the first, merged into it: every list whole. */
export async function withEveryPage(changes: Changes, signal?: AbortSignal): Promise<Changes> {
  let merged = changes;
  let cursor = changes.nextCursor;
  while (cursor) {
    const page = await changesSince({ since: changes.since, cursor, limit: PAGE, signal });
    merged = {
      ...merged,
      storylines: [...merged.storylines, ...page.storylines],
      claimsAdded: [...merged.claimsAdded, ...page.claimsAdded],
      claimsChanged: [...merged.claimsChanged, ...page.claimsChanged],
      developments: {
        ...merged.developments,
        byStoryline: [...merged.developments.byStoryline, ...page.developments.byStoryline],
      },
    };
    cursor = page.nextCursor;
  }
  return { ...merged, nextCursor: undefined };
}
