import { Party } from '../party';
import { PartyRegistry, Relatedness, ResolvedParty, partyKey } from '../party/party-registry';
import { RegistryFact } from '../party/registry-records';
import { RecordedClaim } from './claim.state';

/** What the party registry makes of whoever a support, contradiction or fact-check came from. */
export interface PartyStanding {
  readonly party: ResolvedParty;
  /** How the party is tied to the claimant or the reporter, by the affiliations in effect at the evidence's date. */
  readonly tie?: string;
  readonly discredited?: string;
  /** The registry events the standing rests on. */
  readonly decidedBy: readonly RegistryFact[];
}

interface Tie {
  reason: string;
  decidedBy: RegistryFact[];
}

const pronounOf = (party: Pick<ResolvedParty, 'kind'>) => (party.kind === 'person' ? 'who' : 'which');

function resolutionFacts(registry: PartyRegistry, ...mentions: Party[]): RegistryFact[] {
  return mentions.flatMap((mention) => registry.resolution(mention).decidedBy);
}

/** "Volodymyr Zelensky made the claim (“Wolodymyr Selenskyj” is an alias of Volodymyr Zelensky)". */
function samePartyTie(registry: PartyRegistry, mentions: Party[], party: ResolvedParty, role: string): Tie {
  const how = new Set(
    mentions
      .filter((mention) => party.registered && mention.id !== party.id)
      .map((mention) => registry.resolution(mention).summary),
  );
  return {
    reason: `${party.name} ${role}${how.size > 0 ? ` (${[...how].join('; ')})` : ''}`,
    decidedBy: resolutionFacts(registry, ...mentions),
  };
}

/**
 * "Jane Roe is employed by Financial Times, which reported the claim" when the relation runs through
 * `to` itself; "A and B are both part of C; B reported the claim" when through a third party.
 */
export function relationInWords(relation: Relatedness, to: Pick<ResolvedParty, 'id' | 'name' | 'kind'>, role: string) {
  return relation.via === to.id
    ? `${relation.summary}, ${pronounOf(to)} ${role}`
    : `${relation.summary}; ${to.name} ${role}`;
}

function tieBetween(registry: PartyRegistry, evidence: Party, claimParty: Party, at: string, role: string) {
  const from = registry.resolve(evidence);
  const to = registry.resolve(claimParty);
  if (partyKey(from) === partyKey(to)) return samePartyTie(registry, [evidence, claimParty], from, role);
  const relation = registry.relation(from.id, to.id, at);
  if (!relation) return undefined;
  const reason = relationInWords(relation, to, role);
  return { reason, decidedBy: [...relation.decidedBy, ...resolutionFacts(registry, evidence, claimParty)] };
}

function tieToClaim(claim: RecordedClaim, evidence: Party, at: string, registry: PartyRegistry): Tie | undefined {
  const { claimant, reportedBy, with: coReporters = [] } = claim.content;
  const claimTies = [
    () => tieBetween(registry, evidence, claimant, at, 'made the claim'),
    () => (reportedBy ? tieBetween(registry, evidence, reportedBy, at, 'reported the claim') : undefined),
    ...coReporters.map((coReporter) => () => tieBetween(registry, evidence, coReporter, at, 'co-reported the claim')),
  ];
  for (const tie of claimTies) {
    const found = tie();
    if (found) return found;
  }
  return undefined;
}

/**
 * Independence (SPEC §3, as the party registry has it): whether the party the evidence came from, or
 * a co-author of its piece, is related to the claimant, the reporter or the reporter's co-authors at
 * `at`, and whether the registry discredits the party.
 */
export function partyStandingOn(
  claim: RecordedClaim,
  by: Party,
  at: string,
  registry: PartyRegistry,
  coAuthors: readonly Party[] = [],
): PartyStanding {
  let tie = tieToClaim(claim, by, at, registry);
  for (const coAuthor of coAuthors) {
    if (tie) break;
    const found = tieToClaim(claim, coAuthor, at, registry);
    if (found) tie = { ...found, reason: `written jointly with ${registry.resolve(coAuthor).name}: ${found.reason}` };
  }
  return standingWith(by, registry, tie);
}

/** Whom the evidence came from and whether the registry discredits it, for evidence no tie can discount (a contradiction). */
export function untiedStandingOf(by: Party, registry: PartyRegistry): PartyStanding {
  return standingWith(by, registry, undefined);
}

/** The standing with its tie, if any: the tie's facts include the resolution of the evidence's party. */
function standingWith(by: Party, registry: PartyRegistry, tie: Tie | undefined): PartyStanding {
  const resolution = registry.resolution(by);
  const discredit = registry.discredited(resolution.party.id);
  return {
    party: resolution.party,
    ...(tie ? { tie: tie.reason } : {}),
    ...(discredit ? { discredited: `${resolution.party.name} is discredited: ${discredit.reason}` } : {}),
    decidedBy: [...(tie?.decidedBy ?? resolution.decidedBy), ...(discredit ? [discredit.discreditedBy] : [])],
  };
}
