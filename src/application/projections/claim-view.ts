import { ClaimStatus, ClaimStatusExplanation } from '../../domain/claim/claim-status';
import { FactCheckEffect } from '../../domain/claim/claim-status';
import {
  ContradictionEntry,
  CorrectionEntry,
  FactCheckEntry,
  RetractionEntry,
  SupportEntry,
  VerdictEntry,
} from '../../domain/claim/claim.state';
import { ClaimContent } from '../../domain/claim/claim.events';
import { ClaimEvaluation, DevelopmentAssessment } from './claim-evaluation';
import { ClaimRecord } from './claim-record';

type Assessed = Omit<DevelopmentAssessment, 'eventId'>;

/** A verdict as the view shows it: with when the desk recorded it (the server's clock), which ClaimReview publishes. */
export type RecordedVerdict = VerdictEntry & { recordedAt: string };

/** An outside fact-check, always shown: whether it counts as a support or contradiction, and why. */
export type FactCheckView = FactCheckEntry & Assessed & { effect: FactCheckEffect; reason: string };

export type ClaimView = ClaimContent & {
  id: string;
  storylineId: string;
  status: ClaimStatus;
  needsReview: boolean;
  explanation: ClaimStatusExplanation;
  supports: Array<SupportEntry & Assessed & { independent: boolean }>;
  contradictions: Array<ContradictionEntry & Assessed>;
  retraction?: RetractionEntry;
  verdict?: RecordedVerdict;
  verdicts: RecordedVerdict[];
  factChecks: FactCheckView[];
  corrections: CorrectionEntry[];
  revision: number;
  position: number;
  recordedAt: string;
  updatedAt: string;
};

/** A claim as a storyline lists it. */
export interface ClaimSummary {
  id: string;
  statement: string;
  claimant: { id: string; name: string };
  status: ClaimStatus;
  needsReview: boolean;
  occurredAt: string;
}

function withAssessments<E extends { eventId: string }, A extends DevelopmentAssessment>(
  entries: E[],
  assessments: A[],
): Array<E & Omit<A, 'eventId'>> {
  const byEvent = new Map(assessments.map(({ eventId, ...assessment }) => [eventId, assessment]));
  return entries.map((entry) => ({ ...entry, ...(byEvent.get(entry.eventId) as Omit<A, 'eventId'>) }));
}

/** The claim's verdicts, each with the time its event was recorded. */
export function recordedVerdicts({ claim, events }: ClaimRecord): RecordedVerdict[] {
  const recordedAtOf = new Map(events.map((event) => [event.eventId, event.recordedAt]));
  return claim.verdicts.map((verdict) => ({ ...verdict, recordedAt: recordedAtOf.get(verdict.eventId) ?? '' }));
}

export function toClaimView(record: ClaimRecord, evaluation: ClaimEvaluation): ClaimView {
  const { claim, revision, position, recordedAt, updatedAt } = record;
  const verdicts = recordedVerdicts(record);
  return {
    id: claim.claimId,
    storylineId: claim.storylineId,
    ...claim.content,
    status: evaluation.status,
    needsReview: evaluation.needsReview,
    explanation: evaluation.explanation,
    supports: withAssessments(claim.supports, evaluation.supports),
    contradictions: withAssessments(claim.contradictions, evaluation.contradictions),
    ...(claim.retraction ? { retraction: claim.retraction } : {}),
    ...(verdicts.length > 0 ? { verdict: verdicts[verdicts.length - 1] } : {}),
    verdicts,
    // Rows written before fact-checks were evaluated have no assessments of them (and no fact-checks).
    factChecks: withAssessments(claim.factChecks, evaluation.factChecks ?? []),
    corrections: claim.corrections,
    revision,
    position,
    recordedAt,
    updatedAt,
  };
}

export function toClaimSummary({ claim }: ClaimRecord, { status, needsReview }: ClaimEvaluation): ClaimSummary {
  const { statement, claimant, occurredAt } = claim.content;
  return {
    id: claim.claimId,
    statement,
    claimant: { id: claimant.id, name: claimant.name },
    status,
    needsReview,
    occurredAt,
  };
}
