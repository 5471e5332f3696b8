import { StoredEvent } from './event-store.port';
import { ClaimRecordEvent } from '../read-models/claims/claim-record';
import { PartyMention } from '../read-models/claims/party-mentions';
import { KnownStoryline, ReadModelPage } from '../read-models/runtime/read-model-page';
import { Party } from '../../domain/party';
import { StatusDecision } from '../../domain/claim/status-decision';
import { LoggedRegistryEvent, MentionsIndex } from '../registry-cascade/registry-cascade';

/** Versions of what the read models hold; a generation built under other versions is rebuilt. */
export type ReadModelVersions = Record<string, number>;

/** One generation of the read models: a full set of tables with one checkpoint, written by the projection worker only. */
export interface ReadModelGeneration extends MentionsIndex {
  readonly generation: number;
  readonly versions: ReadModelVersions;
  /** Position of the last event applied, -1 before the first. */
  checkpoint(): number;
  /** Every claim as its writer packed it (packed-claim.ts), by id; undefined for a generation older than the packed column. */
  packedClaims(): Map<string, string> | undefined;
  /** The parties its packed claims name by number (party-table.ts), in number order from 0; undefined before claims read model 10. */
  partyTable(): Party[] | undefined;
  /** What its claims rows keep that the page builds for them (claim-row-values.ts). */
  readonly claimRows: ClaimRowKeeps;
  /** The claims named, as their rows keep them (a generation without packed claims): the page folds them. */
  loadClaims(ids: string[]): Map<string, StoredClaimRow>;
  /** The folds of the claims named, as their rows keep them. */
  loadClaimFolds(ids: string[]): Map<string, KeptFold>;
  loadStorylines(ids: string[]): Map<string, KnownStoryline>;
  /** Ids of the claims of these storylines written so far. */
  claimsOfStorylines(storylineIds: string[]): string[];
  /** The party events applied so far, in log order: the engine folds its registry from them. */
  loadRegistryEvents(): LoggedRegistryEvent[];
  /** Writes the page (its new parties of the party table with it) and moves the checkpoint to `page.checkpoint`, in one transaction. */
  write(page: ReadModelPage): void;
  /** After a bulk load: builds the indexes that were left out to make the load faster. */
  finishBulkLoad(): void;
  /** A place for a batch rebuild to set the log's claim events aside, claim by claim (see batch-rebuild.ts). */
  stageClaimEvents(): ClaimEventStaging;
}

/**
 * A claim's fold as a generation's rows keep it: the events the fold took, oldest first; or, in claims
 * read model 4 or older, the whole fold as JSON.
 */
export type KeptFold = { events: ClaimRecordEvent[] } | { record: string };

/** A claim as a generation's rows keep it: its fold, the decision its row holds, its rows of the mentions index in no order. */
export interface StoredClaimRow {
  fold: KeptFold;
  decision: StatusDecision;
  mentions: PartyMention[];
}

/** What a generation's claims rows keep beside the claim's facts: a version-5 row its words, an older row its evaluation and summary. */
export interface ClaimRowKeeps {
  words: boolean;
  whole: boolean;
}

/** A claim's events as a batch rebuild reads them back: all of them, in log order. */
export interface StagedClaim {
  /** The position of the claim's first event: claims come back in this order. */
  order: number;
  events: StagedClaimEvent[];
}

/** What the claim fold reads of an event, and its stream, to name it when it cannot be applied. */
export type StagedClaimEvent = ClaimRecordEvent & Pick<StoredEvent, 'streamId'>;

/** Claim events set aside, readable claim by claim; nothing readers see, and gone with the process. */
export interface ClaimEventStaging {
  stage(events: Array<{ order: number; event: StoredEvent }>): void;
  /** The next claims after `afterOrder`, at most `limit` of them, each with all its staged events. */
  nextClaims(afterOrder: number, limit: number): StagedClaim[];
  drop(): void;
}

export interface BuildProgress {
  applied: number;
  position: number;
  head: number;
  startedAt: string;
}

/**
 * What went wrong with the read-model file itself, not with what was written to it: `storage` (a full
 * disk, an I/O error) passes once its cause is gone; `damaged` (a malformed file) needs a new file,
 * rebuilt from the log.
 */
export type ReadModelFault = 'storage' | 'damaged';

/** The read-model file as its one writer sees it: which generation serves, and the building of the next. */
export interface ReadModelStore {
  /** Whether `error`, thrown by one of these methods or a generation's, is a fault of the file; undefined when it is not. */
  faultOf(error: unknown): ReadModelFault | undefined;
  /** The generation readers use, if there is one. */
  active(): ReadModelGeneration | undefined;
  /** A new, empty generation nobody reads until it is promoted; `bulk` leaves secondary indexes for later. */
  createGeneration(versions: ReadModelVersions, options: { bulk: boolean }): ReadModelGeneration;
  /** Makes `next` the generation readers use and drops the one it replaces, in one transaction. */
  promote(next: ReadModelGeneration): void;
  /** Drops a generation that will not be promoted (a failed or aborted build). */
  discard(generation: ReadModelGeneration): void;
  /** What readers are told of a build under way; undefined when none is. */
  reportBuild(progress: BuildProgress | undefined): void;
  /** Why the read models stopped applying the log, or why the last build failed; undefined clears it. */
  reportFailure(error: string | undefined): void;
}
