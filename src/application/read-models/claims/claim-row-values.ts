import { PartyRegistry } from '../../../domain/party/party-registry';
import { FeedPlace, feedPlaceOf } from '../../claim-reviews/publication';
import { ClaimRowKeeps } from '../../ports/read-model-store.port';
import { ClaimEvaluation, evaluateClaim } from './claim-evaluation';
import { ClaimFacts } from './claim-facts';
import { ClaimRecord } from './claim-record';
import { ClaimSummary, recordedVerdicts, toClaimSummary } from './claim-view';

/** What a claims row keeps that is built from the claim: made here, so that its storage only stores it. */
export interface ClaimRowValues {
  /**
   * The claim's place in the review feed: for a row written whole, and for one its own events moved
   * when its verdicts or its content moved (only those move the feed; its columns are left alone else).
   */
  feed?: FeedPlace;
  /** A version-5 row's evaluation in words, as JSON: its status and need of review have their columns. */
  words?: string;
  /** A row of claims read model 4 or older: its evaluation and summary, kept whole. */
  whole?: { evaluation: ClaimEvaluation; summary: ClaimSummary };
}

interface WrittenClaim {
  facts: ClaimFacts;
  /** The whole fold, which the page holds for a claim recorded or corrected in it, or read back whole. */
  record?: ClaimRecord;
  recordChanged: boolean;
  /** Its facts as its row was last written; absent for a claim new to the read models. */
  before?: ClaimFacts;
}

/** The values a claim's row keeps beside its facts and decision, as the generation's rows keep them (`keeps`). */
export function claimRowValues(claim: WrittenClaim, registry: PartyRegistry, keeps: ClaimRowKeeps): ClaimRowValues {
  const { facts, record, recordChanged, before } = claim;
  const values: ClaimRowValues = {};
  if (recordChanged && record) values.feed = feedPlaceOf(record.claim.content, recordedVerdicts(record));
  else if (recordChanged && (before?.verdicts !== facts.verdicts || before.content !== facts.content)) {
    values.feed = feedPlaceOf(facts.content, facts.verdicts);
  }
  if (keeps.words) {
    const { status: _status, needsReview: _needsReview, ...words } = evaluateClaim(wholeFold(claim).claim, registry);
    values.words = JSON.stringify(words);
  }
  if (keeps.whole) {
    const evaluation = evaluateClaim(wholeFold(claim).claim, registry);
    values.whole = { evaluation, summary: toClaimSummary(wholeFold(claim), evaluation) };
  }
  return values;
}

/** Such a generation's claims are read back whole from their rows, so the page holds each one's fold. */
function wholeFold({ record, facts }: WrittenClaim): ClaimRecord {
  if (!record) throw new Error(`claim ${facts.claimId} is written without its whole fold`);
  return record;
}
