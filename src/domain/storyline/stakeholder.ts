import { inEffectAt } from '../party/affiliation';

/**
 * A party with a stake in the storyline (a belligerent, the subject's own company), named by the
 * desk with the reason, dated like an affiliation: in effect from `from` (always, when absent) until
 * `to` (open, when absent).
 */
export interface Stakeholder {
  partyId: string;
  reason: string;
  from?: string;
  to?: string;
}

/** Whether the stake counts for evidence dated `at`. */
export const stakeInEffectAt = (stakeholder: Stakeholder, at: string): boolean =>
  inEffectAt(stakeholder, Date.parse(at));

export const sameStake = (a: Stakeholder, b: Stakeholder): boolean =>
  a.partyId === b.partyId && a.reason === b.reason && a.from === b.from && a.to === b.to;
