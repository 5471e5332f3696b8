import { Party } from '../party';
import { ResolvedParty } from '../party/party-registry';
import { idKey } from '../slug';

/**
 * A piece of joint reporting is the claim record or the development that names `with`: its party and
 * its co-authors wrote it together. They are one source for that piece only: their other pieces,
 * in this claim or another, are weighed as each party's own.
 */
export const authorsOf = (by: Party, coAuthors: readonly Party[] = []): Party[] => [by, ...coAuthors];

/**
 * The co-authors as the event keeps them: each once, and none that is already an author of the piece
 * (its party; for a claim, the claimant or the reporter). Undefined when none is left.
 */
export function distinctCoAuthors(authors: readonly Party[], coAuthors: readonly Party[] | undefined) {
  const seen = new Set(authors.map((party) => idKey(party.id)));
  const distinct = (coAuthors ?? []).filter((coAuthor) => {
    const key = idKey(coAuthor.id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return distinct.length > 0 ? distinct : undefined;
}

/** "A, B and C". */
export function listInWords(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "joint reporting by NDR, WDR and Die Zeit". */
export const jointReportingInWords = (authors: readonly ResolvedParty[]): string =>
  `joint reporting by ${listInWords([...new Set(authors.map((party) => party.name))])}`;
