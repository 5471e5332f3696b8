import { Party } from '../party';
import { PartyRegistry, ResolvedParty, partyKey } from '../party/party-registry';
import { ClaimStatus } from './claim-status';
import { DecisionFacts } from './decision-facts';
import { readRating } from './fact-check-rating';
import { Stakeholder } from '../storyline/stakeholder';
import { hasStake } from './stakes';

export interface StatusDecision {
  status: ClaimStatus;
  needsReview: boolean;
}

/** Shared: the rule allocates nothing for a claim without a verdict. */
const RETRACTED: StatusDecision = Object.freeze({ status: 'retracted', needsReview: false });
const DISPUTED: StatusDecision = Object.freeze({ status: 'disputed', needsReview: false });
const CORROBORATED: StatusDecision = Object.freeze({ status: 'corroborated', needsReview: false });
const UNVERIFIED: StatusDecision = Object.freeze({ status: 'unverified', needsReview: false });

/**
 * The same rule as `claimStatus` over `weighEvidence`, deciding only the status: it stops at the first
 * development that settles it and puts nothing into words, so the projection pays a few microseconds
 * for a claim whose explanation nobody reads (the explanation is built from the full rule on read).
 */
export function decideStatus(
  claim: DecisionFacts,
  registry: PartyRegistry,
  stakeholders: readonly Stakeholder[] = [],
): StatusDecision {
  const verdict = claim.verdicts.at(-1);
  if (verdict) return { status: verdict.verdict, needsReview: claim.developmentsSinceVerdict.length > 0 };
  if (claim.retraction) return RETRACTED;
  if (isDisputed(claim, registry)) return DISPUTED;
  return isCorroborated(claim, registry, stakeholders) ? CORROBORATED : UNVERIFIED;
}

/** No tie discounts a contradiction or a rating in the false part of the scale; a discredit does. */
function isDisputed(claim: DecisionFacts, registry: PartyRegistry): boolean {
  for (const contradiction of claim.contradictions) {
    if (!isDiscredited(contradiction.by, registry)) return true;
  }
  for (const factCheck of claim.factChecks) {
    if (ratedSide(claim, factCheck) === 'false' && !isDiscredited(factCheck.by, registry)) return true;
  }
  return false;
}

function isCorroborated(claim: DecisionFacts, registry: PartyRegistry, stakeholders: readonly Stakeholder[]): boolean {
  const { claimant, reportedBy, with: coReporters = [] } = claim.content;
  const claimAuthors = [claimant, ...(reportedBy ? [reportedBy] : []), ...coReporters].map((party) =>
    registry.resolve(party),
  );
  const tiedToClaim = (party: ResolvedParty, at: string) =>
    claimAuthors.some((author) => isTied(party, author, at, registry));
  const independent = (by: Party, at: string, coAuthors?: readonly Party[]) => {
    const party = registry.resolve(by);
    if (tiedToClaim(party, at)) return false;
    if (coAuthors?.some((coAuthor) => tiedToClaim(registry.resolve(coAuthor), at))) return false;
    return registry.discredited(party.id) === undefined;
  };
  // A stake discounts a support; a fact-checker rates, it does not take sides.
  const staked = (by: Party, at: string) =>
    stakeholders.length > 0 && hasStake(registry.resolve(by), at, stakeholders, registry);
  for (const support of claim.supports) {
    if (independent(support.by, support.occurredAt, support.with) && !staked(support.by, support.occurredAt)) return true;
  }
  for (const factCheck of claim.factChecks) {
    if (ratedSide(claim, factCheck) === 'true' && independent(factCheck.by, factCheck.publishedAt)) return true;
  }
  return false;
}

/** Where a fact-check's rating falls, or nowhere when a later review at its address replaced it. */
function ratedSide(claim: DecisionFacts, factCheck: DecisionFacts['factChecks'][number]) {
  if (claim.factChecks.findLast((other) => other.url === factCheck.url) !== factCheck) return undefined;
  return readRating(factCheck.rating).side;
}

function isDiscredited(by: Party, registry: PartyRegistry): boolean {
  return registry.discredited(registry.resolve(by).id) !== undefined;
}

/** Counting evidence is tied neither to the claimant nor to the reporter at its date. */
function isTied(party: ResolvedParty, other: ResolvedParty, at: string, registry: PartyRegistry): boolean {
  return partyKey(party) === partyKey(other) || registry.related(party.id, other.id, at);
}
