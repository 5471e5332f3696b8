import { AffiliationRelation } from './party.events';

/** What an affiliation says: with whom, how, and from when to when (open ends where absent). */
export interface AffiliationTerms {
  withPartyId: string;
  relation: AffiliationRelation;
  from?: string;
  to?: string;
}

export interface AffiliationEnd {
  withPartyId: string;
  relation?: AffiliationRelation;
  to: string;
}

export const startOf = (terms: { from?: string }): number =>
  terms.from === undefined ? -Infinity : Date.parse(terms.from);

export const endOf = (terms: { to?: string }): number => (terms.to === undefined ? Infinity : Date.parse(terms.to));

/** In effect at `at` (epoch ms): from ≤ at < to. */
export function inEffectAt(terms: { from?: string; to?: string }, at: number): boolean {
  return startOf(terms) <= at && at < endOf(terms);
}

export function overlap(a: AffiliationTerms, b: AffiliationTerms): boolean {
  return startOf(a) < endOf(b) && startOf(b) < endOf(a);
}

export function sameTerms(a: AffiliationTerms, b: AffiliationTerms): boolean {
  return a.withPartyId === b.withPartyId && a.relation === b.relation && a.from === b.from && a.to === b.to;
}

/** Whether `end` ends this affiliation: the same party (and relation, when named), in effect at the end. */
export function isEndedBy(terms: AffiliationTerms, end: AffiliationEnd): boolean {
  return (
    terms.withPartyId === end.withPartyId &&
    (end.relation === undefined || end.relation === terms.relation) &&
    inEffectAt(terms, Date.parse(end.to))
  );
}
