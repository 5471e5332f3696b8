import { Party } from '../../../domain/party';

/** Parties the table numbered that no row keeps yet: the generation writes them with the claims that name them. */
export interface NewParties {
  /** The number of the first; the others follow. */
  from: number;
  parties: Party[];
}

/**
 * Every party (id, name and kind, as mentioned) the packed claims of a generation name, each once,
 * numbered in the order first met: a packed claim names its parties by number. The projection worker
 * holds one per generation, read back from the generation when it starts, and hands the parties it
 * numbered since the last page written to the next one, so the table's rows commit with the first
 * claims that name them. A party no claim names any more keeps its number: numbers are never reused.
 */
export class PartyTable {
  private readonly parties: Party[] = [];
  /** The number of each id's party; by name and kind for an id mentioned as more than one party. */
  private readonly byId = new Map<string, number | Map<string, number>>();
  private saved = 0;

  /** `stored`: the table as the generation keeps it, in number order from 0. */
  constructor(stored: readonly Party[] = []) {
    for (const party of stored) this.add(party);
    this.saved = this.parties.length;
  }

  get size(): number {
    return this.parties.length;
  }

  numberOf(party: Party): number {
    const known = this.byId.get(party.id);
    const number = typeof known === 'number' ? known : known?.get(nameAndKind(party));
    if (number !== undefined && this.parties[number].name === party.name && this.parties[number].kind === party.kind)
      return number;
    return this.add({ id: party.id, name: party.name, kind: party.kind });
  }

  /** The party of a number the table gave; one object for every claim that names it. */
  party(number: number): Party {
    const party = this.parties[number];
    if (!party) throw new Error(`the party table has no party ${number}`);
    return party;
  }

  /** The parties numbered since the last `markSaved`. */
  unsaved(): NewParties {
    return { from: this.saved, parties: this.parties.slice(this.saved) };
  }

  /** After a page with `unsaved()`'s parties is written: they are kept. */
  markSaved({ from, parties }: NewParties): void {
    this.saved = Math.max(this.saved, from + parties.length);
  }

  private add(party: Party): number {
    const number = this.parties.length;
    this.parties.push(party);
    const known = this.byId.get(party.id);
    if (known === undefined) this.byId.set(party.id, number);
    else if (typeof known === 'number') {
      const other = this.parties[known];
      this.byId.set(
        party.id,
        new Map([
          [nameAndKind(other), known],
          [nameAndKind(party), number],
        ]),
      );
    } else known.set(nameAndKind(party), number);
    return number;
  }
}

const nameAndKind = ({ name, kind }: Party) => `${kind}\u0000${name}`;
