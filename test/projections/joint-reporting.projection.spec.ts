import {
  affiliationEnded,
  claimRecorded,
  contradicted,
  janeRoe,
  partyAffiliated,
  partyRegistered,
  reuters,
  storylineOpened,
  supported,
  usGovernment,
} from './support/events';
import { ReadModels, given } from './support/projection-spec';

const ndr = { id: 'ndr', name: 'NDR', kind: 'media' };
const wdr = { id: 'wdr', name: 'WDR', kind: 'media' };
const whiteHouse = { id: 'white-house', name: 'White House', kind: 'government' };

describe('the claims read model: joint pieces and grouped voices', () => {
  let models: ReadModels | undefined;
  afterEach(() => models?.close());

  it('keeps a joint piece as one source, with who wrote it', () => {
    models = given([
      storylineOpened(),
      claimRecorded('ft-report'),
      supported('ft-report', ndr, { with: [wdr] }),
      supported('ft-report', wdr),
    ]);

    expect(models.claims.get('ft-report')).toMatchObject({
      status: 'corroborated',
      independentSources: 1,
      supports: [{ with: [wdr], coAuthors: [{ id: 'wdr' }], jointReporting: 'joint reporting by NDR and WDR' }, {}],
    });
  });

  it('re-evaluates a claim when a registry event reaches only a co-author, and lists the co-author among the party’s claims', () => {
    models = given([
      storylineOpened(),
      claimRecorded('ft-report'),
      supported('ft-report', reuters, { with: [janeRoe] }),
      partyRegistered({ id: 'financial-times', name: 'Financial Times', kind: 'media' }),
      partyRegistered(janeRoe),
      partyAffiliated(janeRoe.id, 'employed_by', 'financial-times'),
    ]);

    expect(models.claims.get('ft-report')).toMatchObject({
      status: 'unverified',
      supports: [
        {
          counts: false,
          reason: 'written jointly with Jane Roe: Jane Roe is employed by Financial Times, which reported the claim',
        },
      ],
    });
    expect(models.parties.claimsOf('jane-roe', { limit: 10 }).items).toMatchObject([
      { claimId: 'ft-report', role: 'supporter' },
    ]);
    models.close();

    models = given([
      storylineOpened(),
      claimRecorded('ft-report'),
      supported('ft-report', reuters, { with: [janeRoe] }),
      partyRegistered({ id: 'financial-times', name: 'Financial Times', kind: 'media' }),
      partyRegistered(janeRoe),
      partyAffiliated(janeRoe.id, 'employed_by', 'financial-times'),
      affiliationEnded(janeRoe.id, 'financial-times', '2026-01-20T00:00:00Z'),
    ]);
    expect(models.claims.get('ft-report')).toMatchObject({ status: 'corroborated', supports: [{ counts: true }] });
  });

  it('keeps denials from related parties as one voice, and regroups them when the registry relates them', () => {
    const denials = [
      storylineOpened(),
      claimRecorded('ft-report'),
      contradicted('ft-report', usGovernment),
      contradicted('ft-report', whiteHouse),
    ];
    models = given(denials);
    expect(models.claims.get('ft-report')).toMatchObject({ independentContradictions: 2 });
    models.close();

    models = given([
      ...denials,
      partyRegistered(usGovernment),
      partyRegistered(whiteHouse),
      partyAffiliated(whiteHouse.id, 'part_of', usGovernment.id),
    ]);
    expect(models.claims.get('ft-report')).toMatchObject({
      status: 'disputed',
      independentContradictions: 1,
      contradictionVoices: [
        { parties: [{ id: 'us-government' }, { id: 'white-house' }], why: 'White House is part of US government' },
      ],
    });
  });
});
