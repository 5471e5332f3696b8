import { Party } from '../party';
import { PartyRegistry, ResolvedParty, partyKey } from '../party/party-registry';
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

const pronounOf = (party: ResolvedParty) => (party.kind === 'person' ? 'who' : 'which');

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

function tieBetween(registry: PartyRegistry, evidence: Party, claimParty: Party, at: string, role: string) {
  const from = registry.resolve(evidence);
  const to = registry.resolve(claimParty);
  if (partyKey(from) === partyKey(to)) return samePartyTie(registry, [evidence, claimParty], from, role);
  const relation = registry.relation(from.id, to.id, at);
  if (!relation) return undefined;
  const reason =
    relation.via === to.id
      ? `${relation.summary}, ${pronounOf(to)} ${role}`
      : `${relation.summary}; ${to.name} ${role}`;
  return { reason, decidedBy: [...relation.decidedBy, ...resolutionFacts(registry, evidence, claimParty)] };
}

function tieToClaim(claim: RecordedClaim, evidence: Party, at: string, registry: PartyRegistry): Tie | undefined {
  const { claimant, reportedBy } = claim.content;
  return (
    tieBetween(registry, evidence, claimant, at, 'made the claim') ??
    (reportedBy ? tieBetween(registry, evidence, reportedBy, at, 'reported the claim') : undefined)
  );
}

/**
 * Independence (SPEC §3, as the party registry has it): whether the party the evidence came from is
 * related to the claimant or the reporter at `at`, and whether the registry discredits it.
 */
export function partyStandingOn(claim: RecordedClaim, by: Party, at: string, registry: PartyRegistry): PartyStanding {
  return standingWith(by, registry, tieToClaim(claim, by, at, registry));
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

/**
 * How many independent sources the counting evidence comes from: parties related to each other (at
 * either one's date) are one source, as a correspondent and the outlet employing her are.
 */
export function countSources(evidence: ReadonlyArray<{ party: ResolvedParty; at: string }>, registry: PartyRegistry) {
  const datesOf = new Map<string, string[]>();
  for (const { party, at } of evidence) datesOf.set(partyKey(party), [...(datesOf.get(partyKey(party)) ?? []), at]);
  const parties = [...datesOf.keys()];
  const sourceOf = parties.map((_, index) => index);
  const root = (index: number): number =>
    sourceOf[index] === index ? index : (sourceOf[index] = root(sourceOf[index]));
  for (let a = 0; a < parties.length; a += 1) {
    for (let b = a + 1; b < parties.length; b += 1) {
      const dates = [...(datesOf.get(parties[a]) ?? []), ...(datesOf.get(parties[b]) ?? [])];
      if (dates.some((at) => registry.related(parties[a], parties[b], at))) sourceOf[root(b)] = root(a);
    }
  }
  return new Set(parties.map((_, index) => root(index))).size;
}
