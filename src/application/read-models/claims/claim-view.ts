import { ClaimKind, ClaimContent } from '../../../domain/claim/claim.events';
import { ClaimStatus, ClaimStatusExplanation } from '../../../domain/claim/claim-status';
import { DevelopmentStanding, FactCheckStanding, SupportStanding } from '../../../domain/claim/weighed-evidence';
import {
  ContradictionEntry,
  CorrectionEntry,
  FactCheckEntry,
  RetractionEntry,
  SupportEntry,
  VerdictEntry,
} from '../../../domain/claim/claim.state';
import { Voice } from '../../../domain/claim/voices';
import { ResolvedParty, emptyRegistry } from '../../../domain/party/party-registry';
import { ClaimEvaluation, ClaimParties } from './claim-evaluation';
import { ClaimRecord } from './claim-record';
import { RelatedClaim, RelatedSummaryOf, relatedClaims } from './related-claims';

type Standing<S extends DevelopmentStanding> = Omit<S, 'eventId'>;

/** A verdict as the view shows it: with when the desk recorded it (the server's clock), which ClaimReview publishes. */
export type RecordedVerdict = VerdictEntry & { recordedAt: string };

/** An outside fact-check, always shown: whether it counts as a support or contradiction, and why. */
export type FactCheckView = FactCheckEntry & Standing<FactCheckStanding>;

export type ClaimView = ClaimContent & {
  id: string;
  storylineId: string;
  status: ClaimStatus;
  needsReview: boolean;
  explanation: ClaimStatusExplanation;
  /** The canonical parties the claimant, reporter, co-reporter and `about` mentions resolve to in the party registry. */
  parties: ClaimParties;
  /** Counting supports from parties not related to each other: a correspondent and her outlet are one source, a joint piece once. */
  independentSources: number;
  /** Counting contradictions grouped the same way: two agencies of one government are one voice. */
  independentContradictions: number;
  /** The voices of the counting contradictions, each with why its parties are one. */
  contradictionVoices: Voice[];
  supports: Array<SupportEntry & Standing<SupportStanding>>;
  contradictions: Array<ContradictionEntry & Standing<DevelopmentStanding>>;
  /** With the party its `by` resolves to, as supports and contradictions carry theirs. */
  retraction?: RetractionEntry & { party: ResolvedParty };
  verdict?: RecordedVerdict;
  verdicts: RecordedVerdict[];
  factChecks: FactCheckView[];
  corrections: CorrectionEntry[];
  /** The claims this one is related to, each with its status as it stands (or stood, at a past point). */
  relations: RelatedClaim[];
  revision: number;
  position: number;
  recordedAt: string;
  updatedAt: string;
};

/** A claim as a storyline lists it. */
export interface ClaimSummary {
  id: string;
  statement: string;
  kind: ClaimKind;
  claimant: { id: string; name: string };
  status: ClaimStatus;
  needsReview: boolean;
  occurredAt: string;
}

function withStandings<E extends { eventId: string }, S extends DevelopmentStanding>(
  entries: E[],
  standings: S[],
): Array<E & Standing<S>> {
  const byEvent = new Map(standings.map(({ eventId, ...standing }) => [eventId, standing]));
  return entries.map((entry) => ({ ...entry, ...(byEvent.get(entry.eventId) as Standing<S>) }));
}

/** The claim's verdicts, each with the time its event was recorded. */
export function recordedVerdicts({ claim, events }: ClaimRecord): RecordedVerdict[] {
  const recordedAtOf = new Map(events.map((event) => [event.eventId, event.recordedAt]));
  return claim.verdicts.map((verdict) => ({ ...verdict, recordedAt: recordedAtOf.get(verdict.eventId) ?? '' }));
}

export function toClaimView(
  record: ClaimRecord,
  evaluation: ClaimEvaluation,
  summaryOf: RelatedSummaryOf = () => undefined,
): ClaimView {
  const { claim, revision, position, recordedAt, updatedAt } = record;
  const verdicts = recordedVerdicts(record);
  return {
    id: claim.claimId,
    storylineId: claim.storylineId,
    ...claim.content,
    status: evaluation.status,
    needsReview: evaluation.needsReview,
    explanation: evaluation.explanation,
    parties: evaluation.parties,
    independentSources: evaluation.independentSources,
    independentContradictions: evaluation.independentContradictions,
    contradictionVoices: evaluation.contradictionVoices,
    supports: withStandings(claim.supports, evaluation.supports),
    contradictions: withStandings(claim.contradictions, evaluation.contradictions),
    ...(claim.retraction
      ? {
          retraction: {
            ...claim.retraction,
            party: evaluation.retractedBy ?? emptyRegistry.resolve(claim.retraction.by),
          },
        }
      : {}),
    ...(verdicts.length > 0 ? { verdict: verdicts[verdicts.length - 1] } : {}),
    verdicts,
    factChecks: withStandings(claim.factChecks, evaluation.factChecks),
    corrections: claim.corrections,
    relations: relatedClaims(record, summaryOf),
    revision,
    position,
    recordedAt,
    updatedAt,
  };
}

export function toClaimSummary({ claim }: ClaimRecord, { status, needsReview }: ClaimEvaluation): ClaimSummary {
  const { statement, kind, claimant, occurredAt } = claim.content;
  return {
    id: claim.claimId,
    statement,
    kind,
    claimant: { id: claimant.id, name: claimant.name },
    status,
    needsReview,
    occurredAt,
  };
}
