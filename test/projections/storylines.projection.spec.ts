import {
  claimRecorded,
  contradicted,
  ft,
  retracted,
  storylineOpened,
  STORYLINE,
  verdictIssued,
  usGovernment,
} from './support/events';
import { GivenEvent, ReadModels, given } from './support/projection-spec';

describe('the storylines read model', () => {
  let models: ReadModels | undefined;
  afterEach(() => models?.close());

  it('is empty before its first claim, and follows its claims to the headline status', () => {
    models = given([storylineOpened()]);
    expect(models.storylines.get(STORYLINE, 50)).toMatchObject({ status: 'empty', claimCount: 0, claims: [] });
    models.close();

    models = given([
      storylineOpened(),
      claimRecorded('ready', { claimant: usGovernment }),
      claimRecorded('ft-report'),
      contradicted('ft-report', usGovernment),
    ]);
    expect(models.storylines.get(STORYLINE, 50)).toMatchObject({
      status: 'disputed',
      claimCount: 2,
      counts: { unverified: 1, disputed: 1 },
      needsReview: 0,
      position: 4,
      claims: [
        { id: 'ready', status: 'unverified' },
        { id: 'ft-report', status: 'disputed' },
      ],
    });
  });

  it('stays developing while its only factual claim is retracted without a verdict, and counts the retraction', () => {
    models = given([storylineOpened(), claimRecorded('ft-report', { reportedBy: ft }), retracted('ft-report', ft)]);
    expect(models.storylines.get(STORYLINE, 50)).toMatchObject({
      status: 'developing',
      counts: { retracted: 1 },
      retractedClaims: 1,
    });
    models.close();

    models = given([
      storylineOpened(),
      claimRecorded('ft-report', { reportedBy: ft }),
      retracted('ft-report', ft),
      verdictIssued('ft-report', 'refuted'),
    ]);
    const settled = { status: 'settled', counts: { retracted: 0, refuted: 1 }, retractedClaims: 1 };
    expect(models.storylines.get(STORYLINE, 50)).toMatchObject(settled);
    expect(models.storylines.list({ status: 'settled' }, { limit: 10 }).items).toMatchObject([settled]);
  });

  it('embeds the first page of its claims and pages the rest', () => {
    models = given([storylineOpened(), ...['a', 'b', 'c'].map((id) => claimRecorded(id))]);

    const view = models.storylines.get(STORYLINE, 2);
    expect(view?.claims.map((claim) => claim.id)).toEqual(['a', 'b']);
    const rest = models.storylines.claims(STORYLINE, { limit: 2, cursor: view?.claimsNextCursor });
    expect(rest?.items.map((claim) => claim.id)).toEqual(['c']);
    expect(models.storylines.claims('no-such-storyline', { limit: 2 })).toBeUndefined();
  });

  it('counts claims recorded before their storyline was opened', () => {
    models = given([claimRecorded('early'), verdictIssued('early', 'confirmed'), storylineOpened()]);

    expect(models.storylines.get(STORYLINE, 50)).toMatchObject({ status: 'settled', claimCount: 1 });
    expect(models.storylines.list({}, { limit: 10 }).items.map((item) => item.id)).toEqual([STORYLINE]);
  });

  it('lists storylines in the order they were opened, filtered by status, tag and text', () => {
    const events: GivenEvent[] = [
      storylineOpened(STORYLINE, 'US–Ukraine security guarantees'),
      { type: 'StorylineOpened', data: { storylineId: 'iran', title: 'Wojsko irańskie', summary: '', tags: ['iran'] } },
      claimRecorded('ft-report'),
      contradicted('ft-report', usGovernment),
    ];
    models = given(events);

    const ids = (filter: Parameters<ReadModels['storylines']['list']>[0]) =>
      models?.storylines.list(filter, { limit: 10 }).items.map((item) => item.id);
    expect(ids({})).toEqual([STORYLINE, 'iran']);
    expect(ids({ status: 'empty' })).toEqual(['iran']);
    expect(ids({ tag: 'ukraine' })).toEqual([STORYLINE]);
    expect(ids({ text: 'IRAŃSKIE' })).toEqual(['iran']);
  });

  it('follows revisions of title, summary and tags', () => {
    models = given([
      storylineOpened(),
      { type: 'StorylineRevised', data: { storylineId: STORYLINE, title: 'Security guarantees', tags: ['nato'] } },
    ]);

    expect(models.storylines.get(STORYLINE, 50)).toMatchObject({
      title: 'Security guarantees',
      tags: ['nato'],
      revision: 1,
    });
    expect(models.storylines.list({ tag: 'ukraine' }, { limit: 10 }).items).toEqual([]);
    expect(models.storylines.list({ tag: 'nato' }, { limit: 10 }).items).toHaveLength(1);
  });
});
