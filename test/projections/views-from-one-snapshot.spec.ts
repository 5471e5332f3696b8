import { ClaimViews } from '../../src/application/read-models/claims/claim-views';
import { ClaimSnapshot, ClaimStore } from '../../src/application/read-models/claims/claim-store.port';
import { ProjectionEngine } from '../../src/application/read-models/runtime/projection-engine';
import { ClaimQueries } from '../../src/infrastructure/read-models/claims/claim.queries';
import { ReadModelReader } from '../../src/infrastructure/read-models/read-model-reader';
import { claimRecorded, relatedBothWays, storylineOpened, verdictIssued } from './support/events';
import { ReadModels, given, storedLog } from './support/projection-spec';

/** The claims read model's storage, with `afterFirstRead` run as soon as a query's first read of stored claims returns. */
function interleaved(store: ClaimStore, afterFirstRead: () => void): ClaimStore {
  let done = false;
  const read = <T>(query: (snapshot: ClaimSnapshot) => T): T =>
    store.read((snapshot) =>
      query({
        ...snapshot,
        claims: (ids) => {
          const found = snapshot.claims(ids);
          if (!done) {
            done = true;
            afterFirstRead();
          }
          return found;
        },
      }),
    );
  return Object.assign(Object.create(store) as ClaimStore, { read });
}

// A claim view reads the claims read model more than once (the claim, then the claims it relates
// to): whatever the projection worker commits between those reads must not show in the view.
describe('a claim view, while the worker commits a page', () => {
  const log = storedLog([
    storylineOpened(),
    claimRecorded('divers'),
    claimRecorded('state-actor'),
    ...relatedBothWays('divers', 'state-actor', 'rival_of'),
    verdictIssued('state-actor', 'refuted'),
  ]);
  const verdict = log[log.length - 1];
  let models: ReadModels;
  let reader: ReadModelReader;

  beforeEach(() => {
    models = given(log.slice(0, -1));
    reader = new ReadModelReader(models.file);
  });

  afterEach(() => {
    reader.close();
    models.close();
  });

  it('shows the claims it relates to as they stood when its first read began', () => {
    const before = models.claims.get('state-actor');
    const worker = new ProjectionEngine(models.generation);
    const views = new ClaimViews(interleaved(new ClaimQueries(reader), () => worker.apply([verdict])));

    const view = views.get('divers');

    expect(models.claims.get('state-actor')?.status).not.toBe(before?.status);
    expect(view?.relations).toMatchObject([{ claimId: 'state-actor', status: before?.status }]);
    expect(models.claims.get('divers')?.relations).toMatchObject([{ claimId: 'state-actor', status: 'refuted' }]);
  });
});
