import { startTestApp, TestApp } from '../../support/test-app';

/** English news as this project's own texts: the patterns of item 3 of the capture issue. */
const REPORT = [
  '"We are not going to give up," said Anna Keller, the mayor of Linden.',
  'She added: "Nobody in this town wants a new road."',
  'The ministry said that the bridge would reopen in May.',
  'According to the police, three people were injured in the crash.',
  'A senior official, who spoke on condition of anonymity, said the talks had collapsed.',
  'Two officials told the Herald that the deal was off.',
  'The ministry denied the report.',
].join(' ');

interface Item {
  type: string;
  quote: { text: string };
  claimant?: { name: string; start?: number; end?: number; partyId?: string; registered: boolean };
  attribution: string;
  anonymousSourceCount?: number;
  development?: { kind: string; of: { item: number } };
}

describe('POST /v1/extractions on English news', () => {
  let app: TestApp;
  let items: Item[];
  let language: string;

  beforeAll(async () => {
    app = await startTestApp();
    const registered = await app.request('POST', '/v1/parties', {
      as: 'editor',
      body: { id: 'anna-keller', name: 'Anna Keller', kind: 'person', aliases: ['Mayor Keller'] },
    });
    expect(registered.status).toBe(201);
    await app.request('GET', `/v1/parties/anna-keller?minPosition=${registered.body.position}`, { as: 'reader' });
    const { status, body } = await app.request('POST', '/v1/extractions', { body: { text: REPORT } });
    expect(status).toBe(200);
    ({ items, language } = body);
  });
  afterAll(() => app.close());

  const quoting = (words: string) => {
    const found = items.find((item) => item.quote.text.includes(words));
    if (!found)
      throw new Error(`no proposal quotes "${words}" in ${JSON.stringify(items.map((item) => item.quote.text))}`);
    return found;
  };

  it('detects English when no language is sent', () => {
    expect(language).toBe('en');
  });

  it('reads "…," said X as a direct quotation of X, resolved against the registry', () => {
    expect(quoting('We are not going to give up')).toMatchObject({
      type: 'direct',
      claimant: { name: 'Anna Keller', partyId: 'anna-keller', registered: true },
      attribution: 'on_record',
    });
  });

  it('reads X said that … and according to X as indirect speech of X', () => {
    expect(quoting('the bridge would reopen')).toMatchObject({ type: 'indirect', claimant: { name: 'ministry' } });
    expect(quoting('three people were injured')).toMatchObject({ type: 'indirect', claimant: { name: 'police' } });
  });

  it('marks a speaker who spoke on condition of anonymity, and counts the unnamed sources it is given', () => {
    expect(quoting('the talks had collapsed')).toMatchObject({
      type: 'indirect',
      claimant: { name: 'senior official' },
      attribution: 'anonymous',
    });
    expect(quoting('the deal was off')).toMatchObject({
      claimant: { name: 'Two officials', registered: false },
      attribution: 'anonymous',
      anonymousSourceCount: 2,
    });
  });

  it('resolves "she" to the person named before it, at the pronoun', () => {
    const added = quoting('Nobody in this town');
    expect(added.claimant?.name).toBe('Anna Keller');
    expect(REPORT.slice(added.claimant?.start, added.claimant?.end)).toBe('She');
  });

  it('reads a denial as a contradiction of the report before it', () => {
    const denial = quoting('The ministry denied the report');
    expect(denial.development?.kind).toBe('contradiction');
    expect(items[denial.development?.of.item as number].quote.text).toContain('the deal was off');
  });
});
