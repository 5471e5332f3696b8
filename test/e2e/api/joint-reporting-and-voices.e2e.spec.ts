import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp } from '../../support/test-app';

const NDR = party('NDR', 'media', 'ndr');
const WDR = party('WDR', 'media', 'wdr');
const ZEIT = party('Die Zeit', 'media', 'die-zeit');
const SPIEGEL = party('Der Spiegel', 'media', 'der-spiegel');
const INVESTIGATORS = party('Investigators', 'anonymous', 'investigators');
const STATE_DEPARTMENT = party('State Department', 'government', 'state-department');
const WHITE_HOUSE = party('White House', 'government', 'white-house');
const KREMLIN = party('Kremlin', 'government', 'kremlin');

/**
 * Joint reporting and grouped voices through the HTTP API: a piece written by several outlets is
 * one source, its co-authors stay independent elsewhere, and denials from two agencies of one
 * government are one voice.
 */
describe('joint reporting and related voices', () => {
  let app: TestApp;
  let storylineId: string;
  let last = -1;
  const send = async (url: string, body: unknown, as: 'reporter' | 'editor' = 'reporter') => {
    const response = await app.request('POST', url, { body, as });
    expect({ url, status: response.status, detail: response.body?.detail }).toEqual({
      url,
      status: 201,
      detail: undefined,
    });
    last = Math.max(last, response.body.position);
    return response.body as { id: string; position: number };
  };
  const read = async (url: string) => {
    const response = await app.request('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, {
      as: 'reader',
    });
    expect({ url, status: response.status }).toEqual({ url, status: 200 });
    return response.body;
  };
  const record = async (overrides: Record<string, unknown> = {}) =>
    (
      await send(
        `/v1/storylines/${storylineId}/claims`,
        claimBody({ claimant: INVESTIGATORS, reportedBy: SPIEGEL, attribution: 'anonymous', ...overrides }),
      )
    ).id;
  const support = (claimId: string, by: ReturnType<typeof party>, fields: Record<string, unknown> = {}) =>
    send(`/v1/claims/${claimId}/supports`, developmentBody(by, { kind: 'corroboration', ...fields }));
  const deny = (claimId: string, by: ReturnType<typeof party>, fields: Record<string, unknown> = {}) =>
    send(`/v1/claims/${claimId}/contradictions`, developmentBody(by, { kind: 'denial', ...fields }));

  beforeAll(async () => {
    app = await startTestApp();
    storylineId = (await send('/v1/storylines', storylineBody())).id;
  });
  afterAll(() => app.close());

  it('counts a joint piece by three outlets as one source, and says who wrote it', async () => {
    const claimId = await record();
    await support(claimId, NDR, { with: [WDR, ZEIT] });
    await support(claimId, ZEIT, { kind: 'evidence' });

    const view = await read(`/v1/claims/${claimId}`);
    expect(view).toMatchObject({
      status: 'corroborated',
      independentSources: 1,
      supports: [
        {
          by: NDR,
          with: [WDR, ZEIT],
          coAuthors: [
            { id: 'wdr', registered: false },
            { id: 'die-zeit', registered: false },
          ],
          jointReporting: 'joint reporting by NDR, WDR and Die Zeit',
          counts: true,
        },
        { by: ZEIT, counts: true },
      ],
    });
    expect(view.supports[1].jointReporting).toBeUndefined();
    expect(view.explanation.summary).toBe(
      'Supported independently by NDR (joint reporting by NDR, WDR and Die Zeit), Die Zeit.',
    );
  });

  it('still counts the co-authors of a joint piece separately in an unrelated piece', async () => {
    const jointClaim = await record();
    await support(jointClaim, NDR, { with: [WDR] });
    const otherClaim = await record({ statement: 'The cable was cut by an anchor.' });
    await support(otherClaim, NDR);
    await support(otherClaim, WDR);

    expect(await read(`/v1/claims/${jointClaim}`)).toMatchObject({ independentSources: 1 });
    expect(await read(`/v1/claims/${otherClaim}`)).toMatchObject({
      status: 'corroborated',
      independentSources: 2,
      supports: [{ counts: true }, { counts: true }],
    });
    // No affiliation follows from writing together.
    await send('/v1/parties', NDR, 'editor');
    expect(await read('/v1/parties/ndr')).toMatchObject({ affiliations: [] });
  });

  it('treats the co-reporters of the claim’s own piece as reporters, and lists them as such', async () => {
    const claimId = await record({ with: [NDR] });
    await support(claimId, NDR, { kind: 'confirmation' });

    expect(await read(`/v1/claims/${claimId}`)).toMatchObject({
      status: 'unverified',
      with: [NDR],
      parties: { with: [{ id: 'ndr' }], jointReporting: 'joint reporting by Der Spiegel and NDR' },
      supports: [{ counts: false, reason: 'NDR co-reported the claim' }],
    });
    const mentioned = await read('/v1/parties/ndr/claims');
    expect(mentioned.items).toContainEqual(expect.objectContaining({ role: 'reporter', claimId }));

    // A correction that removes the co-reporter: NDR's support is independent again.
    await send(
      `/v1/claims/${claimId}/corrections`,
      { changes: { with: null }, reason: 'NDR only quoted it' },
      'editor',
    );
    const corrected = await read(`/v1/claims/${claimId}`);
    expect(corrected).toMatchObject({ status: 'corroborated', supports: [{ counts: true }] });
    expect(corrected.with).toBeUndefined();
    expect(corrected.corrections).toMatchObject([{ changes: { with: null } }]);
  });

  it('keeps each co-author once, drops the piece’s own party from them, and refuses an empty list', async () => {
    const claimId = await record();
    await support(claimId, NDR, { with: [WDR, NDR, WDR] });
    const history = await app.request('GET', `/v1/claims/${claimId}/history`, { as: 'reader' });
    expect(history.body.items.at(-1)).toMatchObject({ type: 'ClaimSupported', data: { by: NDR, with: [WDR] } });
    const empty = await app.request('POST', `/v1/claims/${claimId}/supports`, {
      body: developmentBody(NDR, { kind: 'corroboration', with: [] }),
      as: 'reporter',
    });
    expect(empty.status).toBe(400);
  });

  it('counts two denials from agencies of one government as one voice, and names the group', async () => {
    const claimId = await record();
    await deny(claimId, STATE_DEPARTMENT);
    await deny(claimId, WHITE_HOUSE);
    await deny(claimId, KREMLIN);
    expect(await read(`/v1/claims/${claimId}`)).toMatchObject({ status: 'disputed', independentContradictions: 3 });

    await send('/v1/parties', { id: 'us-government', name: 'US government', kind: 'government' }, 'editor');
    for (const agency of [STATE_DEPARTMENT, WHITE_HOUSE]) {
      await send('/v1/parties', agency, 'editor');
      await send(`/v1/parties/${agency.id}/affiliations`, { partyId: 'us-government', relation: 'part_of' }, 'editor');
    }

    const view = await read(`/v1/claims/${claimId}`);
    expect(view).toMatchObject({
      status: 'disputed',
      independentContradictions: 2,
      contradictionVoices: [
        {
          parties: [{ id: 'state-department' }, { id: 'white-house' }],
          why: 'State Department and White House are both part of US government',
        },
        { parties: [{ id: 'kremlin' }] },
      ],
      contradictions: [{ counts: true }, { counts: true }, { counts: true }],
    });
    expect(view.explanation.summary).toBe(
      'Contradicted by State Department and White House — one voice: State Department and White House are both part of US government; Kremlin.',
    );
  });
});
