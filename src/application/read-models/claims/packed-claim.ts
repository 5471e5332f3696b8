import { PARTY_KINDS, Party } from '../../../domain/party';
import { StatusDecision } from '../../../domain/claim/status-decision';
import { ClaimFacts, FactsVerdict } from './claim-facts';
import { PartyMention, Resolutions, mentionsResolvedAs, resolutionsOf } from './party-mentions';
import { PartyNumbers, PartyTable } from './party-table';

/** What the projection holds of a claim between pages: its facts, its status, its rows of the mentions index. */
export interface DecidedClaim {
  facts: ClaimFacts;
  decision: StatusDecision;
  mentions: PartyMention[];
}

/**
 * The first element of the packed array: the form it is in. Form 10 names parties by their number
 * in the generation's party table (claims read model 10); form 9 keeps a table of the claim's own,
 * as a generation of claims read model 9 still holds them.
 */
const SHARED_PARTIES = 10;
const OWN_PARTIES = 9;
/** Where the packed array holds the status, followed by the need of review: past form 9's own table, one later. */
const decisionAt = (packed: string): number => (packed.startsWith(`[${OWN_PARTIES},`) ? 9 : 8);

/** A party of a claim's own table (form 9): [id, name], and its kind's place in PARTY_KINDS unless a person. */
type TableParty = [string, string] | [string, string, number];
/** A party as the claim names it: its number in the party table. */
type PartyRef = number;
/** A co-author or subject list; 0 when the event had none (an empty list is kept as one). */
type PartyRefs = PartyRef[] | 0;
/**
 * How a mention resolved: 0 or 1 when to its own id (1: registered), the party id when to a
 * registered other, [party id] when to an unregistered other. Trailing zeros are left off.
 */
type PackedResolution = 0 | 1 | string | [string];

/** A table of the claim's own parties (form 9), each distinct party once. */
function ownPartyTable() {
  const parties: TableParty[] = [];
  const places = new Map<string, PartyRef>();
  const ref = (party: Party): PartyRef => {
    const key = `${party.id}\u0000${party.name}\u0000${party.kind}`;
    let place = places.get(key);
    if (place === undefined) {
      place = parties.length;
      places.set(key, place);
      parties.push(
        party.kind === 'person' ? [party.id, party.name] : [party.id, party.name, PARTY_KINDS.indexOf(party.kind)],
      );
    }
    return place;
  };
  return { parties, ref };
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

/** A time as whole minutes since 1970 when that gives the same string back; else the string as recorded. */
const packedTime = (time: string): string | number => {
  const millis = Date.parse(time);
  return millis % 60_000 === 0 && new Date(millis).toISOString() === time ? millis / 60_000 : time;
};
const unpackedTime = (time: string | number) =>
  typeof time === 'number' ? new Date(time * 60_000).toISOString() : time;

type Rating = ClaimFacts['factChecks'][number]['rating'];
const RATING_ORDER = ['value', 'best', 'worst', 'text'];
/** A rating as [text, value, best, worst] (null where absent) when that gives the same object back, keys in order. */
type PackedRating = Rating | [string, ...Array<number | null>];

function packedRating(rating: Rating): PackedRating {
  const keys = Object.keys(rating);
  const inOrder = keys.every(
    (key, index) => RATING_ORDER.indexOf(key) > (index === 0 ? -1 : RATING_ORDER.indexOf(keys[index - 1])),
  );
  const numbers = [rating.value, rating.best, rating.worst];
  if (!inOrder || typeof rating.text !== 'string' || numbers.some((n) => n !== undefined && typeof n !== 'number'))
    return rating;
  return [rating.text, ...numbers.map((n) => n ?? null)];
}

function unpackedRating(packed: PackedRating): Rating {
  if (!Array.isArray(packed)) return packed;
  const [text, ...numbers] = packed;
  const rating: Record<string, unknown> = {};
  numbers.forEach((number, index) => {
    if (number !== null) rating[RATING_ORDER[index]] = number;
  });
  return { ...rating, text } as Rating;
}

/** The list without its trailing empties (0 or []) past the first `kept` items: unpacking reads them back as absent. */
function trimmed<T>(list: T[], kept: number): T[] {
  let end = list.length;
  const empty = (item: unknown) => item === 0 || (Array.isArray(item) && item.length === 0);
  while (end > kept && empty(list[end - 1])) end -= 1;
  return list.slice(0, end);
}

/**
 * A decided claim as one short JSON array: its parties by their numbers in `parties` (the
 * generation's party table; without one, in a table of the claim's own, form 9); positions after
 * the recording as distances from it; the mentions as how each resolved (the rest follows from the
 * facts). The projection keeps every claim so in memory and in its row (`facts`), so a restart reads
 * them back without folding.
 */
export function packClaim({ facts, decision, mentions }: DecidedClaim, parties?: PartyTable): string {
  const { content, recordedPosition } = facts;
  const own = parties ? undefined : ownPartyTable();
  const ref = own ? own.ref : (party: Party) => (parties as PartyTable).numberOf(party);
  const refs = (list: readonly Party[] | undefined): PartyRefs => (list ? list.map(ref) : 0);
  const after = (position: number) => position - recordedPosition;
  const packedContent = trimmed(
    [
      content.kind === 'factual' ? 0 : content.kind,
      packedTime(content.occurredAt),
      content.occurredAtPrecision ?? 0,
      ref(content.claimant),
      content.reportedBy ? ref(content.reportedBy) : -1,
      refs(content.with),
      refs(content.about),
    ],
    5,
  );
  const supports = facts.supports.map(({ by, occurredAt, with: coAuthors }) =>
    coAuthors ? [ref(by), packedTime(occurredAt), refs(coAuthors)] : [ref(by), packedTime(occurredAt)],
  );
  const contradictions = facts.contradictions.map(({ by, with: coAuthors }) =>
    coAuthors ? [ref(by), refs(coAuthors)] : [ref(by)],
  );
  const factChecks = facts.factChecks.map(({ by, url, rating, publishedAt }) => [
    ref(by),
    url,
    packedRating(rating),
    packedTime(publishedAt),
  ]);
  const resolutions = resolutionsOf(facts, mentions);
  const head: unknown[] = [
    own ? OWN_PARTIES : SHARED_PARTIES,
    facts.storylineId,
    recordedPosition,
    after(facts.position),
  ];
  if (own) head.push(own.parties);
  const packed: unknown[] = [
    ...head,
    packedContent,
    supports,
    contradictions,
    factChecks,
    decision.status,
    // What most claims leave empty comes last, so that it can be left off.
    decision.needsReview ? 1 : 0,
    // Rows that do not follow from the facts (written by an older rule) are kept whole.
    resolutions ? packedResolutions(resolutions) : { rows: mentions },
    facts.verdicts.map(({ verdict, position, recordedAt, reviewUrl }) => {
      const packedVerdict = [verdict, after(position), packedTime(recordedAt)];
      return reviewUrl === undefined ? packedVerdict : [...packedVerdict, reviewUrl];
    }),
    facts.developmentsSinceVerdict.map(after),
    facts.retraction?.kind ?? 0,
    facts.relations.map(({ claimId, relation }) => [claimId, relation]),
  ];
  // The status and all before it are always there.
  return JSON.stringify(trimmed(packed, head.length + 5));
}

type PackedTime = string | number;

/** The packed array after its form, storyline, recording and distance to the latest event (and form 9's table); what is left off at its end reads as empty. */
type PackedRest = [
  [
    ClaimFacts['content']['kind'] | 0,
    PackedTime,
    ClaimFacts['content']['occurredAtPrecision'] | 0,
    PartyRef,
    PartyRef | -1,
    PartyRefs?,
    PartyRefs?,
  ],
  Array<[PartyRef, PackedTime, PartyRefs?]>,
  Array<[PartyRef, PartyRefs?]>,
  Array<[PartyRef, string, PackedRating, PackedTime]>,
  StatusDecision['status'],
  (0 | 1)?,
  (PackedResolution[] | { rows: PartyMention[] })?,
  Array<[FactsVerdict['verdict'], number, PackedTime, string?]>?,
  number[]?,
  (NonNullable<ClaimFacts['retraction']>['kind'] | 0)?,
  Array<[string, ClaimFacts['relations'][number]['relation']]>?,
];

const optional = <K extends string, V>(key: K, value: V | undefined | 0) =>
  (value === undefined || value === 0 ? {} : { [key]: value }) as { [P in K]?: V };

type Packed =
  | [typeof SHARED_PARTIES, string, number, number, ...PackedRest]
  | [typeof OWN_PARTIES, string, number, number, TableParty[], ...PackedRest];

/** A packed claim back as it was packed: of form 10 with the party table it was packed with. */
export function unpackClaim(claimId: string, packed: string, parties?: PartyNumbers): DecidedClaim {
  const parsed = JSON.parse(packed) as Packed;
  const facts = factsOf(claimId, parsed, parties);
  const [, , , , status, needsReview = 0, mentions = []] = restOf(parsed);
  let rows: PartyMention[] | undefined;
  return {
    facts,
    decision: { status, needsReview: needsReview === 1 },
    // Built when first read: a registry event that leaves every mention resolving as before never reads them.
    get mentions() {
      rows ??= Array.isArray(mentions) ? mentionsResolvedAs(facts, unpackedResolutions(mentions)) : mentions.rows;
      return rows;
    },
  };
}

/** Only the facts of a packed claim: for a reader that decides its status, without its mentions. */
export const unpackClaimFacts = (claimId: string, packed: string, parties?: PartyNumbers): ClaimFacts =>
  factsOf(claimId, JSON.parse(packed) as Packed, parties);

/** The packed array past its form, storyline, recording, distance and form 9's own table. */
const restOf = (parsed: Packed): PackedRest => parsed.slice(parsed[0] === OWN_PARTIES ? 5 : 4) as PackedRest;

function factsOf(claimId: string, parsed: Packed, parties?: PartyNumbers): ClaimFacts {
  const [form, storylineId, recordedPosition, position] = parsed;
  const own =
    form === OWN_PARTIES
      ? (parsed[4] as TableParty[]).map(([id, name, kind]): Party => ({ id, name, kind: PARTY_KINDS[kind ?? 0] }))
      : undefined;
  if (!own && !parties) throw new Error(`claim ${claimId} is packed with a party table, and none was given`);
  const party = own ? (ref: PartyRef) => own[ref] : (ref: PartyRef) => (parties as PartyNumbers).party(ref);
  const [
    [kind, occurredAt, precision, claimant, reportedBy, coReporters, about],
    supports,
    contradictions,
    factChecks,
    ,
    ,
    ,
    verdicts = [],
    developmentsSinceVerdict = [],
    retraction = 0,
    relations = [],
  ] = restOf(parsed);
  const refs = (list: PartyRefs | undefined) => (list === undefined || list === 0 ? undefined : list.map(party));
  const at = (distance: number) => recordedPosition + distance;
  return {
    claimId,
    storylineId,
    recordedPosition,
    position: at(position),
    content: {
      kind: kind === 0 ? 'factual' : kind,
      claimant: party(claimant),
      ...optional('reportedBy', reportedBy === -1 ? undefined : party(reportedBy)),
      ...optional('with', refs(coReporters)),
      ...optional('about', refs(about)),
      occurredAt: unpackedTime(occurredAt),
      ...optional('occurredAtPrecision', precision),
    },
    supports: supports.map(([by, occurredAt, coAuthors]) => ({
      by: party(by),
      occurredAt: unpackedTime(occurredAt),
      ...optional('with', refs(coAuthors)),
    })),
    contradictions: contradictions.map(([by, coAuthors]) => ({
      by: party(by),
      ...optional('with', refs(coAuthors)),
    })),
    factChecks: factChecks.map(([by, url, rating, publishedAt]) => ({
      by: party(by),
      url,
      rating: unpackedRating(rating),
      publishedAt: unpackedTime(publishedAt),
    })),
    verdicts: verdicts.map(([verdict, distance, recordedAt, reviewUrl]) => ({
      verdict,
      position: at(distance),
      recordedAt: unpackedTime(recordedAt),
      ...optional('reviewUrl', reviewUrl),
    })),
    developmentsSinceVerdict: developmentsSinceVerdict.map(at),
    ...optional('retraction', retraction === 0 ? undefined : { kind: retraction }),
    relations: relations.map(([id, relation]) => ({ claimId: id, relation })),
  };
}

/** A packed claim with another decision: the same as `packClaim` gives for the claim so decided, without unpacking it. */
export function restatedClaim(packed: string, { status, needsReview }: StatusDecision): string {
  const start = elementStart(packed, decisionAt(packed));
  // A status is a word: its string has no escapes.
  let rest = packed.slice(packed.indexOf('"', start + 1) + 1);
  if (rest.startsWith(',0') || rest.startsWith(',1')) rest = rest.slice(2);
  const review = needsReview ? ',1' : rest === ']' ? '' : ',0';
  return `${packed.slice(0, start)}${JSON.stringify(status)}${review}${rest}`;
}

const CHAR = { quote: 34, backslash: 92, comma: 44, openList: 91, closeList: 93, openObject: 123, closeObject: 125 };

/** Where the element at `place` (past the first) of a JSON array starts: found by its commas, outside strings and nested values. */
function elementStart(json: string, place: number): number {
  let [depth, commas, inString] = [0, 0, false];
  for (let index = 0; index < json.length; index += 1) {
    const char = json.charCodeAt(index);
    if (inString) {
      if (char === CHAR.backslash) index += 1;
      else if (char === CHAR.quote) inString = false;
    } else if (char === CHAR.quote) inString = true;
    else if (char === CHAR.openList || char === CHAR.openObject) depth += 1;
    else if (char === CHAR.closeList || char === CHAR.closeObject) depth -= 1;
    else if (char === CHAR.comma && depth === 1 && ++commas === place) return index + 1;
  }
  throw new Error(`a packed claim without an element at ${place}: ${json}`);
}
