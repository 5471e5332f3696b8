import { PartyRegistry, ResolvedParty, emptyRegistry } from '../party/party-registry';
import { RegistryFact } from '../party/registry-records';
import { Stakeholder } from '../storyline/stakeholder';
import { FactCheckEntry, RecordedClaim } from './claim.state';
import { Party } from '../party';
import { PartyStanding, partyStandingOn, untiedStandingOf } from './evidence';
import { RatingMeaning, readRating } from './fact-check-rating';
import { jointReportingInWords } from './joint-reporting';
import { Piece, Voice, groupVoices } from './voices';
import { SUBJECT_DENIAL, isSubject, stakeOf } from './stakes';

/** Whether one support, contradiction or fact-check counts towards the status, and why not when it does not. */
export interface DevelopmentStanding {
  eventId: string;
  /** The party it came from, as the registry resolves the mention. */
  party: ResolvedParty;
  counts: boolean;
  reason?: string;
  /** The co-authors of its piece (`with`), as the registry resolves them; absent when it names none. */
  coAuthors?: ResolvedParty[];
  /** "joint reporting by NDR, WDR and Die Zeit", when it names co-authors. */
  jointReporting?: string;
  /** "denial by the subject": a contradiction by a party the claim is about, which still counts. */
  label?: string;
}

export interface SupportStanding extends DevelopmentStanding {
  independent: boolean;
  /** Why its party has a stake in the claim's storyline ("… has a stake in this story: …"): it is not independent. */
  stake?: string;
}

/** What an outside fact-check does to the status: it is evidence, never the desk's verdict. */
export type FactCheckEffect = 'contradiction' | 'support' | 'neither';

export interface FactCheckStanding extends DevelopmentStanding {
  effect: FactCheckEffect;
  /** What its rating means on its scale, in English; absent when it rates in words only. */
  meaning?: RatingMeaning;
  /** Why it counts as it does, in words. */
  reason: string;
}

/** Every development of a claim weighed against the party registry. */
export interface WeighedEvidence {
  claimant: ResolvedParty;
  reportedBy?: ResolvedParty;
  /** The reporter's co-authors of the piece that published the claim; absent when it names none. */
  coReporters?: ResolvedParty[];
  /** "joint reporting by …" of the claim's own piece. */
  jointReporting?: string;
  /** The parties the claim is about, resolved; absent when it names none. */
  about?: ResolvedParty[];
  supports: SupportStanding[];
  contradictions: DevelopmentStanding[];
  factChecks: FactCheckStanding[];
  /** The party the retraction's `by` resolves to, as the registry stands (the claimant or the reporter); absent without one. */
  retractedBy?: ResolvedParty;
  /** Counting supports (fact-checks rated true among them) from parties not related to each other, a joint piece once. */
  independentSources: number;
  /** Counting contradictions (fact-checks rated false among them) grouped the same way: related parties are one voice. */
  independentContradictions: number;
  /** The voices the counting contradictions and false ratings speak with, each with why its parties are one. */
  contradictionVoices: Voice[];
  /** The registry events the standings rest on, oldest first: the last is the latest that may have moved the status. */
  registryFacts: RegistryFact[];
}

/** Only the latest review published at an address stands; the fact-checker may have re-rated it since. */
function latestAtItsAddress(claim: RecordedClaim, factCheck: FactCheckEntry): boolean {
  return claim.factChecks.findLast((other) => other.url === factCheck.url) === factCheck;
}

/**
 * Rated in the false part of its scale, a fact-check counts as a contradiction; in the true part as
 * a support, from an independent party only; in between, or in words only, as neither. A discredited
 * fact-checker counts for neither side.
 */
function factCheckStanding(claim: RecordedClaim, factCheck: FactCheckEntry, standing: PartyStanding) {
  const { side, meaning, described } = readRating(factCheck.rating);
  const by = standing.party.name;
  const rated = `${by} rated it ${described}`;
  const base = { eventId: factCheck.eventId, party: standing.party, ...(meaning ? { meaning } : {}) };
  if (!latestAtItsAddress(claim, factCheck)) {
    return {
      ...base,
      effect: 'neither',
      counts: false,
      reason: `replaced by a later review at ${factCheck.url}`,
    } as const;
  }
  if (side === 'false' || side === 'true') {
    const effect = side === 'false' ? 'contradiction' : 'support';
    const against = side === 'false' ? standing.discredited : (standing.tie ?? standing.discredited);
    if (against) return { ...base, effect, counts: false, reason: `${rated}, but ${against}` } as const;
    return { ...base, effect, counts: true, reason: `${rated}: the ${side} part of its scale` } as const;
  }
  const where = side === 'middle' ? 'the middle of its scale' : 'no place on a true–false scale';
  return {
    ...base,
    effect: 'neither',
    counts: false,
    reason: `${rated}: ${where}, neither support nor contradiction`,
  } as const;
}

/** Each registered party the claim mentions, last changed by which event. */
function lastChanges(registry: PartyRegistry, parties: ResolvedParty[]): RegistryFact[] {
  return parties.flatMap((party) => {
    const record = party.registered ? registry.party(party.id) : undefined;
    return record ? [record.lastChangedBy] : [];
  });
}

function inLogOrder(facts: Iterable<RegistryFact>): RegistryFact[] {
  const byEvent = new Map<string, RegistryFact>();
  for (const fact of facts) byEvent.set(fact.eventId, fact);
  return [...byEvent.values()].sort((a, b) => a.position - b.position);
}

/**
 * SPEC §3's independence over the registry as it stands: a support counts when its party is related
 * neither to the claimant nor to the reporter at the support's date and is not discredited; a
 * contradiction counts unless its party is discredited. The empty registry compares mentions by id.
 */
export function weighEvidence(
  claim: RecordedClaim,
  registry: PartyRegistry = emptyRegistry,
  stakeholders: readonly Stakeholder[] = [],
): WeighedEvidence {
  const { claimant, reportedBy, with: coReporterMentions, about } = claim.content;
  const facts: RegistryFact[] = [];
  const standing = (by: Party, at?: string, coAuthors?: readonly Party[]) => {
    const found =
      at === undefined ? untiedStandingOf(by, registry) : partyStandingOn(claim, by, at, registry, coAuthors);
    facts.push(...found.decidedBy);
    return found;
  };
  const jointPiece = (party: ResolvedParty, coAuthors: readonly Party[] | undefined) => {
    if (!coAuthors || coAuthors.length === 0) return {};
    const resolved = coAuthors.map((coAuthor) => registry.resolve(coAuthor));
    for (const coAuthor of coAuthors) facts.push(...registry.resolution(coAuthor).decidedBy);
    return { coAuthors: resolved, jointReporting: jointReportingInWords([party, ...resolved]) };
  };
  const supports = claim.supports.map((support): SupportStanding => {
    const { party, tie, discredited } = standing(support.by, support.occurredAt, support.with);
    const stake = stakeOf(party, support.occurredAt, stakeholders, registry);
    if (stake) facts.push(...stake.decidedBy);
    const reason = [tie, stake?.reason, discredited].filter(Boolean).join('; ');
    return {
      eventId: support.eventId,
      party,
      independent: !tie && !stake,
      counts: !reason,
      ...(reason ? { reason } : {}),
      ...(stake ? { stake: stake.reason } : {}),
      ...jointPiece(party, support.with),
    };
  });
  const contradictions = claim.contradictions.map((contradiction): DevelopmentStanding => {
    // No tie discounts a contradiction: a denial from the claimant's own side still disputes.
    const { party, discredited } = standing(contradiction.by);
    return {
      eventId: contradiction.eventId,
      party,
      counts: !discredited,
      ...(discredited ? { reason: discredited } : {}),
      ...jointPiece(party, contradiction.with),
      ...(isSubject(party, about, registry) ? { label: SUBJECT_DENIAL } : {}),
    };
  });
  const factChecks = claim.factChecks.map((factCheck): FactCheckStanding =>
    factCheckStanding(claim, factCheck, standing(factCheck.by, factCheck.publishedAt)),
  );
  const claimantParty = registry.resolve(claimant);
  const reporterParty = reportedBy && registry.resolve(reportedBy);
  const claimPiece = jointPiece(reporterParty ?? claimantParty, coReporterMentions);
  const piecesOf = (
    developments: ReadonlyArray<DevelopmentStanding & { effect?: FactCheckStanding['effect'] }>,
    effect: FactCheckStanding['effect'],
  ): Piece[] => {
    const dates = new Map<string, string>();
    for (const entry of [...claim.supports, ...claim.contradictions]) dates.set(entry.eventId, entry.occurredAt);
    for (const entry of claim.factChecks) dates.set(entry.eventId, entry.publishedAt);
    return developments
      .filter((entry) => entry.counts && (entry.effect === undefined || entry.effect === effect))
      .map((entry) => ({
        eventId: entry.eventId,
        authors: [entry.party, ...(entry.coAuthors ?? [])],
        at: dates.get(entry.eventId) as string,
      }));
  };
  const sources = groupVoices(piecesOf([...supports, ...factChecks], 'support'), registry);
  const contradictionVoices = groupVoices(piecesOf([...contradictions, ...factChecks], 'contradiction'), registry);
  for (const mention of [claimant, ...(reportedBy ? [reportedBy] : []), ...(about ?? [])]) {
    facts.push(...registry.resolution(mention).decidedBy);
  }
  const mentioned = [claimantParty, ...(reporterParty ? [reporterParty] : []), ...(claimPiece.coAuthors ?? [])];
  for (const entry of [...supports, ...contradictions, ...factChecks]) {
    mentioned.push(entry.party, ...(entry.coAuthors ?? []));
  }
  return {
    claimant: claimantParty,
    ...(reporterParty ? { reportedBy: reporterParty } : {}),
    ...(claimPiece.coAuthors ? { coReporters: claimPiece.coAuthors, jointReporting: claimPiece.jointReporting } : {}),
    ...(about ? { about: about.map((subject) => registry.resolve(subject)) } : {}),
    supports,
    contradictions,
    factChecks,
    ...(claim.retraction ? { retractedBy: registry.resolve(claim.retraction.by) } : {}),
    independentSources: sources.length,
    independentContradictions: contradictionVoices.length,
    contradictionVoices,
    registryFacts: inLogOrder([...facts, ...lastChanges(registry, mentioned)]),
  };
}
