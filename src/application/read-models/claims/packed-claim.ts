import { Party } from '../../../domain/party';
import { StatusDecision } from '../../../domain/claim/status-decision';
import { ClaimFacts, FactsVerdict } from './claim-facts';
import { PartyMention, Resolutions, mentionsResolvedAs, resolutionsOf } from './party-mentions';

/** What the projection holds of a claim between pages: its facts, its status, its rows of the mentions index. */
export interface DecidedClaim {
  facts: ClaimFacts;
  decision: StatusDecision;
  mentions: PartyMention[];
}

type PackedParty = [string, string, Party['kind']];
type PackedParties = PackedParty[] | 0;

const party = ({ id, name, kind }: Party): PackedParty => [id, name, kind];
const parties = (list: readonly Party[] | undefined): PackedParties => (list ? list.map(party) : 0);
const unpackParty = ([id, name, kind]: PackedParty): Party => ({ id, name, kind });
const unpackParties = (list: PackedParties) => (list === 0 ? undefined : list.map(unpackParty));
const optional = <K extends string, V>(key: K, value: V | undefined | 0) =>
  (value === undefined || value === 0 ? {} : { [key]: value }) as { [P in K]?: V };

/**
 * A decided claim as one short JSON array: positional fields, parties as [id, name, kind], the
 * mentions as their resolutions only (the rest follows from the facts). The projection keeps every
 * claim so in memory and in its row (`facts`), so a restart reads them back without folding.
 */
export function packClaim({ facts, decision, mentions }: DecidedClaim): string {
  const { content } = facts;
  const resolutions = resolutionsOf(facts, mentions);
  return JSON.stringify([
    facts.storylineId,
    facts.recordedPosition,
    facts.position,
    [
      content.kind,
      content.occurredAt,
      content.occurredAtPrecision ?? 0,
      party(content.claimant),
      content.reportedBy ? party(content.reportedBy) : 0,
      parties(content.with),
      parties(content.about),
    ],
    facts.supports.map(({ by, occurredAt, with: coAuthors }) => [party(by), occurredAt, parties(coAuthors)]),
    facts.contradictions.map(({ by, with: coAuthors }) => [party(by), parties(coAuthors)]),
    facts.factChecks.map(({ by, url, rating, publishedAt }) => [party(by), url, rating, publishedAt]),
    facts.verdicts.map(({ verdict, position, recordedAt, reviewUrl }) => [
      verdict,
      position,
      recordedAt,
      reviewUrl ?? 0,
    ]),
    facts.developmentsSinceVerdict,
    facts.retraction?.kind ?? 0,
    facts.relations.map(({ claimId, relation }) => [claimId, relation]),
    decision.status,
    decision.needsReview ? 1 : 0,
    // Rows that do not follow from the facts (written by an older rule) are kept whole.
    resolutions ?? mentions,
  ]);
}

type Packed = [
  string,
  number,
  number,
  [
    ClaimFacts['content']['kind'],
    string,
    ClaimFacts['content']['occurredAtPrecision'] | 0,
    PackedParty,
    PackedParty | 0,
    PackedParties,
    PackedParties,
  ],
  Array<[PackedParty, string, PackedParties]>,
  Array<[PackedParty, PackedParties]>,
  Array<[PackedParty, string, ClaimFacts['factChecks'][number]['rating'], string]>,
  Array<[FactsVerdict['verdict'], number, string, string | 0]>,
  number[],
  NonNullable<ClaimFacts['retraction']>['kind'] | 0,
  Array<[string, ClaimFacts['relations'][number]['relation']]>,
  StatusDecision['status'],
  0 | 1,
  Resolutions | PartyMention[],
];

export function unpackClaim(claimId: string, packed: string): DecidedClaim {
  const [
    storylineId,
    recordedPosition,
    position,
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
  ] = JSON.parse(packed) as Packed;
  const facts: ClaimFacts = {
    claimId,
    storylineId,
    recordedPosition,
    position,
    content: {
      kind,
      claimant: unpackParty(claimant),
      ...optional('reportedBy', reportedBy === 0 ? undefined : unpackParty(reportedBy)),
      ...optional('with', unpackParties(coReporters)),
      ...optional('about', unpackParties(about)),
      occurredAt,
      ...optional('occurredAtPrecision', precision),
    },
    supports: supports.map(([by, occurredAt, coAuthors]) => ({
      by: unpackParty(by),
      occurredAt,
      ...optional('with', unpackParties(coAuthors)),
    })),
    contradictions: contradictions.map(([by, coAuthors]) => ({
      by: unpackParty(by),
      ...optional('with', unpackParties(coAuthors)),
    })),
    factChecks: factChecks.map(([by, url, rating, publishedAt]) => ({ by: unpackParty(by), url, rating, publishedAt })),
    verdicts: verdicts.map(([verdict, position, recordedAt, reviewUrl]) => ({
      verdict,
      position,
      recordedAt,
      ...optional('reviewUrl', reviewUrl),
    })),
    developmentsSinceVerdict,
    ...optional('retraction', retraction === 0 ? undefined : { kind: retraction }),
    relations: relations.map(([id, relation]) => ({ claimId: id, relation })),
  };
  const rows = mentions.length > 0 && typeof mentions[0] === 'object' && mentions[0] !== null;
  return {
    facts,
    decision: { status, needsReview: needsReview === 1 },
    mentions: rows ? (mentions as PartyMention[]) : mentionsResolvedAs(facts, mentions as Resolutions),
  };
}
