import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

const FT = party('Financial Times', 'media', 'financial-times');
const FAMILIAR = party('People familiar with the talks', 'anonymous', 'people-familiar-with-the-talks');
const JANE_ROE = party('Jane Roe', 'person', 'jane-roe');
const UNRELATED_CLAIMANT = party('Kaja Kallas', 'person', 'kaja-kallas');

interface LoggedEvent {
  eventId: string;
  type: string;
  position: number;
  recordedAt: string;
}

/**
 * The views of a past point weigh a claim against the registry as it stood then, and "what changed
 * since" counts a claim that a registry event re-evaluated as changed, decided by that event.
 */
describe('the registry as it stood, in as-of views and in what changed since', () => {
  let app: TestApp;
  let head = -1;
  let storylineId: string;
  let otherStorylineId: string;
  let claimId: string;
  let untouchedId: string;
  /** The support: the last event before any registry write. */
  let supported: LoggedEvent;
  let affiliated: LoggedEvent;

  const send = async (url: string, body: unknown, as: 'reporter' | 'editor' = 'reporter') => {
    const response = await app.request('POST', url, { body, as });
    expect({ url, status: response.status, detail: response.body?.detail }).toEqual({
      url,
      status: 201,
      detail: undefined,
    });
    head = Math.max(head, response.body.position);
    return response.body as { id: string; position: number };
  };
  const read = async (url: string) => {
    const response = await app.request('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${head}`, {
      as: 'reader',
    });
    expect({ url, status: response.status, detail: response.body?.detail }).toEqual({
      url,
      status: 200,
      detail: undefined,
    });
    return response.body;
  };
  const eventAt = async (position: number): Promise<LoggedEvent> => {
    const [event] = (await read(`/v1/events?after=${position - 1}&limit=1`)).items;
    expect(event.position).toBe(position);
    return { eventId: event.eventId, type: event.type, position, recordedAt: event.metadata.recordedAt };
  };
  const claimAt = (query: string) => read(`/v1/claims/${claimId}?${query}`);
  const asOf = (time: string) => `asOf=${encodeURIComponent(time)}`;

  beforeAll(async () => {
    app = await startTestApp();
    storylineId = (await send('/v1/storylines', storylineBody())).id;
    otherStorylineId = (await send('/v1/storylines', storylineBody({ title: 'Defence spending' }))).id;
    claimId = (
      await send(
        `/v1/storylines/${storylineId}/claims`,
        claimBody({ claimant: FAMILIAR, reportedBy: FT, attribution: 'anonymous' }),
      )
    ).id;
    untouchedId = (await send(`/v1/storylines/${otherStorylineId}/claims`, claimBody({ claimant: UNRELATED_CLAIMANT })))
      .id;
    await send(
      `/v1/claims/${untouchedId}/supports`,
      developmentBody(party('Reuters', 'media', 'reuters'), { kind: 'corroboration' }),
    );
    supported = await eventAt(
      (await send(`/v1/claims/${claimId}/supports`, developmentBody(JANE_ROE, { kind: 'corroboration' }))).position,
    );
    expect((await read(`/v1/claims/${claimId}`)).status).toBe('corroborated');

    await send('/v1/parties', { id: 'financial-times', name: 'Financial Times', kind: 'media' }, 'editor');
    await send('/v1/parties', { id: 'jane-roe', name: 'Jane Roe', kind: 'person' }, 'editor');
    const affiliation = await send(
      '/v1/parties/jane-roe/affiliations',
      { partyId: 'financial-times', relation: 'employed_by' },
      'editor',
    );
    affiliated = await eventAt(affiliation.position);
  });
  afterAll(() => app.close());

  it('flips the claim live once the supporter is registered as employed by the reporting outlet', async () => {
    const view = await read(`/v1/claims/${claimId}`);
    expect(view).toMatchObject({
      status: 'unverified',
      independentSources: 0,
      supports: [{ counts: false, reason: 'Jane Roe is employed by Financial Times, which reported the claim' }],
      explanation: { rule: 'no_independent_support' },
    });
    expect(view.explanation.registryEventIds.at(-1)).toBe(affiliated.eventId);
  });

  it('shows the old status and reasons as of a time before the affiliation, and the new ones after', async () => {
    const before = await claimAt(asOf(supported.recordedAt));
    expect(before).toMatchObject({
      status: 'corroborated',
      independentSources: 1,
      parties: { reportedBy: { id: 'financial-times', registered: false } },
      supports: [{ party: { id: 'jane-roe', registered: false }, independent: true, counts: true }],
      explanation: { rule: 'independent_support' },
    });
    expect(before.supports[0].reason).toBeUndefined();
    expect(before.explanation.registryEventIds).toBeUndefined();

    const after = await claimAt(asOf(affiliated.recordedAt));
    expect(after).toMatchObject({
      status: 'unverified',
      independentSources: 0,
      parties: { reportedBy: { id: 'financial-times', registered: true } },
      supports: [
        {
          party: { id: 'jane-roe', registered: true },
          independent: false,
          counts: false,
          reason: 'Jane Roe is employed by Financial Times, which reported the claim',
        },
      ],
      explanation: { rule: 'no_independent_support' },
    });
    expect(after.explanation.registryEventIds.at(-1)).toBe(affiliated.eventId);
  });

  it('does the same by log position: the registered parties alone change nothing, the affiliation does', async () => {
    const justBefore = await claimAt(`atPosition=${affiliated.position - 1}`);
    expect(justBefore).toMatchObject({
      status: 'corroborated',
      parties: { reportedBy: { id: 'financial-times', registered: true } },
      supports: [{ party: { id: 'jane-roe', registered: true }, counts: true }],
    });
    expect(justBefore.supports[0].reason).toBeUndefined();
    expect((await claimAt(`atPosition=${supported.position}`)).supports[0].party.registered).toBe(false);

    const at = await claimAt(`atPosition=${affiliated.position}`);
    expect(at).toMatchObject({
      status: 'unverified',
      supports: [{ counts: false, reason: 'Jane Roe is employed by Financial Times, which reported the claim' }],
    });
  });

  it('weighs the storyline as of a point against the registry of that point', async () => {
    const before = await read(`/v1/storylines/${storylineId}?atPosition=${affiliated.position - 1}`);
    const after = await read(`/v1/storylines/${storylineId}?atPosition=${affiliated.position}`);
    expect(before.counts).toMatchObject({ corroborated: 1, unverified: 0 });
    expect(before.claims).toEqual([expect.objectContaining({ id: claimId, status: 'corroborated' })]);
    expect(after.counts).toMatchObject({ corroborated: 0, unverified: 1 });
    expect(after.claims).toEqual([expect.objectContaining({ id: claimId, status: 'unverified' })]);
    expect(await read(`/v1/storylines/${storylineId}`)).toMatchObject({ status: after.status, counts: after.counts });
  });

  it('lists the claim as changed by the registry event in the changes feed, across the desk and for its storyline', async () => {
    const expected = {
      id: claimId,
      storylineId,
      before: 'corroborated',
      after: 'unverified',
      explanation: expect.objectContaining({ rule: 'no_independent_support' }),
      decidedBy: { ...affiliated, type: 'PartyAffiliated' },
    };
    for (const path of ['/v1/changes', `/v1/storylines/${storylineId}/changes`]) {
      const answer = await read(`${path}?since=${supported.position}`);
      expect({ path, claimsChanged: answer.claimsChanged }).toEqual({
        path,
        claimsChanged: [expect.objectContaining(expected)],
      });
      expect(answer).toMatchObject({ since: supported.position, next: affiliated.position, claimsAdded: [] });
      // Corroborated or unverified, the storyline is developing: its headline did not move.
      expect(answer.storylines).toEqual([]);
      // A registry event is not a development of the claim's own.
      expect(answer.developments.byStoryline).toEqual([]);
    }

    const windowOfTheAffiliationAlone = await read(`/v1/changes?since=${affiliated.position - 1}`);
    expect(windowOfTheAffiliationAlone.claimsChanged).toEqual([expect.objectContaining(expected)]);
    expect((await read(`/v1/changes?since=${affiliated.position}`)).claimsChanged).toEqual([]);
    const otherStoryline = await read(`/v1/storylines/${otherStorylineId}/changes?since=${supported.position}`);
    expect(otherStoryline).toMatchObject({ claimsChanged: [], storylines: [] });
  });

  it('names the claim changed back, decided by the ending, once the affiliation is ended before the support', async () => {
    const ended = await eventAt(
      (
        await send(
          '/v1/parties/jane-roe/affiliations/end',
          { partyId: 'financial-times', to: '2026-01-20T00:00:00Z' },
          'editor',
        )
      ).position,
    );
    const answer = await read(`/v1/changes?since=${affiliated.position}`);
    expect(answer.claimsChanged).toEqual([
      expect.objectContaining({
        id: claimId,
        before: 'unverified',
        after: 'corroborated',
        decidedBy: { ...ended, type: 'PartyAffiliationEnded' },
      }),
    ]);
    expect((await claimAt(`atPosition=${affiliated.position}`)).status).toBe('unverified');
    expect((await claimAt(asOf(ended.recordedAt))).status).toBe('corroborated');
    // Over both registry events the claim ends where it started: not a change.
    expect((await read(`/v1/changes?since=${supported.position}`)).claimsChanged).toEqual([]);
  });
});
