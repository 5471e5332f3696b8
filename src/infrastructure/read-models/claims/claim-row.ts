import { ClaimEvaluation, evaluateClaim } from '../../../application/projections/claim-evaluation';
import { readClaimRecord } from '../../../application/projections/claim-record';
import { KnownClaim } from '../../../application/projections/read-model-page';

/**
 * A claims row's fold and evaluation. A row written under an older status rule lacks the parties its
 * evidence resolved to: it is weighed again without a registry, by mention ids as that rule did, while
 * its generation serves until its successor is built.
 */
export function readClaimRow(row: { record: string; evaluation: string }): KnownClaim {
  const record = readClaimRecord(row.record);
  const evaluation = JSON.parse(row.evaluation) as ClaimEvaluation;
  return { record, evaluation: evaluation.parties ? evaluation : evaluateClaim(record.claim) };
}
