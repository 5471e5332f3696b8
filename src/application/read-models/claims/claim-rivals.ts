import { ClaimRelation } from '../../../domain/claim/claim-relations';
import { asClaimEvent } from '../../events/factline-event';
import { StoredEvent } from '../../ports/event-store.port';
import { ClaimRecord } from './claim-record';

/**
 * Cross-claim effects of relations, in one place, as the registry cascade is for party events: which
 * claims a stretch of the log reaches through relations, and which confirmed rivals ask a claim for
 * review. The live projection, a rebuild and the views of a past point all take these functions.
 */

export type RecordOf = (claimId: string) => ClaimRecord | undefined;

const positionOf = (record: ClaimRecord, eventId: string): number =>
  record.events.find((event) => event.eventId === eventId)?.position ?? -1;

/** The other claims this claim's side names with `relation`. */
export const relatedIdsOf = (record: ClaimRecord | undefined, relation?: ClaimRelation): string[] =>
  (record?.claim.relations ?? [])
    .filter((entry) => !relation || entry.relation === relation)
    .map((entry) => entry.claimId);

/** A relation holds once both claims record their side: the two sides are appended one after the other. */
function holds(record: ClaimRecord, other: ClaimRecord, relation: ClaimRelation): boolean {
  const id = record.claim.claimId;
  return other.claim.relations.some((entry) => entry.claimId === id && entry.relation === relation);
}

/**
 * The rivals whose latest verdict is `confirmed` and was issued after the desk last ruled on this
 * claim (or while it never had): the log position orders the two, so every fold of the same events
 * agrees. The desk answers by ruling on this claim again.
 */
export function confirmedRivalsOf(record: ClaimRecord, recordOf: RecordOf): string[] {
  const ruling = record.claim.verdicts.at(-1);
  const ruledAt = ruling ? positionOf(record, ruling.eventId) : -1;
  return relatedIdsOf(record, 'rival_of').filter((id) => {
    const rival = recordOf(id);
    const verdict = rival?.claim.verdicts.at(-1);
    return (
      rival !== undefined &&
      verdict?.verdict === 'confirmed' &&
      holds(record, rival, 'rival_of') &&
      positionOf(rival, verdict.eventId) > ruledAt
    );
  });
}

/**
 * The claims a stretch of the log reaches through relations besides the claims of its own events: the
 * other side of each relation recorded or removed, and the rivals of each claim the desk ruled on.
 * `recordOf` gives each claim as the stretch leaves it.
 */
export function claimsReachedByRelations(events: readonly StoredEvent[], recordOf: RecordOf): string[] {
  const reached = new Set<string>();
  for (const stored of events) {
    const event = asClaimEvent(stored);
    if (!event) continue;
    if (event.type === 'ClaimRelated' || event.type === 'ClaimUnrelated') reached.add(event.data.relatedClaimId);
    if (event.type === 'ClaimVerdictIssued') {
      for (const id of relatedIdsOf(recordOf(event.data.claimId), 'rival_of')) reached.add(id);
    }
  }
  return [...reached];
}
