import { Party } from '../party';
import { PartyRegistry, ResolvedParty, partyKey } from '../party/party-registry';
import { ClaimStatus } from './claim-status';
import { FactCheckEntry, RecordedClaim } from './claim.state';
import { readRating } from './fact-check-rating';

export interface StatusDecision {
  status: ClaimStatus;
  needsReview: boolean;
}

const NOT_UNDER_REVIEW = false;

/**
 * The same rule as `claimStatus` over `weighEvidence`, deciding only the status: it stops at the first
 * development that settles it and puts nothing into words, so the projection pays a few microseconds
 * for a claim whose explanation nobody reads (the explanation is built from the full rule on read).
 */
export function decideStatus(claim: RecordedClaim, registry: PartyRegistry): StatusDecision {
  const verdict = claim.verdicts.at(-1);
  if (verdict) return { status: verdict.verdict, needsReview: claim.developmentsSinceVerdict.length > 0 };
  if (claim.retraction) return { status: 'retracted', needsReview: NOT_UNDER_REVIEW };
  if (isDisputed(claim, registry)) return { status: 'disputed', needsReview: NOT_UNDER_REVIEW };
  if (isCorroborated(claim, registry)) return { status: 'corroborated', needsReview: NOT_UNDER_REVIEW };
  return { status: 'unverified', needsReview: NOT_UNDER_REVIEW };
}

/** No tie discounts a contradiction or a rating in the false part of the scale; a discredit does. */
function isDisputed(claim: RecordedClaim, registry: PartyRegistry): boolean {
  for (const contradiction of claim.contradictions) {
    if (!isDiscredited(contradiction.by, registry)) return true;
  }
  for (const factCheck of claim.factChecks) {
    if (ratedSide(claim, factCheck) === 'false' && !isDiscredited(factCheck.by, registry)) return true;
  }
  return false;
}

function isCorroborated(claim: RecordedClaim, registry: PartyRegistry): boolean {
  for (const support of claim.supports) {
    if (isIndependent(claim, support.by, support.occurredAt, registry)) return true;
  }
  for (const factCheck of claim.factChecks) {
    if (ratedSide(claim, factCheck) === 'true' && isIndependent(claim, factCheck.by, factCheck.publishedAt, registry)) {
      return true;
    }
  }
  return false;
}

/** Where a fact-check's rating falls, or nowhere when a later review at its address replaced it. */
function ratedSide(claim: RecordedClaim, factCheck: FactCheckEntry) {
  if (claim.factChecks.findLast((other) => other.url === factCheck.url) !== factCheck) return undefined;
  return readRating(factCheck.rating).side;
}

function isDiscredited(by: Party, registry: PartyRegistry): boolean {
  return registry.discredited(registry.resolve(by).id) !== undefined;
}

/** Counting evidence: tied neither to the claimant nor to the reporter at its date, and not discredited. */
function isIndependent(claim: RecordedClaim, by: Party, at: string, registry: PartyRegistry): boolean {
  const party = registry.resolve(by);
  const { claimant, reportedBy } = claim.content;
  if (isTied(party, claimant, at, registry)) return false;
  if (reportedBy && isTied(party, reportedBy, at, registry)) return false;
  return registry.discredited(party.id) === undefined;
}

function isTied(party: ResolvedParty, claimParty: Party, at: string, registry: PartyRegistry): boolean {
  const other = registry.resolve(claimParty);
  return partyKey(party) === partyKey(other) || registry.related(party.id, other.id, at);
}
