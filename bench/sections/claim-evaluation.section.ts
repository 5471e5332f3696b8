import { BenchOptions } from '../bench-options';
import { ClaimEvaluationResults } from '../report/results';
import { registryWorkload } from '../workload/registry-workload';
import { decideStatus } from '../../src/domain/claim/status-decision';
import { PartyRegistry, evolveRegistry, foldRegistry } from '../../src/domain/party/party-registry';
import { RegistryEvent } from '../../src/domain/party/registry-records';

const PARTIES = 3_000;

/** CPU (user + system) of the process, in µs: the figure holds on a busy machine better than wall time. */
const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

function cpuPerItem<T>(items: readonly T[], work: (item: T) => void): number {
  const started = cpuMicros();
  for (const item of items) work(item);
  return (cpuMicros() - started) / items.length;
}

/** A party at the top of the registry (a government) affiliated with another: every party below it is touched. */
const hubAffiliated = (registry: PartyRegistry): RegistryEvent => ({
  type: 'PartyAffiliated',
  data: { partyId: 'party-1', withPartyId: 'party-0', relation: 'member_of' },
  eventId: 'bench-hub-affiliated',
  position: registry.position + 1,
});

/**
 * The status rule in process, as the projection worker calls it (`decideStatus`: the status without
 * its words, which views build on read): a registry of 3,000 parties
 * (people, outlets, groups, governments; affiliations, some bounded in time and some ended; merged
 * duplicates; discredits) and claims with two to six supports, contradictions and fact-checks each.
 * Figures are CPU per claim evaluation: (1) the rebuild's settling pass, each claim once against a
 * registry folded from its events, nothing worked out yet; (2) the same claims again against the
 * version after one more affiliation high in the registry, as a live page after a registry event;
 * (3) relatedness alone: whether each support's party is related to its claim's claimant at the
 * support's date, on a registry folded anew (its reach tables worked out as the questions come).
 */
export function claimEvaluationSection(options: BenchOptions): ClaimEvaluationResults {
  const claims = options.mode === 'quick' ? 20_000 : 100_000;
  const workload = registryWorkload({ parties: PARTIES, claims, seed: options.seed });
  const foldStarted = cpuMicros();
  const registry = foldRegistry(workload.events);
  const foldMicros = cpuMicros() - foldStarted;
  const statuses: Record<string, number> = {};
  const settlingMicrosPerEvaluation = cpuPerItem(workload.claims, (claim) => {
    const { status } = decideStatus(claim, registry);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const questions = workload.claims.flatMap((claim) =>
    claim.supports.map((support) => [support.by.id, claim.content.claimant.id, support.occurredAt] as const),
  );
  const asked = foldRegistry(workload.events);
  const relatedMicrosPerQuestion = cpuPerItem(questions, ([a, b, at]) => asked.related(a, b, at));
  const next = evolveRegistry(registry, hubAffiliated(registry));
  const afterRegistryEventMicrosPerEvaluation = cpuPerItem(workload.claims, (claim) => decideStatus(claim, next));
  const developments = workload.claims.reduce(
    (sum, claim) => sum + claim.supports.length + claim.contradictions.length + claim.factChecks.length,
    0,
  );
  return {
    parties: PARTIES,
    registryEvents: workload.events.length,
    claims,
    developmentsPerClaim: developments / claims,
    statuses,
    registryFoldMicrosPerEvent: foldMicros / workload.events.length,
    settlingMicrosPerEvaluation,
    afterRegistryEventMicrosPerEvaluation,
    relatedQuestions: questions.length,
    relatedMicrosPerQuestion,
  };
}
