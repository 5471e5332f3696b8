/**
 * Claims that know each other, across storylines: `same_as` links two records of one claim,
 * `rival_of` two explanations of which at most one can hold. A relation is symmetric: each claim's
 * stream records its side, so each claim's fold (and its view at any past point) knows it.
 */
export const CLAIM_RELATIONS = ['same_as', 'rival_of'] as const;
export type ClaimRelation = (typeof CLAIM_RELATIONS)[number];

export interface ClaimRelated {
  type: 'ClaimRelated';
  data: { claimId: string; relatedClaimId: string; relation: ClaimRelation };
}

export interface ClaimUnrelated {
  type: 'ClaimUnrelated';
  data: { claimId: string; relatedClaimId: string };
}

export interface RelateClaim {
  type: 'RelateClaim';
  data: { relatedClaimId: string; relation: ClaimRelation };
}

export interface UnrelateClaim {
  type: 'UnrelateClaim';
  data: { relatedClaimId: string };
}

/** One side of a relation, as the claim's fold keeps it. */
export interface RelationEntry {
  eventId: string;
  claimId: string;
  relation: ClaimRelation;
}

/** The reason a confirmed rival gives a claim for review, in the explanation's words. */
export const RIVAL_CONFIRMED = 'a rival explanation was confirmed';
