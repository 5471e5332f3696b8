import { recordDevelopment } from '../api/claim-commands';
import { recordClaim } from '../api/desk-commands';
import { DEVELOPMENTS } from '../development/development-kinds';
import {
  Article,
  claimToRecord,
  developmentToRecord,
  isDevelopment,
  Outcome,
  Proposal,
  targetClaimId,
  waitingReason,
} from './proposals';

const toRecord = (proposal: Proposal) =>
  proposal.selected &&
  (proposal.outcome.state === 'proposed' ||
    proposal.outcome.state === 'failed' ||
    proposal.outcome.state === 'waiting');

export const selectedCount = (proposals: Proposal[]) => proposals.filter(toRecord).length;

/**
 * Records the selected proposals one after another: the claims first, then the developments, each
 * against the claim it answers, whose id is known only once that claim is recorded. Each outcome is
 * reported as it comes; a refusal stops only its own proposal.
 */
export async function recordProposals(
  proposals: Proposal[],
  article: Article,
  report: (index: number, outcome: Outcome) => void,
): Promise<void> {
  const current = proposals.map((proposal) => ({ ...proposal }));
  const settle = (proposal: Proposal, outcome: Outcome) => {
    proposal.outcome = outcome;
    report(proposal.index, outcome);
  };
  const claims = current.filter((proposal) => toRecord(proposal) && !isDevelopment(proposal));
  const developments = current.filter((proposal) => toRecord(proposal) && isDevelopment(proposal));
  for (const proposal of claims) {
    settle(proposal, { state: 'recording' });
    try {
      const result = await recordClaim(article.storylineId, claimToRecord(proposal, article), {
        idempotencyKey: proposal.idempotencyKey,
      });
      settle(proposal, { state: 'recorded', claimId: result.id, position: result.position });
    } catch (error) {
      settle(proposal, { state: 'failed', error });
    }
  }
  for (const proposal of developments) {
    const claimId = targetClaimId(proposal, current);
    const what = proposal.item.development?.kind;
    if (!claimId || !what) {
      settle(proposal, { state: 'waiting', reason: waitingReason(proposal, current) });
      continue;
    }
    settle(proposal, { state: 'recording' });
    try {
      const result = await recordDevelopment(
        claimId,
        DEVELOPMENTS[what].route,
        developmentToRecord(proposal, article),
        {
          idempotencyKey: proposal.idempotencyKey,
        },
      );
      settle(proposal, { state: 'recorded', claimId, position: result.position });
    } catch (error) {
      settle(proposal, { state: 'failed', error });
    }
  }
}
