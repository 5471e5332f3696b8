import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ClaimReview, DataFeed, WithContext } from 'schema-dts';
import { NoClaimReviewError, ReviewPublisher, toClaimReview } from '../claim-reviews/claim-review';
import { EVENT_STORE, EventStore } from '../ports/event-store.port';
import { ClaimView } from '../read-models/claims/claim-view';
import { decodeCursor, encodeCursor, PageRequest } from './page';
import { CLAIM_READ_MODEL, ClaimReadModel, ReviewedClaim } from './read-models.port';
import { TimeTravel } from './time-travel';

export const DEFAULT_FEED_PAGE_SIZE = 20;
/** A page of the feed folds each review it shows; as of a past time, each from the log. */
export const MAX_FEED_PAGE_SIZE = 100;

const PARALLEL_FOLDS = 16;
const TAIL_PAGE_SIZE = 1000;

/** schema.org DataFeed of ClaimReviews, newest verdict first; `nextCursor` pages on, as on every list. */
export type ReviewFeed = WithContext<DataFeed> & { nextCursor?: string };

export class ListClaimReviewsQuery {
  constructor(
    readonly page: PageRequest,
    readonly publisher: ReviewPublisher,
    /** The reviews as they were published at that time (knowledge time, `recordedAt`). */
    readonly asOf?: string,
  ) {}
}

@QueryHandler(ListClaimReviewsQuery)
export class ListClaimReviewsHandler implements IQueryHandler<ListClaimReviewsQuery, ReviewFeed> {
  constructor(
    @Inject(CLAIM_READ_MODEL) private readonly claims: ClaimReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly timeTravel: TimeTravel,
  ) {}

  async execute({ page, publisher, asOf }: ListClaimReviewsQuery): Promise<ReviewFeed> {
    const { views, nextCursor } = asOf ? await this.pageAsOf(page, asOf) : this.pageNow(page);
    const reviews = views.flatMap((view) => reviewOrNone(view, publisher));
    return {
      '@context': 'https://schema.org',
      '@type': 'DataFeed',
      name: `${publisher.newsroomName}: fact checks`,
      dataFeedElement: reviews,
      ...(nextCursor ? { nextCursor } : {}),
    } as ReviewFeed;
  }

  private pageNow(page: PageRequest): { views: ClaimView[]; nextCursor?: string } {
    const { items, nextCursor } = this.claims.publishedReviews(page);
    return { views: items, nextCursor };
  }

  /**
   * The claims whose review was published by then, in the order of their latest verdict by then, each
   * folded from the events recorded by then. A claim that was not factual then, or whose verdicts then
   * named no address yet, is left out of the page (which may then hold fewer than `limit`).
   */
  private async pageAsOf(page: PageRequest, asOf: string): Promise<{ views: ClaimView[]; nextCursor?: string }> {
    const [beforeAt, beforeId] = (decodeCursor(page.cursor, ['number', 'string']) ?? [Infinity, '']) as [
      number,
      string,
    ];
    const candidates = (await this.reviewedBy(Date.parse(asOf)))
      .filter(({ at, claimId }) => at < beforeAt || (at === beforeAt && claimId < beforeId))
      .sort((a, b) => b.at - a.at || (a.claimId < b.claimId ? 1 : a.claimId > b.claimId ? -1 : 0));
    const shown = candidates.slice(0, page.limit);
    const views: ClaimView[] = [];
    for (let start = 0; start < shown.length; start += PARALLEL_FOLDS) {
      const chunk = shown.slice(start, start + PARALLEL_FOLDS);
      const folded = await Promise.all(chunk.map(({ claimId }) => this.timeTravel.claim(claimId, { asOf })));
      views.push(...folded.filter((view): view is ClaimView => view !== undefined));
    }
    const last = shown[shown.length - 1];
    return { views, ...(candidates.length > page.limit ? { nextCursor: encodeCursor([last.at, last.claimId]) } : {}) };
  }

  /** The read model's answer, plus the verdicts recorded after its checkpoint (usually none). */
  private async reviewedBy(asOfMs: number): Promise<ReviewedClaim[]> {
    const { checkpoint, claims } = this.claims.reviewedBy(asOfMs);
    const latest = new Map(claims.map(({ claimId, at }) => [claimId, at]));
    for (let after = checkpoint; ;) {
      const tail = await this.store.readAll({ after, limit: TAIL_PAGE_SIZE, types: ['ClaimVerdictIssued'] });
      if (tail.length === 0) break;
      for (const event of tail) {
        const claimId = (event.data as { claimId?: unknown }).claimId;
        const at = Date.parse(event.metadata.recordedAt);
        if (typeof claimId === 'string' && at <= asOfMs) latest.set(claimId, Math.max(at, latest.get(claimId) ?? at));
      }
      after = tail[tail.length - 1].position;
    }
    return [...latest].map(([claimId, at]) => ({ claimId, at }));
  }
}

function reviewOrNone(view: ClaimView, publisher: ReviewPublisher): ClaimReview[] {
  try {
    return [toClaimReview(view, publisher)];
  } catch (error) {
    if (error instanceof NoClaimReviewError) return [];
    throw error;
  }
}
