import { MentionRole } from '../read-models/claims/party-mentions';
import type { PartyNumbers } from '../read-models/claims/party-table';
import { ClaimStatus } from '../../domain/claim/claim-status';
import { StorylineStatus } from '../../domain/storyline/storyline-status';
import { ClaimSummary, ClaimView } from '../read-models/claims/claim-view';
import { StorylineListItem, StorylineView } from '../read-models/storylines/storyline-view';
import { TimelineEntry } from '../read-models/timeline/timeline-entry';
import { PartyKind } from '../../domain/party/party-mention';
import { LoggedRegistryEvent, MentionsIndex } from '../registry-cascade/registry-cascade';
import { ClaimRecordEvent } from '../read-models/claims/claim-record';
import { ClaimStanding } from '../read-models/storylines/storyline-tally';
import { Page, PageRequest } from './page';
import { MentionTally, PartyClaim, UnregisteredName } from '../read-models/parties/party-views';

export const CLAIM_READ_MODEL = Symbol('CLAIM_READ_MODEL');
export const STORYLINE_READ_MODEL = Symbol('STORYLINE_READ_MODEL');
export const TIMELINE_READ_MODEL = Symbol('TIMELINE_READ_MODEL');
export const PARTY_READ_MODEL = Symbol('PARTY_READ_MODEL');

export interface ClaimFilter {
  status?: ClaimStatus;
  storylineId?: string;
  claimantId?: string;
  needsReview?: boolean;
  text?: string;
}

/** A claim in the feed of published reviews as of a past time: the latest verdict it had by then. */
export interface ReviewedClaim {
  claimId: string;
  /** That verdict's recordedAt, in milliseconds since 1970. */
  at: number;
}

/** A claim's fold as its row keeps it, and the standing the status rule gave it there. */
export interface StoredClaimFold {
  storylineId: string;
  /** Position of the claim's latest event. */
  position: number;
  standing: ClaimStanding;
  /**
   * The claim's facts at `position` as the projection packed them (read them with `unpackClaim`), when
   * asked for and the generation keeps them: what the status rule reads, without folding its events.
   */
  packedFacts?: string;
  /** The party table `packedFacts` names its parties by, where the generation keeps one. */
  parties?: PartyNumbers;
}

export interface ClaimReadModel {
  get(claimId: string): ClaimView | undefined;
  /**
   * The rows' folds of those claims (unknown ids left out), with the checkpoint they are true at;
   * undefined while the active generation was built by another status rule or claims read model
   * than this release's, whose standings would not be this rule's.
   */
  storedFolds(
    claimIds: readonly string[],
    options?: { withFacts?: boolean },
  ): { checkpoint: number; folds: Map<string, StoredClaimFold> } | undefined;
  /**
   * The events each claim's fold took up to `throughPosition` (at most the checkpoint), oldest
   * first, as the rows keep them, read at once; a claim with none is left out. Undefined while the
   * active generation's rows keep no events (an older shape).
   */
  keptEvents(claimIds: readonly string[], throughPosition: number): Map<string, ClaimRecordEvent[]> | undefined;
  /** Factual claims with a published verdict, the latest verdict first; the cursor is the last one's place. */
  publishedReviews(page: PageRequest): Page<ClaimView>;
  /**
   * Every claim with a verdict published at or before `asOfMs`, with the time of its latest verdict by
   * then, and the checkpoint the answer is true at (events after it are not in the read model yet).
   */
  reviewedBy(asOfMs: number): { checkpoint: number; claims: ReviewedClaim[] };
  search(filter: ClaimFilter, page: PageRequest): Page<ClaimView>;
  /**
   * Ids of a storyline's claims in the order they were recorded, with the checkpoint they are complete
   * to, both from one snapshot of the file.
   */
  claimIdsOf(storylineId: string): { checkpoint: number; ids: string[] };
  /** Log position of the last event the read models reflect. */
  checkpoint(): number;
}

export interface StorylineFilter {
  status?: StorylineStatus;
  tag?: string;
  text?: string;
}

export interface StorylineReadModel {
  exists(storylineId: string): boolean;
  /** The storyline with the first `claimsLimit` of its claims. */
  get(storylineId: string, claimsLimit: number): StorylineView | undefined;
  /** A page of the storyline's claims in the order they were recorded; undefined for an unknown storyline. */
  claims(storylineId: string, page: PageRequest): Page<ClaimSummary> | undefined;
  list(filter: StorylineFilter, page: PageRequest): Page<StorylineListItem>;
}

export interface TimelineReadModel {
  timeline(storylineId: string, page: PageRequest): Page<TimelineEntry>;
}

/** The mentions index answers the registry cascade's lookups (registry-cascade.ts). */
export interface PartyReadModel extends MentionsIndex {
  /** The party events the read models hold after `position`, in log order, and the checkpoint they are complete to. */
  registryEventsAfter(position: number): { checkpoint: number; events: LoggedRegistryEvent[] };
  /** Distinct claims whose mentions resolved to each of these parties, by role; parties no claim mentions are left out. */
  mentionTallies(partyIds: string[]): Map<string, MentionTally>;
  /** Names no mention of which resolved to a registered party, most mentioned first (ties by id). */
  unregisteredNames(filter: UnregisteredNameFilter, page: PageRequest): Page<UnregisteredName>;
  /** One item per claim and role in which a mention resolved to the party, in the claims' recorded order. */
  /** With `role`, only the claims that name the party in that role. */
  claimsOf(partyId: string, page: PageRequest, role?: MentionRole): Page<PartyClaim>;
}

export interface UnregisteredNameFilter {
  /** A part of any spelling of the name, already compared as names are (normalizeName). */
  nameKeyPart?: string;
  kind?: PartyKind;
}

/** The read models are being built and have nothing to serve yet. */
export class ReadModelsUnavailableError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'ReadModelsUnavailableError';
  }
}
