import { ClaimRelation } from '../../../domain/claim/claim-relations';
import { asClaimEvent } from '../../events/factline-event';
import { StoredEvent } from '../../ports/event-store.port';
import { ClaimRecord } from './claim-record';
import { ClaimFacts } from './claim-facts';

/**
 * Cross-claim effects of relations, in one place, as the registry cascade is for party events: which
 * claims a stretch of the log reaches through relations, and which confirmed rivals ask a claim for
 * review. The live projection, a rebuild and the views of a past point all take these functions.
 */

export type RecordOf = (claimId: string) => ClaimRecord | undefined;
export type FactsOf = (claimId: string) => ClaimFacts | undefined;

/** What rival review reads of a claim: its side of its relations and its verdicts' places in the log. */
type RivalSide = Pick<ClaimFacts, 'claimId' | 'relations'> & {
  verdicts: ReadonlyArray<{ verdict: string; position: number }>;
};

const idsRelatedBy = (relations: ClaimFacts['relations'], relation?: ClaimRelation): string[] =>
  relations.filter((entry) => !relation || entry.relation === relation).map((entry) => entry.claimId);

/** The other claims this claim's side names with `relation`. */
export const relatedIdsOf = (record: ClaimRecord | undefined, relation?: ClaimRelation): string[] =>
  idsRelatedBy(record?.claim.relations ?? [], relation);

/** The same, of a claim's facts. */
export const relatedIdsOfFacts = (facts: ClaimFacts | undefined, relation?: ClaimRelation): string[] =>
  idsRelatedBy(facts?.relations ?? [], relation);

/** A relation holds once both claims record their side: the two sides are appended one after the other. */
function holds(side: RivalSide, other: RivalSide, relation: ClaimRelation): boolean {
  return other.relations.some((entry) => entry.claimId === side.claimId && entry.relation === relation);
}

function rivalSideOf(record: ClaimRecord): RivalSide {
  const { claim, events } = record;
  const positionOf = (eventId: string) => events.find((event) => event.eventId === eventId)?.position ?? -1;
  const latest = claim.verdicts.at(-1);
  return {
    claimId: claim.claimId,
    relations: claim.relations,
    verdicts: latest ? [{ verdict: latest.verdict, position: positionOf(latest.eventId) }] : [],
  };
}

/**
 * The rivals whose latest verdict is `confirmed` and was issued after the desk last ruled on this
 * claim (or while it never had): the log position orders the two, so every fold of the same events
 * agrees. The desk answers by ruling on this claim again.
 */
export function confirmedRivalsOfFacts(side: RivalSide, sideOf: (claimId: string) => RivalSide | undefined): string[] {
  const ruledAt = side.verdicts.at(-1)?.position ?? -1;
  return idsRelatedBy(side.relations, 'rival_of').filter((id) => {
    const rival = sideOf(id);
    const verdict = rival?.verdicts.at(-1);
    return (
      rival !== undefined &&
      verdict?.verdict === 'confirmed' &&
      holds(side, rival, 'rival_of') &&
      verdict.position > ruledAt
    );
  });
}

/** The same, of claims' full folds. */
export function confirmedRivalsOf(record: ClaimRecord, recordOf: RecordOf): string[] {
  return confirmedRivalsOfFacts(rivalSideOf(record), (id) => {
    const rival = recordOf(id);
    return rival && rivalSideOf(rival);
  });
}

/**
 * The claims a stretch of the log reaches through relations besides the claims of its own events: the
 * other side of each relation recorded or removed, and the rivals of each claim the desk ruled on.
 * `factsOf` gives each claim as the stretch leaves it.
 */
export function claimsReachedByRelations(events: readonly StoredEvent[], factsOf: FactsOf): string[] {
  const reached = new Set<string>();
  for (const stored of events) {
    const event = asClaimEvent(stored);
    if (!event) continue;
    if (event.type === 'ClaimRelated' || event.type === 'ClaimUnrelated') reached.add(event.data.relatedClaimId);
    if (event.type === 'ClaimVerdictIssued') {
      for (const id of relatedIdsOfFacts(factsOf(event.data.claimId), 'rival_of')) reached.add(id);
    }
  }
  return [...reached];
}
