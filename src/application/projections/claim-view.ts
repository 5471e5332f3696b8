import { ClaimStatus, ClaimStatusExplanation, claimStatus, isIndependent } from '../../domain/claim/claim-status';
import { evolveClaim } from '../../domain/claim/claim.evolve';
import {
  ContradictionEntry,
  CorrectionEntry,
  RecordedClaim,
  RetractionEntry,
  SupportEntry,
  VerdictEntry,
} from '../../domain/claim/claim.state';
import { ClaimContent } from '../../domain/claim/claim.events';
import { StoredEvent } from '../ports/event-store.port';
import { asClaimEvent } from '../events/factline-event';

/** A claim folded from the log, with what the view needs beyond the domain state. */
export interface ClaimRecord {
  claim: RecordedClaim;
  revision: number;
  position: number;
  recordedAt: string;
  updatedAt: string;
}

export type ClaimView = ClaimContent & {
  id: string;
  storylineId: string;
  status: ClaimStatus;
  needsReview: boolean;
  explanation: ClaimStatusExplanation;
  supports: Array<SupportEntry & { independent: boolean }>;
  contradictions: ContradictionEntry[];
  retraction?: RetractionEntry;
  verdict?: VerdictEntry;
  verdicts: VerdictEntry[];
  corrections: CorrectionEntry[];
  revision: number;
  position: number;
  recordedAt: string;
  updatedAt: string;
};

export interface ClaimSummary {
  id: string;
  statement: string;
  claimant: { id: string; name: string };
  status: ClaimStatus;
  needsReview: boolean;
  occurredAt: string;
}

/** One step of the fold shared by the live projection and the as-of views. */
export function evolveClaimRecord(record: ClaimRecord | undefined, stored: StoredEvent): ClaimRecord | undefined {
  const event = asClaimEvent(stored);
  if (!event) return record;
  const claim = evolveClaim(record?.claim ?? null, event);
  if (claim === null) return record;
  return {
    claim,
    revision: stored.revision,
    position: stored.position,
    recordedAt: record?.recordedAt ?? stored.metadata.recordedAt,
    updatedAt: stored.metadata.recordedAt,
  };
}

export function foldClaimRecord(events: Iterable<StoredEvent>): ClaimRecord | undefined {
  let record: ClaimRecord | undefined;
  for (const event of events) record = evolveClaimRecord(record, event);
  return record;
}

export function toClaimView({ claim, revision, position, recordedAt, updatedAt }: ClaimRecord): ClaimView {
  const { status, needsReview, explanation } = claimStatus(claim);
  return {
    id: claim.claimId,
    storylineId: claim.storylineId,
    ...claim.content,
    status,
    needsReview,
    explanation,
    supports: claim.supports.map((support) => ({ ...support, independent: isIndependent(claim, support) })),
    contradictions: claim.contradictions,
    ...(claim.retraction ? { retraction: claim.retraction } : {}),
    ...(claim.verdicts.length > 0 ? { verdict: claim.verdicts[claim.verdicts.length - 1] } : {}),
    verdicts: claim.verdicts,
    corrections: claim.corrections,
    revision,
    position,
    recordedAt,
    updatedAt,
  };
}

export function toClaimSummary(view: ClaimView): ClaimSummary {
  return {
    id: view.id,
    statement: view.statement,
    claimant: { id: view.claimant.id, name: view.claimant.name },
    status: view.status,
    needsReview: view.needsReview,
    occurredAt: view.occurredAt,
  };
}
