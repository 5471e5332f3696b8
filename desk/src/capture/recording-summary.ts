import { isDevelopment, Outcome, Proposal } from './proposals';

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "Recorded 3 claims and 1 development; 1 not recorded (marked below)." */
export function recordingSummary(proposals: Proposal[], outcomes: Map<number, Outcome>): string {
  const recorded = proposals.filter((proposal) => outcomes.get(proposal.index)?.state === 'recorded');
  const claims = recorded.filter((proposal) => !isDevelopment(proposal)).length;
  const developments = recorded.length - claims;
  const notRecorded = [...outcomes.values()].filter((outcome) => outcome.state !== 'recorded').length;
  const parts = [
    claims ? counted(claims, 'claim', 'claims') : '',
    developments ? counted(developments, 'development', 'developments') : '',
  ].filter(Boolean);
  const done = parts.length ? `Recorded ${parts.join(' and ')}.` : 'Nothing was recorded.';
  return notRecorded ? `${done} ${notRecorded} not recorded (marked below).` : done;
}
