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
