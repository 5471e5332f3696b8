import { CLAIM_STATUSES, claimStatus } from '../../../src/domain/claim/claim-status';
import {
  decideStatus,
  isDecidedWithoutTheRegistry,
  isDecidedWithoutTheStakes,
} from '../../../src/domain/claim/status-decision';
import { weighEvidence } from '../../../src/domain/claim/weighed-evidence';
import { emptyRegistry, evolveRegistry, foldRegistry } from '../../../src/domain/party/party-registry';
import { registryWorkload } from '../../../bench/workload/registry-workload';

/**
 * The projection decides a claim's status without putting the evidence into words; the full rule
 * (the weighed evidence and the explanation) must always come to the same status. Generated, seeded
 * claims with supports, contradictions and fact-checks over a registry with affiliations in time,
 * merges and discredits, weighed at every tenth registry version and against the empty registry.
 */
describe('the status decided without words', () => {
  const workload = registryWorkload({ parties: 300, claims: 600, seed: 17 });
  const at = '2025-01-01T00:00:00Z';

  it('is the status and the review flag of the full rule, at registry versions along the way', () => {
    let registry = emptyRegistry;
    const versions = [registry];
    workload.events.forEach((event, index) => {
      registry = evolveRegistry(registry, event);
      if (index % Math.ceil(workload.events.length / 10) === 0) versions.push(registry);
    });
    versions.push(foldRegistry(workload.events));
    const statuses = new Set<string>();
    const ruled = workload.claims.slice(0, 50).map((claim, index) => ({
      ...claim,
      verdicts: [{ eventId: `verdict-${index}`, verdict: 'misleading' as const, rationale: 'r', occurredAt: at }],
      developmentsSinceVerdict: index % 2 === 0 ? [] : [`later-${index}`],
    }));
    const withdrawn = workload.claims.slice(50, 100).map((claim) => ({
      ...claim,
      retraction: { eventId: 'retraction', by: claim.content.claimant, occurredAt: at, kind: 'withdrawn' as const },
    }));
    const selfSupported = workload.claims.slice(100, 150).map((claim) => ({
      ...claim,
      supports: claim.supports.map((support) => ({ ...support, by: claim.content.claimant })),
      contradictions: [],
      factChecks: [],
    }));
    // Joint pieces: a support written with the claim's reporter, or with another supporter; a claim
    // whose own piece names its first supporter as a co-reporter.
    const jointlyWritten = workload.claims.slice(150, 250).map((claim, index) => ({
      ...claim,
      content:
        index % 3 === 0 && claim.supports[0] ? { ...claim.content, with: [claim.supports[0].by] } : claim.content,
      supports: claim.supports.map((support, at) => ({
        ...support,
        with: [at % 2 === 0 ? (claim.content.reportedBy ?? claim.content.claimant) : claim.supports[0].by],
      })),
    }));
    for (const version of versions) {
      for (const claim of [...workload.claims, ...ruled, ...withdrawn, ...selfSupported, ...jointlyWritten]) {
        const full = claimStatus(claim, weighEvidence(claim, version));
        expect(decideStatus(claim, version)).toEqual({ status: full.status, needsReview: full.needsReview });
        statuses.add(full.status);
      }
    }
    expect([...statuses].sort()).toEqual(['corroborated', 'disputed', 'misleading', 'retracted', 'unverified']);
  });

  it('gives a verdict or a retraction whatever the registry, and names those statuses alone as such', () => {
    const versions = [
      emptyRegistry,
      foldRegistry(workload.events.slice(0, workload.events.length / 2)),
      foldRegistry(workload.events),
    ];
    const decided = workload.claims.slice(0, 60).map((claim, index) =>
      index % 2 === 0
        ? {
            ...claim,
            verdicts: [{ eventId: `verdict-${index}`, verdict: 'refuted' as const, rationale: 'r', occurredAt: at }],
          }
        : {
            ...claim,
            retraction: {
              eventId: 'retraction',
              by: claim.content.claimant,
              occurredAt: at,
              kind: 'withdrawn' as const,
            },
          },
    );
    for (const claim of [...workload.claims, ...decided]) {
      const statuses = versions.map((version) => decideStatus(claim, version).status);
      if (statuses.some(isDecidedWithoutTheRegistry)) expect(new Set(statuses).size).toBe(1);
    }
    expect(CLAIM_STATUSES.filter(isDecidedWithoutTheRegistry)).toEqual([
      'retracted',
      'confirmed',
      'refuted',
      'misleading',
      'unproven',
    ]);
  });

  it('gives a status other than corroborated or unverified whatever the stakeholders, and names those statuses alone as such', () => {
    const registry = foldRegistry(workload.events);
    // Every party that supports or contradicts a claim of the workload, named a stakeholder at once or later.
    const parties = [
      ...new Set(workload.claims.flatMap((claim) => claim.supports.map((support) => support.by.id ?? ''))),
    ];
    const everyone = parties.map((partyId) => ({ partyId, reason: 'a party to it' }));
    const later = parties.map((partyId) => ({ partyId, reason: 'a party to it', from: '2100-01-01T00:00:00Z' }));
    const moved = new Set<string>();
    for (const claim of workload.claims) {
      const statuses = [[], everyone, later].map((stakeholders) => decideStatus(claim, registry, stakeholders).status);
      if (statuses.some(isDecidedWithoutTheStakes)) expect(new Set(statuses).size).toBe(1);
      if (new Set(statuses).size > 1) moved.add(statuses.join(' → '));
    }
    // The stakeholders do move some of the workload's claims.
    expect(moved.size).toBeGreaterThan(0);
    expect(CLAIM_STATUSES.filter((status) => !isDecidedWithoutTheStakes(status))).toEqual([
      'unverified',
      'corroborated',
    ]);
  });
});
