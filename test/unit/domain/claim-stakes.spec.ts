import { claimStatus } from '../../../src/domain/claim/claim-status';
import { ClaimEvent } from '../../../src/domain/claim/claim.events';
import { claimDecider } from '../../../src/domain/claim/claim.decider';
import { RecordedClaim } from '../../../src/domain/claim/claim.state';
import { decideStatus } from '../../../src/domain/claim/status-decision';
import { weighEvidence } from '../../../src/domain/claim/weighed-evidence';
import { fold } from '../../../src/domain/decider';
import { Identified } from '../../../src/domain/identified';
import { Party } from '../../../src/domain/party';
import { PartyRegistry, emptyRegistry, foldRegistry } from '../../../src/domain/party/party-registry';
import { Stakeholder } from '../../../src/domain/storyline/stakeholder';
import { DEVELOPMENT_TIME, contradicted, recorded, reuters, supported, usGovernment } from './claim-fixtures';
import { registryLog } from './party/party-fixtures';

const kremlin: Party = { id: 'kremlin', name: 'Kremlin', kind: 'government' };
const peskov: Party = { id: 'dmitry-peskov', name: 'Dmitry Peskov', kind: 'person' };
const belligerent: Stakeholder = { partyId: 'kremlin', reason: 'a belligerent of the war' };

function claimOf(...history: Identified<ClaimEvent>[]): RecordedClaim {
  const claim = fold(claimDecider, history);
  if (claim === null) throw new Error('the history never records the claim');
  return claim;
}

/** The full rule and the rule without words, which must agree. */
function judged(claim: RecordedClaim, stakeholders: Stakeholder[], registry: PartyRegistry = emptyRegistry) {
  const evidence = weighEvidence(claim, registry, stakeholders);
  const result = claimStatus(claim, evidence);
  expect(decideStatus(claim, registry, stakeholders)).toEqual({
    status: result.status,
    needsReview: result.needsReview,
  });
  return { evidence, result };
}

describe('a support from a stakeholder of the storyline', () => {
  it('is shown with its reason and is not independent', () => {
    const { evidence, result } = judged(claimOf(recorded('recorded'), supported('kremlin-agrees', kremlin)), [
      belligerent,
    ]);

    expect(evidence.supports[0]).toMatchObject({
      independent: false,
      counts: false,
      stake: 'Kremlin has a stake in this story: a belligerent of the war',
      reason: 'Kremlin has a stake in this story: a belligerent of the war',
    });
    expect(evidence.independentSources).toBe(0);
    expect(result.status).toBe('unverified');
  });

  it('counts as it did without the stakeholder named', () => {
    expect(judged(claimOf(recorded('recorded'), supported('kremlin-agrees', kremlin)), []).result.status).toBe(
      'corroborated',
    );
  });

  it('counts when it is dated before the stake begins or after it ends', () => {
    const claim = claimOf(recorded('recorded'), supported('kremlin-agrees', kremlin));
    const later = { ...belligerent, from: '2026-02-01T00:00:00Z' };
    const earlier = { ...belligerent, to: DEVELOPMENT_TIME };

    expect(judged(claim, [later]).result.status).toBe('corroborated');
    expect(judged(claim, [earlier]).result.status).toBe('corroborated');
    expect(judged(claim, [{ ...belligerent, from: DEVELOPMENT_TIME }]).result.status).toBe('unverified');
  });

  it('leaves other supports independent', () => {
    const { evidence, result } = judged(
      claimOf(recorded('recorded'), supported('kremlin-agrees', kremlin), supported('reuters-confirms', reuters)),
      [belligerent],
    );

    expect(evidence.supports.map((support) => support.counts)).toEqual([false, true]);
    expect(evidence.independentSources).toBe(1);
    expect(result.status).toBe('corroborated');
  });
});

describe('a support from a party related to a stakeholder', () => {
  const log = registryLog();
  const registry = foldRegistry([
    log.registered('kremlin', 'Kremlin', 'government'),
    log.registered('dmitry-peskov', 'Dmitry Peskov'),
    log.affiliated('dmitry-peskov', 'spokesperson_for', 'kremlin', { from: '2012-05-01T00:00:00Z' }),
  ]);

  it('is not independent either, and says how the two are related', () => {
    const { evidence, result } = judged(
      claimOf(recorded('recorded'), supported('peskov-agrees', peskov)),
      [belligerent],
      registry,
    );

    expect(evidence.supports[0].independent).toBe(false);
    expect(evidence.supports[0].stake).toMatch(/Dmitry Peskov .*Kremlin.*has a stake in this story: a belligerent/);
    expect(evidence.registryFacts.map((fact) => fact.eventId)).toContain('e3');
    expect(result.status).toBe('unverified');
  });
});

describe('a contradiction by a party the claim is about', () => {
  it('is labelled a denial by the subject and still counts', () => {
    const { evidence, result } = judged(
      claimOf(recorded('recorded', { about: [usGovernment] }), contradicted('us-denies', usGovernment)),
      [],
    );

    expect(evidence.contradictions[0]).toMatchObject({ counts: true, label: 'denial by the subject' });
    expect(result.status).toBe('disputed');
    expect(result.explanation.summary).toBe('Contradicted by US-Regierung (denial by the subject).');
  });

  it('carries no label from a party the claim is not about', () => {
    const { evidence } = judged(claimOf(recorded('recorded'), contradicted('us-denies', usGovernment)), []);

    expect(evidence.contradictions[0].label).toBeUndefined();
  });

  it('finds the subject under a registered alias', () => {
    const log = registryLog();
    const registry = foldRegistry([log.registered('us-government', 'US government', 'government', ['US-Regierung'])]);
    const washington: Party = { id: 'washington', name: 'US-Regierung', kind: 'government' };
    const { evidence } = judged(
      claimOf(recorded('recorded', { about: [usGovernment] }), contradicted('us-denies', washington)),
      [],
      registry,
    );

    expect(evidence.contradictions[0].label).toBe('denial by the subject');
  });
});
