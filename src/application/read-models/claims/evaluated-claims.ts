import { StatusExplainer } from '../../ports/status-comparison.port';
import { ClaimEvaluation, EvaluatedClaim, evaluateClaim } from './claim-evaluation';
import { ClaimRecord, foldClaimRecord, readClaimRecord } from './claim-record';
import { confirmedRivalsOf, relatedIdsOf } from './claim-rivals';
import { StoredClaims } from './claim-store.port';

/** The named claims that are stored as events, each folded again from them (unknown ones left out). */
function foldsOf(stored: StoredClaims, ids: readonly string[]): Map<string, ClaimRecord> {
  const records = new Map<string, ClaimRecord>();
  for (const [id, claim] of stored.claims(ids)) {
    const record = 'events' in claim ? foldClaimRecord(claim.events) : undefined;
    if (record) records.set(id, record);
  }
  return records;
}

/**
 * A whole row of claims read model 4 or older keeps its evaluation; one written under an older
 * status rule lacks the parties its evidence resolved to: it is weighed again without a registry, by
 * mention ids as that rule did, while its generation serves until its successor is built.
 */
function fromWholeRow(row: { record: string; evaluation: string }): EvaluatedClaim {
  const record = readClaimRecord(row.record);
  const evaluation = JSON.parse(row.evaluation) as ClaimEvaluation;
  return { record, evaluation: evaluation.parties ? evaluation : evaluateClaim(record.claim) };
}

/**
 * The claims named by `ids` (unknown ones left out) with their evaluation, words included, against
 * the registry the snapshot holds, as the projection decided their statuses.
 */
export function evaluatedClaims(stored: StoredClaims, ids: readonly string[]): Map<string, EvaluatedClaim> {
  const found = new Map<string, EvaluatedClaim>();
  if (ids.length === 0) return found;
  const records = new Map<string, ClaimRecord>();
  for (const [id, claim] of stored.claims(ids)) {
    if (!('events' in claim)) found.set(id, fromWholeRow(claim));
    else {
      const record = foldClaimRecord(claim.events);
      if (record) records.set(id, record);
    }
  }
  if (records.size === 0) return found;
  const registry = stored.registry();
  // A claim's need of review reads its rivals' verdicts (claim-rivals.ts), as the projection did.
  const rivalIds = [...new Set([...records.values()].flatMap((record) => relatedIdsOf(record, 'rival_of')))];
  const unread = rivalIds.filter((id) => !records.has(id));
  const rivals = unread.length === 0 ? new Map<string, ClaimRecord>() : foldsOf(stored, unread);
  const recordOf = (id: string) => records.get(id) ?? rivals.get(id);
  const stakeholders = stored.stakeholders([...records.values()].map((record) => record.claim.storylineId));
  for (const [id, record] of records) {
    const evaluation = evaluateClaim(record.claim, registry, {
      confirmedRivals: confirmedRivalsOf(record, recordOf),
      stakeholders: stakeholders.get(record.claim.storylineId),
    });
    found.set(id, { record, evaluation });
  }
  return found;
}

/** `evaluatedClaims` in the order given (a page of a list), skipping none it found. */
export function evaluatedInOrder(stored: StoredClaims, ids: readonly string[]): EvaluatedClaim[] {
  const found = evaluatedClaims(stored, ids);
  return ids.flatMap((id) => found.get(id) ?? []);
}

/** The rule that decided each named claim's status, and its reason in words, as the claim's view gives them. */
export const explainedStatuses: StatusExplainer = (stored, ids) =>
  new Map(
    [...evaluatedClaims(stored, ids)].map(([id, { evaluation }]) => [
      id,
      { rule: evaluation.explanation.rule, reason: evaluation.explanation.summary },
    ]),
  );
