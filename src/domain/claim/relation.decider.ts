import { DomainError } from '../domain-error';
import { ClaimRelated, ClaimUnrelated, RelateClaim, UnrelateClaim } from './claim-relations';
import { RecordedClaim } from './claim.state';

/**
 * One claim's side of a relation. The same relation again appends nothing, another relation to the
 * same claim replaces it, and removing a relation the claim does not have appends nothing.
 */
export function decideRelation(
  command: RelateClaim | UnrelateClaim,
  claim: RecordedClaim,
): Array<ClaimRelated | ClaimUnrelated> {
  const { relatedClaimId } = command.data;
  if (relatedClaimId === claim.claimId) throw new DomainError('rejected', 'a claim cannot be related to itself');
  const standing = claim.relations.find((entry) => entry.claimId === relatedClaimId);
  if (command.type === 'UnrelateClaim') {
    return standing ? [{ type: 'ClaimUnrelated', data: { claimId: claim.claimId, relatedClaimId } }] : [];
  }
  if (standing?.relation === command.data.relation) return [];
  return [{ type: 'ClaimRelated', data: { claimId: claim.claimId, relatedClaimId, relation: command.data.relation } }];
}
