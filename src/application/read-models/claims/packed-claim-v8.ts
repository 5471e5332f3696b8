import { Party } from '../../../domain/party';
import { StatusDecision } from '../../../domain/claim/status-decision';
import { ClaimFacts, FactsVerdict } from './claim-facts';
import { DecidedClaim } from './packed-claim';
import { PartyMention, Resolutions, mentionsResolvedAs } from './party-mentions';

type PackedParty = [string, string, Party['kind']];
type PackedParties = PackedParty[] | 0;

const unpackParty = ([id, name, kind]: PackedParty): Party => ({ id, name, kind });
const unpackParties = (list: PackedParties) => (list === 0 ? undefined : list.map(unpackParty));
const optional = <K extends string, V>(key: K, value: V | undefined | 0) =>
  (value === undefined || value === 0 ? {} : { [key]: value }) as { [P in K]?: V };

type PackedV8 = [
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

/**
 * A claim as claims read model 8 packed it: one JSON array, parties as [id, name, kind] wherever
 * mentioned, the mentions as their resolutions. A generation built then keeps serving, and its rows
 * are read back, while its successor is built.
 */
export function unpackClaimV8(claimId: string, packed: string): DecidedClaim {
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
  ] = JSON.parse(packed) as PackedV8;
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
