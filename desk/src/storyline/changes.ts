import { ClaimStatus, ClaimSummary, Storyline, StorylineStatus, TimelineEntry } from '../api/types';

export interface ClaimChange {
  from?: ClaimStatus;
  to?: ClaimStatus;
  /** Developments recorded after the moment shown. */
  laterDevelopments: TimelineEntry[];
}

export interface ChangesSince {
  headline?: { from: StorylineStatus; to: StorylineStatus };
  byClaim: Map<string, ClaimChange>;
  /** Claims recorded after the moment shown. */
  added: ClaimSummary[];
}

/** What moved between the storyline as it was known then and as it is known now. */
export function changesSince(then: Storyline, now: Storyline, laterEntries: TimelineEntry[]): ChangesSince {
  const thenClaims = new Map((then.claims ?? []).map((claim) => [claim.id, claim]));
  const byClaim = new Map<string, ClaimChange>();
  const change = (id: string) => {
    let entry = byClaim.get(id);
    if (!entry) byClaim.set(id, (entry = { laterDevelopments: [] }));
    return entry;
  };
  for (const claim of now.claims ?? []) {
    const before = thenClaims.get(claim.id);
    if (before && before.status !== claim.status)
      Object.assign(change(claim.id), { from: before.status, to: claim.status });
  }
  for (const entry of laterEntries) {
    if (entry.claimId && thenClaims.has(entry.claimId) && entry.type !== 'ClaimRecorded') {
      change(entry.claimId).laterDevelopments.push(entry);
    }
  }
  return {
    headline: then.status !== now.status ? { from: then.status, to: now.status } : undefined,
    byClaim,
    added: (now.claims ?? []).filter((claim) => !thenClaims.has(claim.id)),
  };
}
