import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { startTestApp, TestApp, TestResponse } from '../../support/test-app';

/** Titles as desks in Kyiv, Łódź, Hanoi, Tokyo and Jerusalem type them; Latin letters spelled in ASCII in derived ids. */
const PLACES = [
  { title: 'Україна', id: 'україна', claimId: 'заява-президента', claimant: 'Володимир Зеленський' },
  { title: 'Łódź', id: 'lodz', claimId: 'łódź-oświadczenie', claimant: 'Hanna Zdanowska' },
  { title: 'Đà Nẵng', id: 'da-nang', claimId: 'tuyên-bố-đà-nẵng', claimant: 'Nguyễn Văn Quảng' },
  { title: '東京', id: '東京', claimId: '東京の声明', claimant: '小池百合子' },
  { title: 'القدس', id: 'القدس', claimId: 'بيان-القدس', claimant: 'وزارة الخارجية' },
];

const decodedLocation = (response: TestResponse) => decodeURIComponent(response.headers.get('location') ?? '');

describe('a stored write is answered as a success, whatever the script of its ids (issue 8, item 1)', () => {
  let app: TestApp;

  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app.close());

  /** Sends once with an Idempotency-Key, then again: the same answer, replayed, and one append. */
  async function sendTwice(method: string, url: string, body: unknown, key: string, as: 'reporter' | 'editor') {
    // Keys are tokens of ASCII letters, digits and . _ : @ / + = -, so the id goes in base64url.
    const headers = { 'idempotency-key': Buffer.from(key).toString('base64url') };
    const first = await app.request(method, url, { body, headers, as });
    const again = await app.request(method, url, { body, headers, as });
    expect({ url, status: first.status }).toEqual({ url, status: method === 'PATCH' ? 200 : 201 });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    return first;
  }

  describe.each(PLACES)('$title', ({ title, id, claimId, claimant }) => {
    const by = party(claimant, 'person');
    const claimPath = `/v1/claims/${claimId}`;

    it('opens the storyline with 201 and a percent-encoded Location that leads to it', async () => {
      const response = await app.request('POST', '/v1/storylines', { body: storylineBody({ title }) });
      expect(response.status).toBe(201);
      expect(response.body.id).toBe(id);
      expect(response.headers.get('location')).toMatch(/^[\x21-\x7e]+$/);
      expect(decodedLocation(response)).toBe(`/v1/storylines/${id}`);
      const view = await app.request(
        'GET',
        `${response.headers.get('location')}?minPosition=${response.body.position}`,
        {
          as: 'reader',
        },
      );
      expect(view.status).toBe(200);
      expect(view.body.title).toBe(title);
    });

    it('opens a second storyline under an Idempotency-Key, and the retry gets the same answer', async () => {
      const response = await sendTwice(
        'POST',
        '/v1/storylines',
        storylineBody({ title: `${title} 2` }),
        `open-${id}`,
        'reporter',
      );
      expect(decodedLocation(response)).toBe(`/v1/storylines/${response.body.id}`);
    });

    it('revises the storyline, also under an Idempotency-Key', async () => {
      const revised = await app.request('PATCH', `/v1/storylines/${id}`, { body: { summary: `${title}: summary` } });
      expect(revised.status).toBe(200);
      expect(revised.headers.get('etag')).toBe('"1"');
      await sendTwice('PATCH', `/v1/storylines/${id}`, { title: `${title} (revised)` }, `revise-${id}`, 'reporter');
    });

    it('records a claim with a client-chosen id in the same script, and one under an Idempotency-Key', async () => {
      const body = claimBody({ id: claimId, statement: `${title}: ${claimant}`, claimant: by, language: 'und' });
      const response = await app.request('POST', `/v1/storylines/${id}/claims`, { body });
      expect(response.status).toBe(201);
      expect(response.body.id).toBe(claimId);
      expect(decodedLocation(response)).toBe(claimPath);
      const view = await app.request(
        'GET',
        `${response.headers.get('location')}?minPosition=${response.body.position}`,
        {
          as: 'reader',
        },
      );
      expect(view.body.statement).toBe(`${title}: ${claimant}`);

      const keyed = claimBody({ id: `${claimId}-2`, statement: title, claimant: by });
      const first = await sendTwice('POST', `/v1/storylines/${id}/claims`, keyed, `record-${claimId}`, 'reporter');
      expect(decodedLocation(first)).toBe(`${claimPath}-2`);
    });

    it('answers every development on that claim with 201, each retry of a keyed one replayed', async () => {
      const developments: Array<[string, unknown, 'reporter' | 'editor']> = [
        [
          'supports',
          developmentBody(party(`${claimant} (AP)`, 'media'), { kind: 'corroboration', note: title }),
          'reporter',
        ],
        ['contradictions', developmentBody(party(`${title} government`, 'government'), { kind: 'denial' }), 'reporter'],
        ['corrections', { changes: { statement: `${title} — ${claimant}` }, reason: `${title}: typo` }, 'editor'],
        ['verdict', { verdict: 'unproven', rationale: `${title}: no evidence either way` }, 'editor'],
        ['retraction', developmentBody(by, { note: title }), 'reporter'],
      ];
      for (const [path, body, as] of developments) {
        const plain = await app.request('POST', `${claimPath}/${path}`, { body, as });
        expect({ path, status: plain.status }).toEqual({ path, status: 201 });
        expect(plain.body.id).toBe(claimId);
        if (path !== 'retraction') await sendTwice('POST', `${claimPath}/${path}`, body, `${path}-${claimId}`, as);
      }
      await sendTwice('POST', `${claimPath}-2/retraction`, developmentBody(by), `retraction-${claimId}-2`, 'reporter');
    });
  });
});
