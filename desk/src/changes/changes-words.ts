import { DevelopmentCounts } from '../api/changes-types';

const KINDS: Array<[keyof DevelopmentCounts, string, string]> = [
  ['claimsRecorded', 'claim recorded', 'claims recorded'],
  ['supports', 'support', 'supports'],
  ['contradictions', 'contradiction', 'contradictions'],
  ['retractions', 'retraction', 'retractions'],
  ['corrections', 'correction', 'corrections'],
  ['verdicts', 'desk verdict', 'desk verdicts'],
  ['factChecks', 'outside fact-check', 'outside fact-checks'],
];

export const developmentTotal = (counts: DevelopmentCounts) =>
  KINDS.reduce((total, [field]) => total + (counts[field] ?? 0), 0);

/** "2 contradictions, 1 desk verdict": only the kinds that occurred. */
export function developmentsInWords(counts: DevelopmentCounts): string {
  const parts = KINDS.filter(([field]) => (counts[field] ?? 0) > 0).map(
    ([field, one, many]) => `${counts[field]} ${counts[field] === 1 ? one : many}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'no new developments';
}

const EVENT_WORDS: Record<string, string> = {
  ClaimRecorded: 'its recording',
  ClaimSupported: 'a support',
  ClaimContradicted: 'a contradiction',
  ClaimRetracted: 'a retraction',
  ClaimCorrected: 'a correction',
  ClaimVerdictIssued: 'a desk verdict',
  ClaimFactChecked: 'an outside fact-check',
};

/** The kind of event that decided a status, in words; registry events change statuses too. */
export function eventTypeInWords(type: string): string {
  if (EVENT_WORDS[type]) return EVENT_WORDS[type];
  if (type.startsWith('Party')) return `a party registry change (${type.replace(/^Party/, '').toLowerCase()})`;
  return type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** How much moved in a window, as the panel's one line counts it. */
export interface ChangeCounts {
  claimsMoved: number;
  needReview: number;
  claimsAdded: number;
  storylinesMoved: number;
  storylinesOpened: number;
  /** Storylines beyond the answer's first page, not told apart (the page lists those that moved first). */
  storylinesOther?: number;
  developments: number;
}

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "3 claims moved, 2 need review, 11 new claims, 1 storyline moved, 2 opened": only what happened. */
export function changeCountsInWords(counts: ChangeCounts): string | undefined {
  const parts = [
    counts.claimsMoved > 0 && counted(counts.claimsMoved, 'claim moved', 'claims moved'),
    counts.needReview > 0 && `${counts.needReview} ${counts.needReview === 1 ? 'needs' : 'need'} review`,
    counts.claimsAdded > 0 && counted(counts.claimsAdded, 'new claim', 'new claims'),
    counts.storylinesMoved > 0 && counted(counts.storylinesMoved, 'storyline moved', 'storylines moved'),
    counts.storylinesOpened > 0 && counted(counts.storylinesOpened, 'storyline opened', 'storylines opened'),
    (counts.storylinesOther ?? 0) > 0 &&
      counted(counts.storylinesOther ?? 0, 'more storyline opened or moved', 'more storylines opened or moved'),
    counts.developments > 0 && counted(counts.developments, 'new development', 'new developments'),
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '?');

/** A registry event in words, by the ids it names: "the registry: us-government discredited (…)". */
export function registryEventInWords(event: { type: string; data: Record<string, unknown> }): string {
  const { data } = event;
  const party = text(data.partyId);
  const what: Record<string, () => string> = {
    PartyRegistered: () => `${text(data.name)} registered`,
    PartyRevised: () => `${party} revised`,
    PartyAffiliated: () => `${party} affiliated with ${text(data.withPartyId)}`,
    PartyAffiliationEnded: () => `${party}’s affiliation with ${text(data.withPartyId)} ended`,
    PartyMerged: () => `${party} merged into ${text(data.intoPartyId)}`,
    PartyDiscredited: () => `${party} discredited${typeof data.reason === 'string' ? ` (${data.reason})` : ''}`,
    PartyReinstated: () => `${party} reinstated`,
  };
  return `the party registry: ${what[event.type]?.() ?? eventTypeInWords(event.type)}`;
}
