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
import { CLAIM_ID, DEVELOPMENT_TIME, contradicted, recorded, reuters, supported } from './claim-fixtures';
import { givenClaim } from './decider-spec';
import { registryLog } from './party/party-fixtures';

const ndr: Party = { id: 'ndr', name: 'NDR', kind: 'media' };
const wdr: Party = { id: 'wdr', name: 'WDR', kind: 'media' };
const zeit: Party = { id: 'die-zeit', name: 'Die Zeit', kind: 'media' };
const spiegel: Party = { id: 'der-spiegel', name: 'Der Spiegel', kind: 'media' };
const stateDepartment: Party = { id: 'state-department', name: 'State Department', kind: 'government' };
const whiteHouse: Party = { id: 'white-house', name: 'White House', kind: 'government' };
const kremlin: Party = { id: 'kremlin', name: 'Kremlin', kind: 'government' };

/** A sabotage report by anonymous investigators, published by Der Spiegel. */
const spiegelReport = recorded('recorded', {
  claimant: { id: 'investigators', name: 'Investigators', kind: 'anonymous' },
  reportedBy: spiegel,
});

const jointly = <E extends Identified<ClaimEvent>>(event: E, coAuthors: Party[]): E =>
  ({ ...event, data: { ...event.data, with: coAuthors } }) as E;

function weighed(history: Identified<ClaimEvent>[], registry: PartyRegistry = emptyRegistry) {
  const claim = fold(claimDecider, history) as RecordedClaim;
  const evidence = weighEvidence(claim, registry);
  const result = claimStatus(claim, evidence);
  // The projection's quick rule always agrees with the rule that puts it into words.
  expect(decideStatus(claim, registry)).toEqual({ status: result.status, needsReview: result.needsReview });
  return { evidence, result };
}

/** The US government's two agencies, registered as part of it. */
function usGovernmentRegistry(): PartyRegistry {
  const log = registryLog();
  return foldRegistry([
    log.registered('us-government', 'US government', 'government'),
    log.registered('state-department', 'State Department', 'government'),
    log.registered('white-house', 'White House', 'government'),
    log.affiliated('state-department', 'part_of', 'us-government'),
    log.affiliated('white-house', 'part_of', 'us-government'),
  ]);
}

describe('joint reporting: a piece with co-authors (`with`)', () => {
  it('is recorded with its co-authors, each once, and none that is already an author of the piece', () => {
    givenClaim([spiegelReport])
      .when({
        type: 'SupportClaim',
        data: { by: ndr, with: [wdr, ndr, zeit, wdr], kind: 'corroboration', occurredAt: DEVELOPMENT_TIME },
      })
      .then([
        {
          type: 'ClaimSupported',
          data: { claimId: CLAIM_ID, by: ndr, with: [wdr, zeit], kind: 'corroboration', occurredAt: DEVELOPMENT_TIME },
        },
      ]);
    givenClaim([spiegelReport])
      .when({ type: 'ContradictClaim', data: { by: ndr, with: [ndr], kind: 'denial', occurredAt: DEVELOPMENT_TIME } })
      .then([
        {
          type: 'ClaimContradicted',
          data: { claimId: CLAIM_ID, by: ndr, kind: 'denial', occurredAt: DEVELOPMENT_TIME },
        },
      ]);
    givenClaim([])
      .when({ type: 'RecordClaim', data: { ...spiegelReport.data, kind: 'factual', with: [spiegel, ndr] } })
      .then([{ type: 'ClaimRecorded', data: { ...spiegelReport.data, kind: 'factual', with: [ndr] } }]);
    givenClaim([jointly(spiegelReport, [ndr])])
      .when({
        type: 'CorrectClaim',
        data: { changes: { with: [spiegel] }, reason: 'typo', occurredAt: DEVELOPMENT_TIME },
      })
      .then([
        {
          type: 'ClaimCorrected',
          data: { claimId: CLAIM_ID, changes: { with: null }, reason: 'typo', occurredAt: DEVELOPMENT_TIME },
        },
      ]);
  });

  it('counts the supports of one joint piece as one source, and says who wrote it', () => {
    const { evidence, result } = weighed([
      spiegelReport,
      jointly(supported('joint-investigation', ndr), [wdr, zeit]),
      supported('zeit-follow-up', zeit),
    ]);

    expect(evidence.independentSources).toBe(1);
    expect(evidence.supports[0]).toMatchObject({
      counts: true,
      coAuthors: [{ id: 'wdr' }, { id: 'die-zeit' }],
      jointReporting: 'joint reporting by NDR, WDR and Die Zeit',
    });
    expect(result).toMatchObject({ status: 'corroborated', explanation: { rule: 'independent_support' } });
    expect(result.explanation.summary).toBe(
      'Supported independently by NDR (joint reporting by NDR, WDR and Die Zeit), Die Zeit.',
    );
  });

  it('relates co-authors for that piece only: in another piece they are independent sources', () => {
    const jointPieceElsewhere = weighed([spiegelReport, jointly(supported('joint', ndr), [wdr])]);
    const separatePieces = weighed([spiegelReport, supported('ndr-alone', ndr), supported('wdr-alone', wdr)]);

    expect(jointPieceElsewhere.evidence.independentSources).toBe(1);
    expect(separatePieces.evidence.independentSources).toBe(2);
  });

  it('does not count a joint piece one of whose authors reported the claim; the co-author’s own piece still counts', () => {
    const { evidence, result } = weighed([
      spiegelReport,
      jointly(supported('with-spiegel', ndr), [spiegel]),
      supported('ndr-alone', ndr),
    ]);

    expect(evidence.supports[0]).toMatchObject({
      independent: false,
      counts: false,
      reason: 'written jointly with Der Spiegel: Der Spiegel reported the claim',
    });
    expect(evidence.supports[1]).toMatchObject({ independent: true, counts: true });
    expect(evidence.independentSources).toBe(1);
    expect(result.status).toBe('corroborated');
  });

  it('treats the co-reporters of the claim’s own piece as its reporters: their support is not independent', () => {
    const { evidence, result } = weighed([
      jointly(spiegelReport, [ndr]),
      supported('ndr-stands-by', ndr, 'confirmation'),
    ]);

    expect(evidence).toMatchObject({
      coReporters: [{ id: 'ndr' }],
      jointReporting: 'joint reporting by Der Spiegel and NDR',
    });
    expect(evidence.supports[0]).toMatchObject({ counts: false, reason: 'NDR co-reported the claim' });
    expect(result.status).toBe('unverified');
  });
});

describe('related voices: contradictions from related parties are one voice', () => {
  it('groups two denials from agencies of one government, and names the group', () => {
    const { evidence, result } = weighed(
      [spiegelReport, contradicted('state', stateDepartment), contradicted('white-house', whiteHouse)],
      usGovernmentRegistry(),
    );

    expect(evidence.independentContradictions).toBe(1);
    expect(evidence.contradictionVoices).toEqual([
      {
        parties: [expect.objectContaining({ id: 'state-department' }), expect.objectContaining({ id: 'white-house' })],
        eventIds: ['state', 'white-house'],
        why: 'State Department and White House are both part of US government',
      },
    ]);
    expect(result).toMatchObject({ status: 'disputed', explanation: { eventIds: ['state', 'white-house'] } });
    expect(result.explanation.summary).toBe(
      'Contradicted by State Department and White House — one voice: State Department and White House are both part of US government.',
    );
  });

  it('counts unrelated denials as separate voices, and a related pair beside them once', () => {
    const { evidence, result } = weighed(
      [
        spiegelReport,
        contradicted('state', stateDepartment),
        contradicted('kremlin', kremlin),
        contradicted('white-house', whiteHouse),
      ],
      usGovernmentRegistry(),
    );

    expect(evidence.independentContradictions).toBe(2);
    expect(result.explanation.summary).toBe(
      'Contradicted by State Department and White House — one voice: State Department and White House are both part of US government; Kremlin.',
    );
  });

  it('counts them as two voices when the registry does not relate them', () => {
    const { evidence } = weighed([
      spiegelReport,
      contradicted('state', stateDepartment),
      contradicted('white-house', whiteHouse),
    ]);

    expect(evidence.independentContradictions).toBe(2);
  });

  it('counts a joint denial once', () => {
    const { evidence, result } = weighed([spiegelReport, jointly(contradicted('joint-denial', ndr), [reuters])]);

    expect(evidence.independentContradictions).toBe(1);
    expect(evidence.contradictions[0].jointReporting).toBe('joint reporting by NDR and Reuters');
    expect(result.explanation.summary).toBe(
      'Contradicted by NDR and Reuters — one voice: joint reporting by NDR and Reuters.',
    );
  });
});
