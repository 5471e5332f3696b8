import { Page, PageRequest, decodeCursor, toPage } from '../../queries/page';
import { ClaimFilter, ClaimReadModel, ReviewedClaim, StoredClaimFold } from '../../queries/read-models.port';
import { EvaluatedClaim } from './claim-evaluation';
import { ClaimRecordEvent } from './claim-record';
import { relatedIdsOf } from './claim-rivals';
import { ClaimStore, StoredClaims } from './claim-store.port';
import { READ_MODEL_VERSIONS } from '../runtime/read-model-versions';
import { ClaimView, toClaimSummary, toClaimView } from './claim-view';
import { evaluatedClaims, evaluatedInOrder } from './evaluated-claims';
import { RelatedSummaryOf } from './related-claims';

/** The claims these relate to, read in the same snapshot, as their views show them. */
function relatedSummaries(stored: StoredClaims, claims: Iterable<EvaluatedClaim>): RelatedSummaryOf {
  const ids = [...claims].flatMap(({ record }) => relatedIdsOf(record));
  const related = ids.length === 0 ? new Map<string, EvaluatedClaim>() : evaluatedClaims(stored, [...new Set(ids)]);
  return (claimId) => {
    const other = related.get(claimId);
    return other && { ...toClaimSummary(other.record, other.evaluation), storylineId: other.record.claim.storylineId };
  };
}

const toView = ({ record, evaluation }: EvaluatedClaim, summaryOf: RelatedSummaryOf): ClaimView =>
  toClaimView(record, evaluation, summaryOf);

/** Each row of a page with its claim's view, in the rows' order. */
function viewsOf<R extends { id: string }>(stored: StoredClaims, rows: R[]): Array<R & { claim: ClaimView }> {
  const claims = evaluatedClaims(
    stored,
    rows.map((row) => row.id),
  );
  const summaryOf = relatedSummaries(stored, claims.values());
  return rows.flatMap((row) => {
    const claim = claims.get(row.id);
    return claim ? [{ ...row, claim: toView(claim, summaryOf) }] : [];
  });
}

/** The claim views and the claim search, built from what the claims read model stores, each from one snapshot. */
export class ClaimViews implements ClaimReadModel {
  constructor(private readonly store: ClaimStore) {}

  get(claimId: string): ClaimView | undefined {
    return this.store.read((snapshot) => {
      const [claim] = evaluatedInOrder(snapshot, [claimId]);
      return claim && toView(claim, relatedSummaries(snapshot, [claim]));
    });
  }

  search(filter: ClaimFilter, { limit, cursor }: PageRequest): Page<ClaimView> {
    const [afterSeq] = (decodeCursor(cursor, ['number']) ?? [-1]) as [number];
    return this.store.read((snapshot) =>
      toPage(
        viewsOf(snapshot, snapshot.search(filter, afterSeq, limit + 1)),
        limit,
        (row) => row.claim,
        (row) => [row.seq],
      ),
    );
  }

  publishedReviews({ limit, cursor }: PageRequest): Page<ClaimView> {
    const [beforeAt, beforeId] = (decodeCursor(cursor, ['number', 'string']) ?? [Number.MAX_SAFE_INTEGER, '']) as [
      number,
      string,
    ];
    return this.store.read((snapshot) =>
      toPage(
        viewsOf(snapshot, snapshot.publishedReviews(beforeAt, beforeId, limit + 1)),
        limit,
        (row) => row.claim,
        (row) => [row.reviewAt, row.id],
      ),
    );
  }

  storedFolds(
    claimIds: readonly string[],
    options: { withFacts?: boolean } = {},
  ): { checkpoint: number; folds: Map<string, StoredClaimFold> } | undefined {
    const { checkpoint, versions, folds } = this.store.storedFolds(claimIds, options);
    // A generation built by another status rule or claims read model holds standings this rule would not give.
    if (versions.statusRule !== READ_MODEL_VERSIONS.statusRule || versions.claims !== READ_MODEL_VERSIONS.claims) {
      return undefined;
    }
    return { checkpoint, folds };
  }

  keptEvents(claimIds: readonly string[], throughPosition: number): Map<string, ClaimRecordEvent[]> | undefined {
    return this.store.keptEvents(claimIds, throughPosition);
  }

  reviewedBy(asOfMs: number): { checkpoint: number; claims: ReviewedClaim[] } {
    return this.store.reviewedBy(asOfMs);
  }

  claimIdsOf(storylineId: string): { checkpoint: number; ids: string[] } {
    return this.store.claimIdsOf(storylineId);
  }

  checkpoint(): number {
    return this.store.checkpoint();
  }
}
