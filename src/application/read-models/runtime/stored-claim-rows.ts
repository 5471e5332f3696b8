import { KeptFold, StoredClaimRow } from '../../ports/read-model-store.port';
import { claimFactsOf } from '../claims/claim-facts';
import { ClaimRecord, foldClaimRecord, readClaimRecord } from '../claims/claim-record';
import { inFoldOrder } from '../claims/party-mentions';
import { KnownClaim } from './read-model-page';

/** A claim's whole fold from what its rows keep; undefined when none of its kept events holds. */
export function foldKept(fold: KeptFold): ClaimRecord | undefined {
  return 'record' in fold ? readClaimRecord(fold.record) : foldClaimRecord(fold.events);
}

/** The claims' whole folds from what their rows keep. */
export function keptRecords(folds: Map<string, KeptFold>): Map<string, ClaimRecord> {
  const records = new Map<string, ClaimRecord>();
  for (const [id, fold] of folds) {
    const record = foldKept(fold);
    if (record) records.set(id, record);
  }
  return records;
}

/** The claims as the projection holds them, from their rows: each folded whole, its mentions in fold order. */
export function knownClaimsOf(rows: Map<string, StoredClaimRow>): Map<string, KnownClaim> {
  const known = new Map<string, KnownClaim>();
  for (const [id, { fold, decision, mentions }] of rows) {
    const record = foldKept(fold);
    if (!record) continue;
    const facts = claimFactsOf(record);
    known.set(id, { facts, record, decision, mentions: inFoldOrder(facts, mentions) });
  }
  return known;
}
