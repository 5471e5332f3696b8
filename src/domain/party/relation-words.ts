import { AffiliationRelation } from './party.events';

/** How a relation reads in an explanation: of one party, and of two that share it. */
const PHRASES: Record<AffiliationRelation, { one: string; both: string }> = {
  member_of: { one: 'is a member of', both: 'are both members of' },
  employed_by: { one: 'is employed by', both: 'are both employed by' },
  part_of: { one: 'is part of', both: 'are both part of' },
  spokesperson_for: { one: 'is spokesperson for', both: 'are both spokespersons for' },
  owned_by: { one: 'is owned by', both: 'are both owned by' },
  affiliated_with: { one: 'is affiliated with', both: 'are both affiliated with' },
};

export interface WordedStep {
  partyId: string;
  relation: AffiliationRelation;
  withPartyId: string;
}

/** "Jane Roe is employed by Financial Times, which is owned by Nikkei". */
export function wayInWords(steps: readonly WordedStep[], nameOf: (partyId: string) => string): string {
  return steps
    .map((step, index) =>
      index === 0
        ? `${nameOf(step.partyId)} ${PHRASES[step.relation].one} ${nameOf(step.withPartyId)}`
        : `which ${PHRASES[step.relation].one} ${nameOf(step.withPartyId)}`,
    )
    .join(', ');
}

/** Two ways to a common party: "A and B are both employed by C", or each way on its own, joined by "; ". */
export function commonPartyInWords(
  [first, second]: readonly [readonly WordedStep[], readonly WordedStep[]],
  nameOf: (partyId: string) => string,
): string {
  if (first.length === 1 && second.length === 1 && first[0].relation === second[0].relation) {
    const [a, b] = [first[0], second[0]];
    return `${nameOf(a.partyId)} and ${nameOf(b.partyId)} ${PHRASES[a.relation].both} ${nameOf(a.withPartyId)}`;
  }
  return [first, second]
    .filter((way) => way.length > 0)
    .map((way) => wayInWords(way, nameOf))
    .join('; ');
}
