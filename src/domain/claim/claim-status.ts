import { Verdict } from './claim.events';
import { ResolvedParty } from '../party/party-registry';
import { RecordedClaim } from './claim.state';
import { retractionInWords } from './retraction-words';
import { voiceInWords } from './voices';
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
  /** Rivals (`rival_of`) confirmed since the desk last ruled on this claim: why it needs review. */
  confirmedRivals?: string[];
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

/** "NDR (joint reporting by NDR, WDR and Die Zeit)": a joint piece says who wrote it. */
function authors(entries: DevelopmentStanding[]): string {
  const named = entries.map((entry) =>
    entry.jointReporting ? `${entry.party.name} (${entry.jointReporting})` : entry.party.name,
  );
  return [...new Set(named)].join(', ');
}

/** Each voice of the contradictions once: related parties and a joint piece's co-authors are named as one voice. */
function voices(contradictions: DevelopmentStanding[], evidence: WeighedEvidence): string {
  const counted = new Set(eventIdsOf(contradictions));
  // A party's label is said with its name: "US government (denial by the subject)".
  const labels = new Map(contradictions.flatMap((entry) => (entry.label ? [[entry.party.id, entry.label]] : [])));
  const labelled = (party: ResolvedParty) =>
    labels.has(party.id) ? { ...party, name: `${party.name} (${labels.get(party.id)})` } : party;
  return evidence.contradictionVoices
    .map((voice) => ({ ...voice, eventIds: voice.eventIds.filter((eventId) => counted.has(eventId)) }))
    .filter((voice) => voice.eventIds.length > 0)
    .map((voice) => voiceInWords({ ...voice, parties: voice.parties.map(labelled) }))
    .join('; ');
}

/** "rated mostly false by Correctiv (fact-check)": what each rating means, never the fact-checker's own words. */
function ratedBy(factChecks: FactCheckStanding[]): string[] {
  const meanings = [...new Set(factChecks.map((factCheck) => factCheck.meaning))];
  return meanings.map((meaning) => {
    const checks = factChecks.filter((factCheck) => factCheck.meaning === meaning);
    return `rated ${meaning} by ${names(checks)} (fact-check)`;
  });
}

/** "Contradicted by US government; rated mostly false by Correctiv (fact-check)." */
function decidedBy(verb: string, parties: string, factChecks: FactCheckStanding[]) {
  const parts = [...(parties ? [`${verb} by ${parties}`] : []), ...ratedBy(factChecks)];
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
        summary: decidedBy('contradicted', voices(contradictions, evidence), ratedFalse),
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
        summary: decidedBy('supported independently', authors(independent), ratedTrue),
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
