/**
 * "Did you mean …?" before a near-duplicate is registered. The server decides whether two names are
 * the same (a 409); the desk only warns about names that are close to a registered one but not the
 * same, so an approximation of the server's folding is enough here: NFKC, case, accents on Latin,
 * Greek and Cyrillic letters, the common Latin letters Unicode does not decompose, and spacing.
 */

const ACCENTS = /(\p{Script=Latin}|\p{Script=Greek}|\p{Script=Cyrillic})\p{M}+/gu;
const UNDECOMPOSED: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};
const UNDECOMPOSED_LETTERS = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'gu');
const SPACES = /\s+/gu;

export function foldName(name: string): string {
  return name
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFD')
    .replace(ACCENTS, '$1')
    .normalize('NFC')
    .replace(UNDECOMPOSED_LETTERS, (letter) => UNDECOMPOSED[letter] ?? letter)
    .replace(SPACES, ' ')
    .trim();
}

/** Levenshtein distance, giving up (returning `limit + 1`) once every path costs more than `limit`. */
export function editDistance(first: string, second: string, limit: number): number {
  const [a, b] = [[...first], [...second]];
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, previous[j] + 1, current[j - 1] + 1));
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** How many edits still read as a slip of the keyboard: none for short names, two for long ones. */
function slipsAllowed(length: number): number {
  if (length < 4) return 0;
  return length < 10 ? 1 : 2;
}

export interface NamedParty {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface NearName<P extends NamedParty> {
  party: P;
  /** The party's name or alias the typed name is close to. */
  close: string;
}

/**
 * The parties with a name or alias a slip away from `typed`, the closest first; none when one
 * answers to `typed` itself (that is the party, not a near-duplicate).
 */
export function nearNames<P extends NamedParty>(typed: string, parties: readonly P[]): NearName<P>[] {
  const key = foldName(typed);
  const limit = slipsAllowed([...key].length);
  const found: Array<NearName<P> & { distance: number }> = [];
  for (const party of parties) {
    let best: { close: string; distance: number } | undefined;
    for (const name of [party.name, ...party.aliases]) {
      const distance = editDistance(key, foldName(name), limit);
      if (distance === 0) return [];
      if (distance <= limit && (!best || distance < best.distance)) best = { close: name, distance };
    }
    if (best) found.push({ party, ...best });
  }
  return found.sort((a, b) => a.distance - b.distance).map(({ party, close }) => ({ party, close }));
}

/** The words of a name worth searching for candidates by: the first letters of its longer words. */
export function candidateQueries(typed: string): string[] {
  const words = foldName(typed)
    .split(/[\s\-–—.,'’]+/u)
    .filter((word) => [...word].length >= 4);
  const prefixes = words.map((word) => [...word].slice(0, 4).join(''));
  return [...new Set(prefixes)].slice(0, 3);
}
