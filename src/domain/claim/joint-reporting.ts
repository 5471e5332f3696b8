import { Party } from '../party';
import { ResolvedParty } from '../party/party-registry';
import { DomainError } from '../domain-error';
import { idKey } from '../slug';

/**
 * A piece of joint reporting is the claim record or the development that names `with`: its party and
 * its co-authors wrote it together. They are one source for that piece only: their other pieces,
 * in this claim or another, are weighed as each party's own.
 */
export const authorsOf = (by: Party, coAuthors: readonly Party[] = []): Party[] => [by, ...coAuthors];

/** A co-author named twice, or the piece's own party named among its co-authors, is refused. */
export function checkCoAuthors(authors: readonly Party[], coAuthors: readonly Party[] | undefined): void {
  if (!coAuthors) return;
  const seen = new Set(authors.map((party) => idKey(party.id)));
  for (const coAuthor of coAuthors) {
    if (seen.has(idKey(coAuthor.id))) {
      throw new DomainError('rejected', `with: ${coAuthor.id} is named twice among the piece's authors`);
    }
    seen.add(idKey(coAuthor.id));
  }
}

/** "A, B and C". */
export function listInWords(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "joint reporting by NDR, WDR and Die Zeit". */
export const jointReportingInWords = (authors: readonly ResolvedParty[]): string =>
  `joint reporting by ${listInWords([...new Set(authors.map((party) => party.name))])}`;
