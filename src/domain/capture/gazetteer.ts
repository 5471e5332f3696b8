import { PartyKind } from '../party/party-mention';
import { normalizeName } from '../party/party-names';

/** A registered party with every name it goes by, to recognise speakers. */
export interface GazetteerEntry {
  partyId: string;
  name: string;
  kind: PartyKind;
  names: readonly string[];
}

export interface RegisteredMatch {
  entry: GazetteerEntry;
  start: number;
  end: number;
}

/** Looks names up by their key (normalizeName), and by the last word of a person's name ("Selenskyj"). */
export class Gazetteer {
  private readonly byKey = new Map<string, GazetteerEntry>();
  private readonly bySurname = new Map<string, GazetteerEntry | null>();

  constructor(entries: readonly GazetteerEntry[]) {
    for (const entry of entries) {
      for (const name of [entry.name, ...entry.names]) {
        const key = normalizeName(name);
        if (key) this.byKey.set(key, entry);
        const surname = key.split(' ');
        if (entry.kind === 'person' && surname.length > 1) {
          const last = surname[surname.length - 1];
          // A surname two people share resolves to neither.
          const known = this.bySurname.get(last);
          this.bySurname.set(last, known === undefined || known === entry ? entry : null);
        }
      }
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The registered party a name stands for: the whole name, or a person's surname alone. */
  find(name: string): GazetteerEntry | undefined {
    const key = normalizeName(name);
    const whole = this.byKey.get(key);
    if (whole) return whole;
    const words = key.split(' ');
    for (let from = 1; from < words.length; from++) {
      const tail = this.byKey.get(words.slice(from).join(' '));
      if (tail) return tail;
    }
    return this.bySurname.get(words[words.length - 1]) ?? undefined;
  }
}
