import { startTestApp, TestApp } from '../../support/test-app';

describe('POST /v1/extractions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const extract = (body: unknown, as: 'reporter' | 'reader' = 'reporter') =>
    app.request('POST', '/v1/extractions', { body, as });

  it('proposes a quotation with its speaker and cue, with offsets into the text sent, and records nothing', async () => {
    const text = 'Der Minister Jan Novak sagte am Montag: «Wir haben keine Zeit mehr.»';
    const { status, body } = await extract({ text });
    expect(status).toBe(200);
    expect(body.language).toBe('de');
    expect(body.items).toHaveLength(1);
    const [item] = body.items;
    expect(item).toMatchObject({
      type: 'direct',
      quote: { text: '«Wir haben keine Zeit mehr.»' },
      claimant: { name: 'Jan Novak', kind: 'person', registered: false },
      cue: { text: 'sagte' },
      attribution: 'on_record',
    });
    for (const span of [item.quote, item.cue]) expect(text.slice(span.start, span.end)).toBe(span.text);
    // Where the text names the speaker, titles and articles included; the name without them.
    expect(text.slice(item.claimant.start, item.claimant.end)).toBe('Der Minister Jan Novak');
    const events = await app.request('GET', '/v1/events', { as: 'reader' });
    expect(events.body.items).toEqual([]);
  });

  it('answers "und" with nothing proposed for a text in none of its languages, unless a language is sent', async () => {
    const text = 'Министр Ян Новак сказал в понедельник: «У нас больше нет времени».';
    const { status, body } = await extract({ text });
    expect(status).toBe(200);
    expect(body).toEqual({ language: 'und', items: [] });
    const asGerman = await extract({ text, language: 'de' });
    expect(asGerman.body.language).toBe('de');
  });

  it('is for reporters: a reader is refused', async () => {
    const { status } = await extract({ text: 'Er sagte: «Nein.»' }, 'reader');
    expect(status).toBe(403);
  });

  it('answers 413 problem+json for a text over 100,000 characters', async () => {
    const { status, headers, body } = await extract({ text: 'a'.repeat(100_001) });
    expect(status).toBe(413);
    expect(headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(body.detail).toMatch(/100000/);
  });

  it('reads a text of exactly 100,000 characters', async () => {
    const { status } = await extract({ text: 'Wort '.repeat(20_000) });
    expect(status).toBe(200);
  });
  it.each([
    ['no text', {}, 'text'],
    ['a language without a lexicon', { text: 'Er sagte: «Nein.»', language: 'xx' }, 'language'],
    [
      'a source URL that is not http(s)',
      { text: 'Er sagte: «Nein.»', source: { url: 'javascript:alert(1)' } },
      'source.url',
    ],
  ])('answers %s with 400 problem+json naming the field', async (_case, body, field) => {
    const { status, headers, body: problem } = await extract(body);
    expect(status).toBe(400);
    expect(headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(problem.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('answers an unknown storyline with 404 problem+json', async () => {
    const { status, headers, body } = await extract({ text: 'Er sagte: «Nein.»', storylineId: 'no-such-storyline' });
    expect(status).toBe(404);
    expect(headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(body.detail).toMatch(/no-such-storyline/);
  });
});
