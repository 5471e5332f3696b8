import { CLAIM_STATUSES, ClaimStatus } from '../claim/claim-status';

export const STORYLINE_STATUSES = ['disputed', 'developing', 'settled', 'empty'] as const;
export type StorylineStatus = (typeof STORYLINE_STATUSES)[number];

export type ClaimStatusCounts = Record<ClaimStatus, number>;

export function emptyCounts(): ClaimStatusCounts {
  return Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as ClaimStatusCounts;
}

/**
 * SPEC §3, first match wins: disputed → developing → settled → empty. A claim retracted without a
 * verdict keeps the story open: its claimant took it back, nobody has ruled on what happened.
 */
export function storylineStatus(counts: ClaimStatusCounts): StorylineStatus {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  if (total === 0) return 'empty';
  if (counts.disputed > 0) return 'disputed';
  if (counts.unverified > 0 || counts.corroborated > 0 || counts.retracted > 0) return 'developing';
  return 'settled';
}
