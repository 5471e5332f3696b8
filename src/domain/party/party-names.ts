import { asciiLatin } from '../latin-letters';

/**
 * The key two party names are compared by: "Wolodymyr Selenskyj", "WOLODYMYR  SELENSKYJ" and
 * "Wołodymyr Sełenskyj" share one, so an alias registered once matches every spelling of it that
 * differs only in case, accents or spacing. Only for comparing; names are always shown as written.
 */

/** Marks on Latin, Greek and Cyrillic letters are accents; in other scripts (Devanagari…) they are letters' parts. */
const ACCENTS = /(\p{Script=Latin}|\p{Script=Greek}|\p{Script=Cyrillic})\p{M}+/gu;
/** Arabic vowel marks (harakat, superscript alef) and the kashida are optional in writing; hamza and madda are kept. */
const ARABIC_OPTIONAL_MARKS = /[\u064B-\u0652\u0670\u0640]/g;
const SPACES = /\s+/gu;

const MAX_REMEMBERED = 50_000;
const remembered = new Map<string, string>();

/**
 * Unicode NFKC (full-width and compatibility forms), case folding (final ς → σ, İ and ı → i), accents
 * stripped from Latin, Greek and Cyrillic letters, the Latin letters Unicode does not decompose spelled
 * in ASCII as slugs spell them (ł → l, ø → o, ß → ss, æ → ae, þ → th), whitespace collapsed and trimmed.
 */
export function normalizeName(name: string): string {
  const known = remembered.get(name);
  if (known !== undefined) return known;
  const key = asciiLatin(
    name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFD').replace(ACCENTS, '$1').normalize('NFC'),
  )
    .toLowerCase()
    .replace(ARABIC_OPTIONAL_MARKS, '')
    .replace(SPACES, ' ')
    .trim();
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(name, key);
  return key;
}

/** The names with one spelling per key (the first given), leaving out those that match `taken`. */
export function distinctNames(names: Iterable<string>, taken: Iterable<string> = []): string[] {
  const seen = new Set<string>();
  for (const name of taken) seen.add(normalizeName(name));
  const kept: string[] = [];
  for (const name of names) {
    const key = normalizeName(name);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(name);
  }
  return kept;
}
