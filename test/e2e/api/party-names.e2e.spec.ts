import { appendDirectly } from '../../support/direct-append';
import { dumpReadModels } from '../../support/read-model-tables';
import { readModelPathOf } from '../../support/read-model-path';
import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { expectProblem } from '../../support/problem-response';
import { makeTempDir, startTestApp, TestApp } from '../../support/test-app';
import { waitForLiveProjections } from '../../support/workload';

const OCCURRED_AT = '2026-01-20T10:00:00+01:00';

/** What the release before ASCII slugs stored: ids derived from names and titles kept ł, ø, đ, ß … */
async function writeAsTheOlderRelease(sqlitePath: string): Promise<void> {
  await appendDirectly(sqlitePath, 'party-łukasz-kowalski', [
    {
      type: 'PartyRegistered',
      data: { partyId: 'łukasz-kowalski', name: 'Łukasz Kowalski', kind: 'person', aliases: [] },
    },
  ]);
  await appendDirectly(sqlitePath, 'storyline-łodz', [
    { type: 'StorylineOpened', data: { storylineId: 'łodz', title: 'Łódź', summary: '', tags: [] } },
  ]);
  await appendDirectly(sqlitePath, 'claim-łodz-budżet', [
    {
      type: 'ClaimRecorded',
      data: {
        claimId: 'łodz-budżet',
        storylineId: 'łodz',
        statement: 'Budżet miasta jest zrównoważony.',
        language: 'pl',
        claimant: { id: 'łukasz-kowalski', name: 'Łukasz Kowalski', kind: 'person' },
        attribution: 'on_record',
        occurredAt: OCCURRED_AT,
        tags: [],
      },
    },
    {
      type: 'ClaimSupported',
      // The name as the reporter typed it matches no registered name: only the id can lead to the party.
      data: {
        claimId: 'łodz-budżet',
        by: { id: 'radosław-sikorski', name: 'R. S.', kind: 'person' },
        kind: 'corroboration',
        occurredAt: OCCURRED_AT,
      },
    },
  ]);
}

describe('party names: ASCII slugs for Latin letters, old ids kept, one party per name (issue 22, items 8 and 9)', () => {
  let app: TestApp;
  let last = 0;
  const send = async (method: string, url: string, body: unknown) => {
    const response = await app.request(method, url, { body, as: 'editor' });
    if (response.status < 300) last = Math.max(last, response.body.position);
    return response;
  };
  const read = async (url: string) => {
    const response = await app.request('GET', `${url}?minPosition=${last}`, { as: 'reader' });
    expect({ url, status: response.status }).toEqual({ url, status: 200 });
    return response.body;
  };

  beforeAll(async () => {
    const dir = makeTempDir();
    await writeAsTheOlderRelease(`${dir}/factline.db`);
    app = await startTestApp({ dir });
  });
  afterAll(() => app.close());

  describe('slugs and resolution', () => {
    it('derives the id radoslaw-sikorski from "Radosław Sikorski", and a support by that name meets the party', async () => {
      const registered = await send('POST', '/v1/parties', { name: 'Radosław Sikorski', kind: 'person' });
      expect(registered.status).toBe(201);
      expect(registered.body.id).toBe('radoslaw-sikorski');
      expect(registered.headers.get('location')).toBe('/v1/parties/radoslaw-sikorski');

      const storyline = await send('POST', '/v1/storylines', storylineBody({ title: 'Łódź i Kraków' }));
      expect(storyline.body.id).toBe('lodz-i-krakow');
      const claim = await send('POST', `/v1/storylines/${storyline.body.id}/claims`, claimBody());
      const supported = await send(
        'POST',
        `/v1/claims/${claim.body.id}/supports`,
        developmentBody(party('Radosław Sikorski'), { kind: 'corroboration' }),
      );
      expect(supported.status).toBe(201);

      expect(await read(`/v1/claims/${claim.body.id}`)).toMatchObject({
        supports: [{ party: { id: 'radoslaw-sikorski', name: 'Radosław Sikorski', registered: true } }],
      });
    });

    it('resolves a mention stored with the older id radosław-sikorski to the registered radoslaw-sikorski', async () => {
      const view = await read('/v1/claims/łodz-budżet');
      expect(view).toMatchObject({
        supports: [{ party: { id: 'radoslaw-sikorski', name: 'Radosław Sikorski', registered: true } }],
      });
      expect((await read('/v1/parties/radoslaw-sikorski/claims')).items).toEqual(
        expect.arrayContaining([expect.objectContaining({ claimId: 'łodz-budżet', role: 'supporter' })]),
      );
    });

    it('keeps answering the storyline, the claim and the party under the ids the older release stored', async () => {
      expect(await read('/v1/storylines/łodz')).toMatchObject({ id: 'łodz', title: 'Łódź' });
      expect(await read('/v1/claims/łodz-budżet')).toMatchObject({
        id: 'łodz-budżet',
        storylineId: 'łodz',
        parties: { claimant: { id: 'łukasz-kowalski', registered: true } },
      });
      expect(await read('/v1/parties/łukasz-kowalski')).toMatchObject({ id: 'łukasz-kowalski' });
      const revised = await send('PATCH', '/v1/storylines/łodz', { summary: 'Budżet 2026' });
      expect(revised.status).toBe(200);
    });

    it('registers no second party for a name the older release registered under its older id', async () => {
      expectProblem(
        await send('POST', '/v1/parties', { name: 'Łukasz Kowalski', kind: 'person' }),
        409,
        /"Łukasz Kowalski" already answers to party łukasz-kowalski \(Łukasz Kowalski\) as the name/,
      );
      expectProblem(
        await send('POST', '/v1/parties', { id: 'lukasz-kowalski', name: 'Ł. K.', kind: 'person' }),
        409,
        /the id lukasz-kowalski already answers to party łukasz-kowalski/,
      );
    });
  });

  describe('one party per name', () => {
    beforeAll(async () => {
      const registered = await send('POST', '/v1/parties', {
        id: 'us-government',
        name: 'US government',
        kind: 'government',
        aliases: ['US-Regierung'],
      });
      expect(registered.status).toBe(201);
    });

    it('answers 409 to a second party with a taken alias, naming the party and pointing at the merge', async () => {
      const response = await send('POST', '/v1/parties', {
        id: 'us-administration',
        name: 'US administration',
        kind: 'government',
        aliases: ['us regierung'.toUpperCase().replace(' ', '-')],
      });
      expectProblem(
        response,
        409,
        /^"US-REGIERUNG" already answers to party us-government \(US government\) as an alias; .*PATCH \/v1\/parties\/us-government/,
      );
      expect((await app.request('GET', '/v1/parties/us-administration', { as: 'reader' })).status).toBe(404);
    });

    it('answers 409 to a revision that takes another party’s name, with the merge to send', async () => {
      expect(
        (await send('POST', '/v1/parties', { id: 'white-house', name: 'White House', kind: 'government' })).status,
      ).toBe(201);
      for (const body of [{ addAliases: ['US Regierung', 'US-Regierung'] }, { name: 'US Government' }]) {
        expectProblem(
          await send('PATCH', '/v1/parties/white-house', body),
          409,
          /already answers to party us-government \(US government\).*POST \/v1\/parties\/white-house\/merge with \{"into": "us-government"\}/,
        );
      }
    });

    it('lets a party take again its own names, and a merged duplicate’s names stay with the party it went into', async () => {
      const own = await send('PATCH', '/v1/parties/us-government', {
        name: 'US-Regierung',
        addAliases: ['US Government'],
      });
      expect(own.status).toBe(200);
      const merged = await send('POST', '/v1/parties/white-house/merge', { into: 'us-government' });
      expect(merged.status).toBe(201);
      expect((await send('PATCH', '/v1/parties/us-government', { addAliases: ['white house'] })).status).toBe(200);
      expectProblem(
        await send('POST', '/v1/parties', { id: 'the-white-house', name: 'WHITE HOUSE', kind: 'government' }),
        409,
        /answers to party us-government \(US-Regierung\)/,
      );
    });

    it('lets one of several registrations of one name at once through, and answers the others 409', async () => {
      const responses = await Promise.all(
        ['a', 'b', 'c', 'd', 'e'].map((suffix) =>
          app.request('POST', '/v1/parties', {
            body: { id: `kremlin-${suffix}`, name: 'Kremlin', kind: 'government' },
            as: 'editor',
          }),
        ),
      );

      expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409]);
      const winner = responses.find((response) => response.status === 201)?.body.id;
      for (const response of responses.filter((each) => each.status === 409)) {
        expectProblem(response, 409, new RegExp(`"Kremlin" already answers to party ${winner} \\(Kremlin\\)`));
      }
    });
  });

  it('builds the same read models on a rebuild as it did live, the older ids’ mentions included', async () => {
    await read('/v1/storylines/łodz');
    const readModelPath = readModelPathOf(app.sqlitePath);
    const live = dumpReadModels(readModelPath);
    expect((await app.request('POST', '/v1/projections/claims/rebuild', { as: 'admin' })).status).toBe(202);
    await waitForLiveProjections(app);
    const rebuilt = dumpReadModels(readModelPath);

    expect(rebuilt.generation).toBe(live.generation + 1);
    expect(rebuilt.tables).toEqual(live.tables);
  });
});
