import { Verdict } from './claim.events';
import { RecordedClaim } from './claim.state';
import { retractionInWords } from './retraction-words';
import { DevelopmentStanding, FactCheckStanding, WeighedEvidence, weighEvidence } from './weighed-evidence';

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
  /**
   * The party-registry events the standing of the claim's evidence rests on, oldest first: the last
   * is the latest registry event that may have changed the status. Absent when none do.
   */
  registryEventIds?: string[];
  summary: string;
}

export interface ClaimStatusResult {
  status: ClaimStatus;
  needsReview: boolean;
  explanation: ClaimStatusExplanation;
}

function names(entries: DevelopmentStanding[]): string {
  return [...new Set(entries.map((entry) => entry.party.name))].join(', ');
}

/** "rated mostly false by Correctiv (fact-check)": what each rating means, never the fact-checker's own words. */
function ratedBy(factChecks: FactCheckStanding[]): string[] {
  const meanings = [...new Set(factChecks.map((factCheck) => factCheck.meaning))];
  return meanings.map((meaning) => {
    const checks = factChecks.filter((factCheck) => factCheck.meaning === meaning);
    return `rated ${meaning} by ${names(checks)} (fact-check)`;
  });
}

/** Each party once, with its label: "US government (denial by the subject)". */
function labelledNames(entries: DevelopmentStanding[]): string {
  const labelled = new Map<string, string>();
  for (const entry of entries) {
    if (!labelled.has(entry.party.name) || entry.label) {
      labelled.set(entry.party.name, entry.label ? `${entry.party.name} (${entry.label})` : entry.party.name);
    }
  }
  return [...labelled.values()].join(', ');
}

/** "Contradicted by US government (denial by the subject); rated mostly false by Correctiv (fact-check)." */
function decidedBy(verb: string, developments: DevelopmentStanding[], factChecks: FactCheckStanding[]) {
  const parts = [
    ...(developments.length > 0 ? [`${verb} by ${labelledNames(developments)}`] : []),
    ...ratedBy(factChecks),
  ];
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

const eventIdsOf = (entries: DevelopmentStanding[]) => entries.map((entry) => entry.eventId);

/** The rules that weigh evidence name the registry events behind its standing. */
function weighed(evidence: WeighedEvidence) {
  const ids = evidence.registryFacts.map((fact) => fact.eventId);
  return ids.length > 0 ? { registryEventIds: ids } : {};
}

/**
 * SPEC §3: the first rule that matches decides, over the claim with its corrections applied and its
 * evidence weighed against the party registry (weighed-evidence.ts).
 */
export function claimStatus(claim: RecordedClaim, evidence: WeighedEvidence = weighEvidence(claim)): ClaimStatusResult {
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
        summary: retractionInWords(claim.retraction),
      },
    };
  }
  const contradictions = evidence.contradictions.filter((entry) => entry.counts);
  const ratedFalse = evidence.factChecks.filter((entry) => entry.counts && entry.effect === 'contradiction');
  if (contradictions.length > 0 || ratedFalse.length > 0) {
    return {
      status: 'disputed',
      needsReview: false,
      explanation: {
        rule: 'contradicted',
        eventIds: eventIdsOf([...contradictions, ...ratedFalse]),
        ...weighed(evidence),
        summary: decidedBy('contradicted', contradictions, ratedFalse),
      },
    };
  }
  const independent = evidence.supports.filter((entry) => entry.counts);
  const ratedTrue = evidence.factChecks.filter((entry) => entry.counts && entry.effect === 'support');
  if (independent.length > 0 || ratedTrue.length > 0) {
    return {
      status: 'corroborated',
      needsReview: false,
      explanation: {
        rule: 'independent_support',
        eventIds: eventIdsOf([...independent, ...ratedTrue]),
        ...weighed(evidence),
        summary: decidedBy('supported independently', independent, ratedTrue),
      },
    };
  }
  const notCounted = [
    ...(evidence.supports.length > 0 ? [` (support only from ${names(evidence.supports)}, which does not count)`] : []),
    ...(evidence.factChecks.length > 0 ? [`; fact-checks by ${names(evidence.factChecks)} do not count`] : []),
  ];
  const ignored =
    evidence.contradictions.length > 0 ? `; contradictions by ${names(evidence.contradictions)} do not count` : '';
  return {
    status: 'unverified',
    needsReview: false,
    explanation: {
      rule: 'no_independent_support',
      eventIds: [
        claim.recordedEventId,
        ...eventIdsOf([...evidence.supports, ...evidence.factChecks, ...evidence.contradictions]),
      ],
      ...weighed(evidence),
      summary: `No independent support yet${notCounted.join('')}${ignored}.`,
    },
  };
}
