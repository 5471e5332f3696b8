import { DESK_LOCALE } from './time';

const RIGHT_TO_LEFT_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'ku',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);
const RIGHT_TO_LEFT_SCRIPTS = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg', 'mand', 'samr']);

export interface TextLanguage {
  lang?: string;
  dir: 'ltr' | 'rtl' | 'auto';
}

/**
 * The attributes for text written in a claim's language: `lang` for screen readers and
 * hyphenation, `dir` so Arabic or Hebrew reads right to left. `und` (unknown) lets the browser guess.
 */
export function textLanguage(language: string | undefined): TextLanguage {
  if (!language || language === 'und') return { dir: 'auto' };
  const [primary, ...subtags] = language.toLowerCase().split('-');
  const script = subtags.find((subtag) => subtag.length === 4);
  const rtl = script ? RIGHT_TO_LEFT_SCRIPTS.has(script) : RIGHT_TO_LEFT_LANGUAGES.has(primary);
  return { lang: language, dir: rtl ? 'rtl' : 'ltr' };
}

/** Language names in the desk's language ("German"), never the browser's ("Deutsch"). */
const languageNames = (() => {
  try {
    return new Intl.DisplayNames(DESK_LOCALE, { type: 'language' });
  } catch {
    return undefined;
  }
})();

export function languageName(language: string | undefined): string {
  if (!language || language === 'und') return 'language not given';
  try {
    return languageNames?.of(language) ?? language;
  } catch {
    return language;
  }
}
