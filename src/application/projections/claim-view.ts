import { ClaimStatus, ClaimStatusExplanation } from '../../domain/claim/claim-status';
import {
  ContradictionEntry,
  CorrectionEntry,
  RetractionEntry,
  SupportEntry,
  VerdictEntry,
} from '../../domain/claim/claim.state';
import { ClaimContent } from '../../domain/claim/claim.events';
import { ClaimEvaluation, DevelopmentAssessment } from './claim-evaluation';
import { ClaimRecord } from './claim-record';

type Assessed = Omit<DevelopmentAssessment, 'eventId'>;

export type ClaimView = ClaimContent & {
  id: string;
  storylineId: string;
  status: ClaimStatus;
  needsReview: boolean;
  explanation: ClaimStatusExplanation;
  supports: Array<SupportEntry & Assessed & { independent: boolean }>;
  contradictions: Array<ContradictionEntry & Assessed>;
  retraction?: RetractionEntry;
  verdict?: VerdictEntry;
  verdicts: VerdictEntry[];
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

export function toClaimView(record: ClaimRecord, evaluation: ClaimEvaluation): ClaimView {
  const { claim, revision, position, recordedAt, updatedAt } = record;
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
    ...(claim.verdicts.length > 0 ? { verdict: claim.verdicts[claim.verdicts.length - 1] } : {}),
    verdicts: claim.verdicts,
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
