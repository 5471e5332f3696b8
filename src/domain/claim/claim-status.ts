import { Verdict } from './claim.events';
import { RecordedClaim, SupportEntry } from './claim.state';

export const CLAIM_STATUSES = [
  'unverified',
  'corroborated',
  'disputed',
  'retracted',
  'confirmed',
  'refuted',
  'misleading',
  'unproven',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export type StatusRule = 'verdict' | 'retracted' | 'contradicted' | 'independent_support' | 'no_independent_support';

export interface ClaimStatusExplanation {
  rule: StatusRule;
  /** The events that decided the status. */
  eventIds: string[];
  summary: string;
}

export interface ClaimStatusResult {
  status: ClaimStatus;
  needsReview: boolean;
  explanation: ClaimStatusExplanation;
}

/** A support counts only when it comes from neither the claimant nor the outlet that reported the claim. */
export function isIndependent(claim: RecordedClaim, support: SupportEntry): boolean {
  return support.by.id !== claim.content.claimant.id && support.by.id !== claim.content.reportedBy?.id;
}

function names(entries: Array<{ by: { name: string } }>): string {
  return [...new Set(entries.map((entry) => entry.by.name))].join(', ');
}

/** SPEC §3: the first rule that matches decides, over the claim with its corrections applied. */
export function claimStatus(claim: RecordedClaim): ClaimStatusResult {
  const verdict = claim.verdicts.at(-1);
  if (verdict) {
    const needsReview = claim.developmentsSinceVerdict.length > 0;
    const later = needsReview ? `; ${claim.developmentsSinceVerdict.length} development(s) since need review` : '';
    return {
      status: verdict.verdict satisfies Verdict,
      needsReview,
      explanation: {
        rule: 'verdict',
        eventIds: [verdict.eventId, ...claim.developmentsSinceVerdict],
        summary: `The desk ruled it ${verdict.verdict}${later}.`,
      },
    };
  }
  if (claim.retraction) {
    return {
      status: 'retracted',
      needsReview: false,
      explanation: {
        rule: 'retracted',
        eventIds: [claim.retraction.eventId],
        summary: `Withdrawn by ${claim.retraction.by.name}.`,
      },
    };
  }
  if (claim.contradictions.length > 0) {
    return {
      status: 'disputed',
      needsReview: false,
      explanation: {
        rule: 'contradicted',
        eventIds: claim.contradictions.map((entry) => entry.eventId),
        summary: `Contradicted by ${names(claim.contradictions)}.`,
      },
    };
  }
  const independent = claim.supports.filter((support) => isIndependent(claim, support));
  if (independent.length > 0) {
    return {
      status: 'corroborated',
      needsReview: false,
      explanation: {
        rule: 'independent_support',
        eventIds: independent.map((entry) => entry.eventId),
        summary: `Supported independently by ${names(independent)}.`,
      },
    };
  }
  const dependent = claim.supports.length > 0 ? ` (support only from ${names(claim.supports)}, not independent)` : '';
  return {
    status: 'unverified',
    needsReview: false,
    explanation: {
      rule: 'no_independent_support',
      eventIds: [claim.recordedEventId, ...claim.supports.map((entry) => entry.eventId)],
      summary: `No independent support yet${dependent}.`,
    },
  };
}
