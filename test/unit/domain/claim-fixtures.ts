import {
  ClaimContent,
  ClaimContentChanges,
  ClaimContradicted,
  ClaimCorrected,
  ClaimFactChecked,
  FactCheckRating,
  ClaimRecorded,
  ClaimRetracted,
  ClaimSupported,
  ClaimVerdictIssued,
  ContradictionKind,
  SupportKind,
  Verdict,
} from '../../../src/domain/claim/claim.events';
import { Identified } from '../../../src/domain/identified';
import { Party } from '../../../src/domain/party';

/** The FT report of the seed article: anonymous sources, published by the FT, denied by the US government. */
export const CLAIM_ID = 'ft-donbas-condition';
export const STORYLINE_ID = 'us-ukraine-security-guarantees';
export const DEVELOPMENT_TIME = '2026-01-27T12:00:00+01:00';

export const familiarSources: Party = {
  id: 'eight-people-familiar-with-the-talks',
  name: 'Acht mit den Gesprächen vertraute Personen',
  kind: 'anonymous',
};
export const financialTimes: Party = { id: 'financial-times', name: 'Financial Times', kind: 'media' };
export const usGovernment: Party = { id: 'us-government', name: 'US-Regierung', kind: 'government' };
export const reuters: Party = { id: 'reuters', name: 'Reuters', kind: 'media' };
export const kyivIndependent: Party = { id: 'kyiv-independent', name: 'The Kyiv Independent', kind: 'media' };

export const ftReport: ClaimContent = {
  statement: 'Die USA machen Sicherheitsgarantien von der Abtretung des Donbass abhängig.',
  language: 'de',
  kind: 'factual',
  claimant: familiarSources,
  reportedBy: financialTimes,
  attribution: 'anonymous',
  anonymousSourceCount: 8,
  occurredAt: '2026-01-27T08:00:00+01:00',
  tags: ['donbas'],
};

export const recorded = (eventId: string, content: Partial<ClaimContent> = {}): Identified<ClaimRecorded> => ({
  eventId,
  type: 'ClaimRecorded',
  data: { claimId: CLAIM_ID, storylineId: STORYLINE_ID, ...ftReport, ...content },
});

export const supported = (
  eventId: string,
  by: Party,
  kind: SupportKind = 'corroboration',
): Identified<ClaimSupported> => ({
  eventId,
  type: 'ClaimSupported',
  data: { claimId: CLAIM_ID, by, kind, occurredAt: DEVELOPMENT_TIME },
});

export const contradicted = (
  eventId: string,
  by: Party,
  kind: ContradictionKind = 'denial',
): Identified<ClaimContradicted> => ({
  eventId,
  type: 'ClaimContradicted',
  data: { claimId: CLAIM_ID, by, kind, occurredAt: DEVELOPMENT_TIME },
});

export const retracted = (eventId: string, by: Party): Identified<ClaimRetracted> => ({
  eventId,
  type: 'ClaimRetracted',
  data: { claimId: CLAIM_ID, by, occurredAt: DEVELOPMENT_TIME },
});

export const corrected = (eventId: string, changes: ClaimContentChanges): Identified<ClaimCorrected> => ({
  eventId,
  type: 'ClaimCorrected',
  data: { claimId: CLAIM_ID, changes, reason: 'data-entry mistake', occurredAt: DEVELOPMENT_TIME },
});

export const verdictIssued = (eventId: string, verdict: Verdict): Identified<ClaimVerdictIssued> => ({
  eventId,
  type: 'ClaimVerdictIssued',
  data: { claimId: CLAIM_ID, verdict, rationale: 'checked by the desk', occurredAt: DEVELOPMENT_TIME },
});

export const correctiv: Party = { id: 'correctiv', name: 'Correctiv', kind: 'organization' };

export const factChecked = (
  eventId: string,
  by: Party,
  rating: FactCheckRating,
  url = `https://factcheck.example.net/${eventId}`,
): Identified<ClaimFactChecked> => ({
  eventId,
  type: 'ClaimFactChecked',
  data: { claimId: CLAIM_ID, by, rating, url, publishedAt: DEVELOPMENT_TIME },
});
