import { claimReviewedOf, cutAtWord } from '../../../src/application/claim-reviews/claim-reviewed';
import { ftReport } from '../domain/claim-fixtures';

const words = (text: string) => new Set(text.replace(/…$/, '').split(' '));

describe("ClaimReview's claimReviewed", () => {
  it('is the summary when the claim has one', () => {
    expect(claimReviewedOf({ ...ftReport, summary: 'USA: Garantien gegen Donbass' })).toBe(
      'USA: Garantien gegen Donbass',
    );
  });

  it('is the statement as it is when short enough', () => {
    expect(claimReviewedOf(ftReport)).toBe(ftReport.statement);
  });

  it('cuts a long statement between words, with an ellipsis, at most 75 characters', () => {
    const statement =
      'Die USA machen Sicherheitsgarantien für die Ukraine von der Abtretung des restlichen Donbass abhängig, sagen acht Insider.';
    const cut = cutAtWord(statement, 'de', 75);
    expect(cut).toBe('Die USA machen Sicherheitsgarantien für die Ukraine von der Abtretung des…');
    expect([...cut].length).toBeLessThanOrEqual(75);
    for (const word of words(cut)) expect(statement.split(/[ ,.]/)).toContain(word);
  });

  it('drops a dangling comma or dash before the ellipsis', () => {
    expect(cutAtWord('One two three, four five six seven', 'en', 17)).toBe('One two three…');
    expect(cutAtWord('Alpha beta – gamma delta epsilon', 'en', 14)).toBe('Alpha beta…');
  });

  it('counts characters, not UTF-16 units, and cuts Cyrillic and Polish between words', () => {
    const ukrainian = 'Документ про гарантії безпеки готовий на сто відсотків, заявив президент України у Давосі.';
    const cut = cutAtWord(ukrainian, 'uk', 40);
    expect(cut).toBe('Документ про гарантії безпеки готовий…');
    expect(cutAtWord('Zażółć gęślą jaźń — zdanie testowe z polskimi znakami', 'pl', 20)).toBe('Zażółć gęślą jaźń…');
  });

  it('never cuts inside a word: a first word longer than the limit is kept whole', () => {
    const compound = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller';
    expect(cutAtWord(`${compound} lügt`, 'de', 20)).toBe(`${compound}…`);
  });

  it('cuts Japanese between words although it has no spaces', () => {
    const japanese = '米国は安全保障の保証をウクライナがドンバスの残りを割譲することに結びつけている';
    const cut = cutAtWord(japanese, 'ja', 12);
    const boundaries = new Set(
      [...new Intl.Segmenter('ja', { granularity: 'word' }).segment(japanese)].map(({ index }) => index),
    );
    expect(cut.endsWith('…')).toBe(true);
    expect(boundaries.has(cut.length - 1)).toBe(true);
    expect([...cut].length).toBeLessThanOrEqual(12);
  });
});
