import { Party } from '../party';
import { Verdict } from './claim.events';
import { FactCheckEntry, RecordedClaim } from './claim.state';
import { readRating } from './fact-check-rating';

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

/**
 * A support (or a fact-check rating the claim true) counts only when it comes from neither the
 * claimant nor the outlet that reported the claim.
 */
export function isIndependent(claim: RecordedClaim, evidence: { by: Party }): boolean {
  return evidence.by.id !== claim.content.claimant.id && evidence.by.id !== claim.content.reportedBy?.id;
}

/** What an outside fact-check does to the status: it is evidence, never the desk's verdict. */
export type FactCheckEffect = 'contradiction' | 'support' | 'neither';

export interface FactCheckStanding {
  effect: FactCheckEffect;
  counts: boolean;
  /** Why it counts as it does, in words. */
  reason: string;
}

/** Only the latest review published at an address stands; the fact-checker may have re-rated it since. */
function latestAtItsAddress(claim: RecordedClaim, factCheck: FactCheckEntry): boolean {
  return claim.factChecks.findLast((other) => other.url === factCheck.url) === factCheck;
}

/**
 * Rated in the false part of its scale, a fact-check counts as a contradiction; in the true part as
 * a support, from an independent party only; in between, or in words only, as neither.
 */
export function factCheckStanding(claim: RecordedClaim, factCheck: FactCheckEntry): FactCheckStanding {
  const { side, described } = readRating(factCheck.rating);
  const by = factCheck.by.name;
  if (!latestAtItsAddress(claim, factCheck)) {
    return { effect: 'neither', counts: false, reason: `replaced by a later review at ${factCheck.url}` };
  }
  if (side === 'false') {
    return {
      effect: 'contradiction',
      counts: true,
      reason: `${by} rated it ${described}: the false part of its scale`,
    };
  }
  if (side === 'true') {
    if (isIndependent(claim, factCheck)) {
      return { effect: 'support', counts: true, reason: `${by} rated it ${described}: the true part of its scale` };
    }
    const role = factCheck.by.id === claim.content.claimant.id ? 'made the claim' : 'reported the claim';
    return { effect: 'support', counts: false, reason: `${by} rated it ${described}, but ${by} ${role}` };
  }
  const where = side === 'middle' ? 'the middle of its scale' : 'no place on a true–false scale';
  return {
    effect: 'neither',
    counts: false,
    reason: `${by} rated it ${described}: ${where}, neither support nor contradiction`,
  };
}

function names(entries: Array<{ by: { name: string } }>): string {
  return [...new Set(entries.map((entry) => entry.by.name))].join(', ');
}

function factChecksThat(claim: RecordedClaim, effect: FactCheckEffect): FactCheckEntry[] {
  return claim.factChecks.filter((factCheck) => {
    const standing = factCheckStanding(claim, factCheck);
    return standing.counts && standing.effect === effect;
  });
}

/** "Contradicted by US government; rated false by Correctiv." */
function decidedBy(verb: string, developments: Array<{ by: Party }>, factChecks: FactCheckEntry[], rated: string) {
  const parts = [
    ...(developments.length > 0 ? [`${verb} by ${names(developments)}`] : []),
    ...(factChecks.length > 0 ? [`rated ${rated} by ${names(factChecks)} (fact-check)`] : []),
  ];
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
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
  const ratedFalse = factChecksThat(claim, 'contradiction');
  if (claim.contradictions.length > 0 || ratedFalse.length > 0) {
    return {
      status: 'disputed',
      needsReview: false,
      explanation: {
        rule: 'contradicted',
        eventIds: [...claim.contradictions, ...ratedFalse].map((entry) => entry.eventId),
        summary: decidedBy('contradicted', claim.contradictions, ratedFalse, 'false'),
      },
    };
  }
  const independent = claim.supports.filter((support) => isIndependent(claim, support));
  const ratedTrue = factChecksThat(claim, 'support');
  if (independent.length > 0 || ratedTrue.length > 0) {
    return {
      status: 'corroborated',
      needsReview: false,
      explanation: {
        rule: 'independent_support',
        eventIds: [...independent, ...ratedTrue].map((entry) => entry.eventId),
        summary: decidedBy('supported independently', independent, ratedTrue, 'true'),
      },
    };
  }
  const dependent = claim.supports.length > 0 ? ` (support only from ${names(claim.supports)}, not independent)` : '';
  const unplaced = claim.factChecks.length > 0 ? `; fact-checks by ${names(claim.factChecks)} do not count` : '';
  return {
    status: 'unverified',
    needsReview: false,
    explanation: {
      rule: 'no_independent_support',
      eventIds: [claim.recordedEventId, ...[...claim.supports, ...claim.factChecks].map((entry) => entry.eventId)],
      summary: `No independent support yet${dependent}${unplaced}.`,
    },
  };
}
