import { Party } from '../party';
import { PartyRegistry, ResolvedParty } from '../party/party-registry';
import { ClaimStatus } from './claim-status';
import { VERDICTS } from './claim.events';
import { DecisionFacts } from './decision-facts';
import { ratingSide } from './fact-check-rating';
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

/** Who wrote the claim, as the registry resolves them: what counting evidence must not be tied to. */
interface ClaimAuthors {
  claimant: ResolvedParty;
  reporter: ResolvedParty | undefined;
  coReporters: readonly Party[] | undefined;
}

function isCorroborated(claim: DecisionFacts, registry: PartyRegistry, stakeholders: readonly Stakeholder[]): boolean {
  const { claimant, reportedBy, with: coReporters } = claim.content;
  const authors: ClaimAuthors = {
    claimant: registry.resolve(claimant),
    reporter: reportedBy && registry.resolve(reportedBy),
    coReporters,
  };
  for (const support of claim.supports) {
    if (!isIndependent(authors, support.by, support.occurredAt, support.with, registry)) continue;
    // A stake discounts a support; a fact-checker rates, it does not take sides.
    if (stakeholders.length === 0) return true;
    if (!hasStake(registry.resolve(support.by), support.occurredAt, stakeholders, registry)) return true;
  }
  for (const factCheck of claim.factChecks) {
    if (ratedSide(claim, factCheck) !== 'true') continue;
    if (isIndependent(authors, factCheck.by, factCheck.publishedAt, undefined, registry)) return true;
  }
  return false;
}

/**
 * Evidence that neither its party nor a co-author is tied to the claim's authors, from a party not
 * discredited. Plain loops, no list of parties built per claim: the rule runs for every claim a
 * registry event reaches.
 */
function isIndependent(
  authors: ClaimAuthors,
  by: Party,
  at: string,
  coAuthors: readonly Party[] | undefined,
  registry: PartyRegistry,
): boolean {
  const party = registry.resolve(by);
  if (isTiedToAuthors(authors, party, at, registry)) return false;
  if (coAuthors) {
    for (const coAuthor of coAuthors)
      if (isTiedToAuthors(authors, registry.resolve(coAuthor), at, registry)) return false;
  }
  return registry.discreditOf(party) === undefined;
}

function isTiedToAuthors(authors: ClaimAuthors, party: ResolvedParty, at: string, registry: PartyRegistry): boolean {
  if (registry.tied(party, authors.claimant, at)) return true;
  if (authors.reporter && registry.tied(party, authors.reporter, at)) return true;
  if (authors.coReporters) {
    for (const coReporter of authors.coReporters)
      if (registry.tied(party, registry.resolve(coReporter), at)) return true;
  }
  return false;
}

/** Where a fact-check's rating falls, or nowhere when a later review at its address replaced it. */
function ratedSide(claim: DecisionFacts, factCheck: DecisionFacts['factChecks'][number]) {
  const { factChecks } = claim;
  for (let index = factChecks.length - 1; index >= 0 && factChecks[index] !== factCheck; index--) {
    if (factChecks[index].url === factCheck.url) return undefined;
  }
  return ratingSide(factCheck.rating);
}

function isDiscredited(by: Party, registry: PartyRegistry): boolean {
  return registry.discreditOf(registry.resolve(by)) !== undefined;
}

/**
 * Whether `decideStatus` gives this status without reading the registry: a verdict's, or a
 * retraction's without a verdict (both are decided before any party is looked up), so a fold that
 * holds it comes out the same against every registry version.
 */
export function isDecidedWithoutTheRegistry(status: ClaimStatus): boolean {
  return status === 'retracted' || (VERDICTS as readonly string[]).includes(status);
}

/**
 * Whether `decideStatus` gives this status before it weighs a support, the only evidence a
 * storyline's stakeholders discount: a fold that holds it against a registry version comes out the
 * same with any stakeholders.
 */
export function isDecidedWithoutTheStakes(status: ClaimStatus): boolean {
  return status !== 'corroborated' && status !== 'unverified';
}
