import { languageName, textLanguage } from '../../../desk/src/format/language';

describe('the lang and dir of a statement', () => {
  it.each([
    ['de', { lang: 'de', dir: 'ltr' }],
    ['pl', { lang: 'pl', dir: 'ltr' }],
    ['uk', { lang: 'uk', dir: 'ltr' }],
    ['ar', { lang: 'ar', dir: 'rtl' }],
    ['he', { lang: 'he', dir: 'rtl' }],
    ['fa-IR', { lang: 'fa-IR', dir: 'rtl' }],
    ['az-Arab', { lang: 'az-Arab', dir: 'rtl' }],
    ['ku-Latn', { lang: 'ku-Latn', dir: 'ltr' }],
    ['vi', { lang: 'vi', dir: 'ltr' }],
    ['zh-Hans', { lang: 'zh-Hans', dir: 'ltr' }],
  ])('%s reads %j', (language, expected) => {
    expect(textLanguage(language)).toEqual(expected);
  });

  it('leaves an undetermined language to the browser', () => {
    expect(textLanguage('und')).toEqual({ dir: 'auto' });
    expect(textLanguage(undefined)).toEqual({ dir: 'auto' });
  });
});

describe('a language named on the desk', () => {
  it('names it in English, whatever the browser speaks', () => {
    expect(languageName('de')).toBe('German');
    expect(languageName('en')).toBe('English');
    expect(languageName('und')).toBe('language not given');
  });
});
