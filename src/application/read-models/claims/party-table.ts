import { Party } from '../../../domain/party';

/** Parties the table numbered that no row keeps yet: the generation writes them with the claims that name them. */
export interface NewParties {
  /** The number of the first; the others follow. */
  from: number;
  parties: Party[];
}

/** Where a packed claim's party numbers are read: the worker's table, or a reader's copy of its rows. */
export interface PartyNumbers {
  party(number: number): Party;
}

/**
 * Every party (id, name and kind, as mentioned) the packed claims of a generation name, each once,
 * numbered in the order first met: a packed claim names its parties by number. The projection worker
 * holds one per generation, read back from the generation when it starts, and hands the parties it
 * numbered since the last page written to the next one, so the table's rows commit with the first
 * claims that name them. A party no claim names any more keeps its number: numbers are never reused.
 */
export class PartyTable implements PartyNumbers {
  private readonly parties: Party[] = [];
  /** The number of each id's party; by name for an id mentioned under more than one name. */
  private readonly byId = new Map<string, number | Map<string, number>>();
  /** Parties of an id and name already numbered under another kind, by all three (rare). */
  private readonly otherKinds = new Map<string, number>();
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
    const number = typeof known === 'number' ? known : known?.get(party.name);
    const found = number === undefined ? undefined : this.parties[number];
    if (found?.name === party.name) {
      if (found.kind === party.kind) return number as number;
      const other = this.otherKinds.get(otherKindKey(party));
      if (other !== undefined) return other;
    }
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
    const sameName = typeof known === 'number' ? this.parties[known].name === party.name : known?.has(party.name);
    if (known === undefined) this.byId.set(party.id, number);
    else if (sameName) this.otherKinds.set(otherKindKey(party), number);
    else if (typeof known === 'number')
      this.byId.set(
        party.id,
        new Map([
          [this.parties[known].name, known],
          [party.name, number],
        ]),
      );
    else known.set(party.name, number);
    return number;
  }
}

const otherKindKey = ({ id, name, kind }: Party) => `${kind}\u0000${id}\u0000${name}`;
