import { PARTY_KINDS, Party } from '../../../domain/party';
import { StatusDecision } from '../../../domain/claim/status-decision';
import { ClaimFacts, FactsVerdict } from './claim-facts';
import { unpackClaimV8 } from './packed-claim-v8';
import { PartyMention, Resolutions, mentionsResolvedAs, resolutionsOf } from './party-mentions';

/** What the projection holds of a claim between pages: its facts, its status, its rows of the mentions index. */
export interface DecidedClaim {
  facts: ClaimFacts;
  decision: StatusDecision;
  mentions: PartyMention[];
}

/** The first element of the packed array since claims read model 9; read model 8's starts with the storyline id. */
const FORM = 9;

/** A party of the claim's table: [id, name], and the kind's place in PARTY_KINDS unless a person. */
type TableParty = [string, string] | [string, string, number];
/** A party as the claim names it: its place in the claim's table. */
type PartyRef = number;
/** A co-author or subject list; 0 when the event had none (an empty list is kept as one). */
type PartyRefs = PartyRef[] | 0;
/**
 * How a mention resolved: 0 or 1 when to its own id (1: registered), the party id when to a
 * registered other, [party id] when to an unregistered other. Trailing zeros are left off.
 */
type PackedResolution = 0 | 1 | string | [string];

function partyTable() {
  const parties: TableParty[] = [];
  const places = new Map<string, PartyRef>();
  const ref = ({ id, name, kind }: Party): PartyRef => {
    const key = `${id}\u0000${name}\u0000${kind}`;
    let place = places.get(key);
    if (place === undefined) {
      place = parties.length;
      places.set(key, place);
      parties.push(kind === 'person' ? [id, name] : [id, name, PARTY_KINDS.indexOf(kind)]);
    }
    return place;
  };
  const refs = (list: readonly Party[] | undefined): PartyRefs => (list ? list.map(ref) : 0);
  return { parties, ref, refs };
}

function packedResolutions(resolutions: Resolutions): PackedResolution[] {
  const packed: PackedResolution[] = [];
  for (let index = 0; index < resolutions.length; index += 2) {
    const [partyId, registered] = [resolutions[index] as string | null, resolutions[index + 1] === 1];
    packed.push(partyId === null ? (registered ? 1 : 0) : registered ? partyId : [partyId]);
  }
  while (packed.at(-1) === 0) packed.pop();
  return packed;
}

/** Mentions past the end resolve to their own ids, unregistered, as `mentionsResolvedAs` reads what is missing. */
function unpackedResolutions(packed: PackedResolution[]): Resolutions {
  const resolutions: Resolutions = [];
  for (const entry of packed) {
    if (typeof entry === 'number') resolutions.push(null, entry);
    else if (typeof entry === 'string') resolutions.push(entry, 1);
    else resolutions.push(entry[0], 0);
  }
  return resolutions;
}

/**
 * A decided claim as one short JSON array: each distinct party once, in a table the claim's
 * mentions point into; positions after the recording as distances from it; the mentions as how
 * each resolved (the rest follows from the facts). The projection keeps every claim so in memory
 * and in its row (`facts`), so a restart reads them back without folding.
 */
export function packClaim({ facts, decision, mentions }: DecidedClaim): string {
  const { content, recordedPosition } = facts;
  const { parties, ref, refs } = partyTable();
  const after = (position: number) => position - recordedPosition;
  const packedContent = [
    content.kind,
    content.occurredAt,
    content.occurredAtPrecision ?? 0,
    ref(content.claimant),
    content.reportedBy ? ref(content.reportedBy) : -1,
    refs(content.with),
    refs(content.about),
  ];
  const supports = facts.supports.map(({ by, occurredAt, with: coAuthors }) =>
    coAuthors ? [ref(by), occurredAt, refs(coAuthors)] : [ref(by), occurredAt],
  );
  const contradictions = facts.contradictions.map(({ by, with: coAuthors }) =>
    coAuthors ? [ref(by), refs(coAuthors)] : [ref(by)],
  );
  const factChecks = facts.factChecks.map(({ by, url, rating, publishedAt }) => [ref(by), url, rating, publishedAt]);
  const resolutions = resolutionsOf(facts, mentions);
  return JSON.stringify([
    FORM,
    facts.storylineId,
    recordedPosition,
    after(facts.position),
    parties,
    packedContent,
    supports,
    contradictions,
    factChecks,
    facts.verdicts.map(({ verdict, position, recordedAt, reviewUrl }) =>
      reviewUrl === undefined
        ? [verdict, after(position), recordedAt]
        : [verdict, after(position), recordedAt, reviewUrl],
    ),
    facts.developmentsSinceVerdict.map(after),
    facts.retraction?.kind ?? 0,
    facts.relations.map(({ claimId, relation }) => [claimId, relation]),
    decision.status,
    decision.needsReview ? 1 : 0,
    // Rows that do not follow from the facts (written by an older rule) are kept whole.
    resolutions ? packedResolutions(resolutions) : { rows: mentions },
  ]);
}

type Packed = [
  typeof FORM,
  string,
  number,
  number,
  TableParty[],
  [
    ClaimFacts['content']['kind'],
    string,
    ClaimFacts['content']['occurredAtPrecision'] | 0,
    PartyRef,
    PartyRef | -1,
    PartyRefs,
    PartyRefs,
  ],
  Array<[PartyRef, string, PartyRefs?]>,
  Array<[PartyRef, PartyRefs?]>,
  Array<[PartyRef, string, ClaimFacts['factChecks'][number]['rating'], string]>,
  Array<[FactsVerdict['verdict'], number, string, string?]>,
  number[],
  NonNullable<ClaimFacts['retraction']>['kind'] | 0,
  Array<[string, ClaimFacts['relations'][number]['relation']]>,
  StatusDecision['status'],
  0 | 1,
  PackedResolution[] | { rows: PartyMention[] },
];

const optional = <K extends string, V>(key: K, value: V | undefined | 0) =>
  (value === undefined || value === 0 ? {} : { [key]: value }) as { [P in K]?: V };

/** A packed claim back as it was packed; reads claims read model 8's form too. */
export function unpackClaim(claimId: string, packed: string): DecidedClaim {
  const parsed = JSON.parse(packed) as Packed | [string];
  if (parsed[0] !== FORM) return unpackClaimV8(claimId, packed);
  const [
    ,
    storylineId,
    recordedPosition,
    position,
    table,
    [kind, occurredAt, precision, claimant, reportedBy, coReporters, about],
    supports,
    contradictions,
    factChecks,
    verdicts,
    developmentsSinceVerdict,
    retraction,
    relations,
    status,
    needsReview,
    mentions,
  ] = parsed as Packed;
  const parties = table.map(([id, name, kind]): Party => ({ id, name, kind: PARTY_KINDS[kind ?? 0] }));
  const refs = (list: PartyRefs | undefined) =>
    list === undefined || list === 0 ? undefined : list.map((ref) => parties[ref]);
  const at = (distance: number) => recordedPosition + distance;
  const facts: ClaimFacts = {
    claimId,
    storylineId,
    recordedPosition,
    position: at(position),
    content: {
      kind,
      claimant: parties[claimant],
      ...optional('reportedBy', reportedBy === -1 ? undefined : parties[reportedBy]),
      ...optional('with', refs(coReporters)),
      ...optional('about', refs(about)),
      occurredAt,
      ...optional('occurredAtPrecision', precision),
    },
    supports: supports.map(([by, occurredAt, coAuthors]) => ({
      by: parties[by],
      occurredAt,
      ...optional('with', refs(coAuthors)),
    })),
    contradictions: contradictions.map(([by, coAuthors]) => ({
      by: parties[by],
      ...optional('with', refs(coAuthors)),
    })),
    factChecks: factChecks.map(([by, url, rating, publishedAt]) => ({ by: parties[by], url, rating, publishedAt })),
    verdicts: verdicts.map(([verdict, distance, recordedAt, reviewUrl]) => ({
      verdict,
      position: at(distance),
      recordedAt,
      ...optional('reviewUrl', reviewUrl),
    })),
    developmentsSinceVerdict: developmentsSinceVerdict.map(at),
    ...optional('retraction', retraction === 0 ? undefined : { kind: retraction }),
    relations: relations.map(([id, relation]) => ({ claimId: id, relation })),
  };
  return {
    facts,
    decision: { status, needsReview: needsReview === 1 },
    mentions: Array.isArray(mentions) ? mentionsResolvedAs(facts, unpackedResolutions(mentions)) : mentions.rows,
  };
}
