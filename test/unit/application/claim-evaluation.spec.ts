import { evaluateClaim } from '../../../src/application/read-models/claims/claim-evaluation';
import { claimStatus } from '../../../src/domain/claim/claim-status';
import { weighEvidence } from '../../../src/domain/claim/weighed-evidence';
import { foldRegistry } from '../../../src/domain/party/party-registry';
import { registryWorkload } from '../../../bench/workload/registry-workload';

/**
 * An evaluation builds its words on first read; stored, spread or compared it must be the object the
 * full rule gives, field for field and in the same order (the stored JSON and the answers rest on it).
 */
describe('a claim evaluation with its words built on read', () => {
  const workload = registryWorkload({ parties: 200, claims: 300, seed: 23 });
  const registry = foldRegistry(workload.events);

  const eagerly = (claim: (typeof workload.claims)[number]) => {
    const evidence = weighEvidence(claim, registry);
    const { status, needsReview, explanation } = claimStatus(claim, evidence);
    return {
      status,
      needsReview,
      explanation,
      parties: { claimant: evidence.claimant, ...(evidence.reportedBy ? { reportedBy: evidence.reportedBy } : {}) },
      independentSources: evidence.independentSources,
      independentContradictions: evidence.independentContradictions,
      contradictionVoices: evidence.contradictionVoices,
      supports: evidence.supports,
      contradictions: evidence.contradictions,
      factChecks: evidence.factChecks,
    };
  };

  it('serialises and spreads as the full rule’s evaluation, in the same field order', () => {
    for (const claim of workload.claims) {
      const evaluation = evaluateClaim(claim, registry);
      expect(JSON.stringify(evaluation)).toBe(JSON.stringify(eagerly(claim)));
      const { status: _status, needsReview: _needsReview, ...words } = evaluation;
      expect(Object.keys(words)).toEqual([
        'explanation',
        'parties',
        'independentSources',
        'independentContradictions',
        'contradictionVoices',
        'supports',
        'contradictions',
        'factChecks',
      ]);
    }
  });
});
