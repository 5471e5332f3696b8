import { startTestApp, TestApp } from '../../support/test-app';

/** Generous: the suite runs beside other work on two cores; what is asserted is that each text completes. */
const DEADLINE_MS = 60_000;
const LIMIT = 100_000;

/** Every code point of the Basic Multilingual Plane that is not a control or a surrogate, and a stride of the others. */
function everyScript(): string[] {
  const characters: string[] = [];
  for (let code = 0x20; code <= 0x10ffff; code += code > 0xffff ? 97 : 1) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const character = String.fromCodePoint(code);
    if (/\p{Cc}|\p{Cn}/u.test(character)) continue;
    characters.push(character);
  }
  const texts: string[] = [];
  let text = '';
  for (const character of characters) {
    if (text.length + character.length > LIMIT) {
      texts.push(text);
      text = '';
    }
    text += character;
  }
  return [...texts, text];
}

const HOSTILE: Array<[string, string]> = [
  ['100,000 opening marks', '„'.repeat(LIMIT)],
  ['100,000 straight double quotes', '"'.repeat(LIMIT)],
  ['every mark of every language, over and over', '„“”»«‚‘’‹›"\''.repeat(LIMIT / 12)],
  ['quotations nested 10,000 deep and never closed', '„Er sagte: »'.repeat(LIMIT / 12)],
  ['unbalanced quotations on every line', 'Sie sagte: „Nein. Er sagte: »Doch«\n'.repeat(LIMIT / 40)],
  ['100,000 characters without a full stop', 'laut der Regierung sagte er dass '.repeat(LIMIT / 33)],
  ['one word of 100,000 letters', 'a'.repeat(LIMIT)],
  ['100,000 spaces', ' '.repeat(LIMIT)],
  ['100,000 line breaks', '\n'.repeat(LIMIT)],
  ['capitalised words only', 'Der Sprecher Des Ministeriums '.repeat(LIMIT / 30)],
  ['emoji and astral letters', '😀𝔘𝔫𝔦𝔠𝔬𝔡𝔢 „𝒬𝓊𝑜𝓉𝑒“ '.repeat(LIMIT / 40)],
  ...everyScript().map((text, index): [string, string] => [`every script, part ${index + 1}`, text]),
];

describe('POST /v1/extractions on hostile text', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it.each(HOSTILE)(
    'completes on %s, with every span the words at its offsets',
    async (_name, text) => {
      expect(text.length).toBeLessThanOrEqual(LIMIT);
      const { status, body } = await app.request('POST', '/v1/extractions', { body: { text, language: 'de' } });
      expect(status).toBe(200);
      for (const item of body.items) {
        expect(text.slice(item.quote.start, item.quote.end)).toBe(item.quote.text);
      }
    },
    DEADLINE_MS,
  );
});
