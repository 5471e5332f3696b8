import { GivenEvent } from './projection-spec';

/** Builders for the events of the seed's FT report, so each spec states only what matters to it. */
export const STORYLINE = 'us-ukraine-security-guarantees';

export const ft = { id: 'financial-times', name: 'Financial Times', kind: 'media' };
export const sources = { id: 'people-familiar', name: 'Eight people familiar with the talks', kind: 'anonymous' };
export const usGovernment = { id: 'us-government', name: 'US government', kind: 'government' };
export const reuters = { id: 'reuters', name: 'Reuters', kind: 'media' };
export const zelensky = { id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', kind: 'person' };

export const storylineOpened = (storylineId = STORYLINE, title = 'US–Ukraine security guarantees'): GivenEvent => ({
  type: 'StorylineOpened',
  data: { storylineId, title, summary: '', tags: ['ukraine'] },
});

export const claimRecorded = (claimId: string, overrides: Record<string, unknown> = {}): GivenEvent => ({
  type: 'ClaimRecorded',
  data: {
    claimId,
    storylineId: STORYLINE,
    statement: `Statement of ${claimId}`,
    language: 'en',
    claimant: sources,
    reportedBy: ft,
    attribution: 'anonymous',
    anonymousSourceCount: 8,
    occurredAt: '2026-01-27T08:00:00+01:00',
    tags: [],
    ...overrides,
  },
});

const development =
  (type: string) =>
  (claimId: string, by: object, fields: Record<string, unknown> = {}) => ({
    type,
    data: { claimId, by, occurredAt: '2026-01-27T18:00:00+01:00', ...fields },
  });

export const supported = (claimId: string, by: object, fields: Record<string, unknown> = {}) =>
  development('ClaimSupported')(claimId, by, { kind: 'corroboration', ...fields });
export const contradicted = (claimId: string, by: object, fields: Record<string, unknown> = {}) =>
  development('ClaimContradicted')(claimId, by, { kind: 'denial', ...fields });
export const retracted = development('ClaimRetracted');

export const corrected = (claimId: string, changes: Record<string, unknown>, occurredAt = '2026-01-28T09:00:00Z') => ({
  type: 'ClaimCorrected',
  data: { claimId, changes, reason: 'Transcript mistake', occurredAt },
});

export const verdictIssued = (claimId: string, verdict: string, occurredAt = '2026-01-29T09:00:00Z') => ({
  type: 'ClaimVerdictIssued',
  data: { claimId, verdict, rationale: 'Desk review', occurredAt },
});

export const correctiv = { id: 'correctiv', name: 'Correctiv', kind: 'organization' };

export const factChecked = (
  claimId: string,
  by: object,
  rating: Record<string, unknown>,
  url = `https://factcheck.example.net/${claimId}`,
) => ({
  type: 'ClaimFactChecked',
  data: { claimId, by, rating, url, publishedAt: '2026-01-28T10:00:00Z' },
});

export const publishedVerdict = (claimId: string, verdict: string, reviewUrl?: string, recordedAt?: string) => ({
  ...verdictIssued(claimId, verdict),
  data: { ...verdictIssued(claimId, verdict).data, ...(reviewUrl ? { reviewUrl } : {}) },
  ...(recordedAt ? { recordedAt } : {}),
});

/** The registry's events, as the party commands would have written them. */
export const partyRegistered = (
  { id, name, kind }: { id: string; name: string; kind: string },
  aliases: string[] = [],
): GivenEvent => ({ type: 'PartyRegistered', data: { partyId: id, name, kind, aliases } });

export const partyRevised = (partyId: string, changes: Record<string, unknown>): GivenEvent => ({
  type: 'PartyRevised',
  data: { partyId, ...changes },
});

export const partyAffiliated = (
  partyId: string,
  relation: string,
  withPartyId: string,
  period: { from?: string; to?: string } = {},
): GivenEvent => ({ type: 'PartyAffiliated', data: { partyId, withPartyId, relation, ...period } });

export const affiliationEnded = (partyId: string, withPartyId: string, to: string): GivenEvent => ({
  type: 'PartyAffiliationEnded',
  data: { partyId, withPartyId, to },
});

export const partyMerged = (partyId: string, intoPartyId: string): GivenEvent => ({
  type: 'PartyMerged',
  data: { partyId, intoPartyId },
});

export const partyDiscredited = (partyId: string, reason = 'Fabricated quotes'): GivenEvent => ({
  type: 'PartyDiscredited',
  data: { partyId, reason },
});

export const partyReinstated = (partyId: string, reason = 'The quotes were verified after all'): GivenEvent => ({
  type: 'PartyReinstated',
  data: { partyId, reason },
});

export const janeRoe = { id: 'jane-roe', name: 'Jane Roe', kind: 'person' };

/** One claim's side of a relation; a command appends both sides, one after the other. */
export const related = (claimId: string, relatedClaimId: string, relation: 'same_as' | 'rival_of'): GivenEvent => ({
  type: 'ClaimRelated',
  data: { claimId, relatedClaimId, relation },
});

export const unrelated = (claimId: string, relatedClaimId: string): GivenEvent => ({
  type: 'ClaimUnrelated',
  data: { claimId, relatedClaimId },
});

/** Both sides of a relation, as the command appends them. */
export const relatedBothWays = (a: string, b: string, relation: 'same_as' | 'rival_of'): GivenEvent[] => [
  related(a, b, relation),
  related(b, a, relation),
];

export const stakeholderNamed = (
  storylineId: string,
  partyId: string,
  reason: string,
  dates: { from?: string; to?: string } = {},
): GivenEvent => ({ type: 'StorylineStakeholderNamed', data: { storylineId, partyId, reason, ...dates } });
export const stakeholderRemoved = (storylineId: string, partyId: string): GivenEvent => ({
  type: 'StorylineStakeholderRemoved',
  data: { storylineId, partyId },
});
