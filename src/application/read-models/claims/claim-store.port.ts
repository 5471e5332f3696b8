import { PartyRegistry } from '../../../domain/party/party-registry';
import { Stakeholder } from '../../../domain/storyline/stakeholder';
import { ReadModelVersions } from '../../ports/read-model-store.port';
import { ClaimFilter, ClaimReadModel, StoredClaimFold } from '../../queries/read-models.port';
import { ClaimRecordEvent } from './claim-record';

export const CLAIM_STORE = Symbol('CLAIM_STORE');

/**
 * A claim as its read model stores it: the events its fold took, oldest first; or, in a generation of
 * claims read model 4 or older, its whole row: the fold and the evaluation, as JSON.
 */
export type StoredClaim = { events: ClaimRecordEvent[] } | { record: string; evaluation: string };

/** What one read transaction finds stored of the claims: all of it true at `checkpoint`. */
export interface StoredClaims {
  readonly checkpoint: number;
  /** The claims named by `ids`, unknown ones left out. */
  claims(ids: readonly string[]): Map<string, StoredClaim>;
  /** The stakeholders of those storylines that name any: a support's stake reads them. */
  stakeholders(storylineIds: readonly string[]): Map<string, Stakeholder[]>;
  /** The party registry the generation holds at its checkpoint. */
  registry(): PartyRegistry;
}

/** The claims read model as one read transaction sees it: the stored claims and the lists' rows. */
export interface ClaimSnapshot extends StoredClaims {
  /** The claims `filter` finds, in recorded order, after the one at `afterSeq`; at most `limit`. */
  search(filter: ClaimFilter, afterSeq: number, limit: number): Array<{ seq: number; id: string }>;
  /**
   * Factual claims with a published verdict, the latest verdict first, after the one at
   * (`beforeAt`, `beforeId`); at most `limit`. Throws ReadModelsUnavailableError while the
   * generation predates the feed.
   */
  publishedReviews(beforeAt: number, beforeId: string, limit: number): Array<{ reviewAt: number; id: string }>;
}

/** The claims read model's storage: stored data only, the views are built from it (claim-views.ts). */
export interface ClaimStore extends Pick<ClaimReadModel, 'keptEvents' | 'reviewedBy' | 'claimIdsOf' | 'checkpoint'> {
  /**
   * The rows' folds of those claims (unknown ids left out), with the versions that wrote them and the
   * checkpoint they are true at; `withFacts`: with their packed facts, where the rows keep them.
   */
  storedFolds(
    claimIds: readonly string[],
    options?: { withFacts?: boolean },
  ): {
    checkpoint: number;
    versions: ReadModelVersions;
    folds: Map<string, StoredClaimFold>;
  };
  /** Runs `query` in one read transaction, so that everything it reads is true at one checkpoint. */
  read<T>(query: (snapshot: ClaimSnapshot) => T): T;
}
