import { ClaimContent } from '../../domain/claim/claim.events';
import { VerdictEntry } from '../../domain/claim/claim.state';

/**
 * ClaimReview is for checkable statements: opinions and predictions get none. Claims recorded
 * before claims had a kind are factual.
 */
export function kindOf(content: Pick<ClaimContent, 'kind'>): string {
  return (content as { kind?: string }).kind ?? 'factual';
}

type Verdicts = ReadonlyArray<Pick<VerdictEntry, 'reviewUrl'> & { recordedAt: string }>;

/**
 * A ruling is published once a verdict names the fact-check that carries it (`reviewUrl`). A later
 * re-ruling without one keeps that address: the published piece is updated, not withdrawn.
 */
export interface Publication {
  /** The fact-check's address: the latest one a verdict named. */
  url: string;
  /** When the first verdict with an address was recorded. */
  publishedAt: string;
  /** When the latest verdict was recorded, when it came after that. */
  modifiedAt?: string;
}

export function publicationOf(verdicts: Verdicts): Publication | undefined {
  const first = verdicts.findIndex((verdict) => verdict.reviewUrl !== undefined);
  if (first === -1) return undefined;
  const url = verdicts.findLast((verdict) => verdict.reviewUrl !== undefined)?.reviewUrl as string;
  const latest = verdicts[verdicts.length - 1];
  return {
    url,
    publishedAt: verdicts[first].recordedAt,
    ...(latest !== verdicts[first] ? { modifiedAt: latest.recordedAt } : {}),
  };
}

/** What the review feed's index keeps of a claim: all times in milliseconds since 1970. */
export interface FeedPlace {
  /** The latest verdict's time while the claim is factual and published; the feed's order, newest first. */
  latestAt?: number;
  /** The first published verdict's time: no feed as of an earlier time lists the claim. */
  firstPublishedAt?: number;
  /** Every verdict's time, to find the latest one at a past point. */
  verdictTimes: number[];
}

export function feedPlaceOf(content: Pick<ClaimContent, 'kind'>, verdicts: Verdicts): FeedPlace {
  const publication = publicationOf(verdicts);
  if (!publication) return { verdictTimes: [] };
  const verdictTimes = verdicts.map((verdict) => Date.parse(verdict.recordedAt));
  return {
    ...(kindOf(content) === 'factual' ? { latestAt: verdictTimes[verdictTimes.length - 1] } : {}),
    firstPublishedAt: Date.parse(publication.publishedAt),
    verdictTimes,
  };
}
