import { PartyKind } from '../party/party-mention';
import { Gazetteer } from './gazetteer';
import { ProposedAttribution, ProposedClaimant, ProposedParty } from './proposal';
import { SpeakerPhrase } from './speaker-phrase';
import { TextReading } from './text-reading';

/** Who is speaking at a point of the text, and how they are attributed: what a following claim inherits. */
export interface Attributed {
  claimant?: ProposedClaimant;
  attribution: ProposedAttribution;
  anonymousSourceCount?: number;
  reportedBy?: ProposedParty;
}

export const UNATTRIBUTED: Attributed = { attribution: 'unattributed' };

/** Builds speakers from phrases: resolves names against the registry and pronouns against the last person named. */
export class Claimants {
  private lastPerson?: ProposedClaimant;
  /** Speakers named so far, the latest last. */
  private readonly named: ProposedClaimant[] = [];

  constructor(
    private readonly reading: TextReading,
    private readonly gazetteer: Gazetteer,
  ) {}

  /** The speaker a phrase names; a pronoun stands for the last person named, at the pronoun's place. */
  of(phrase: SpeakerPhrase): ProposedClaimant | undefined {
    const { text } = this.reading;
    const start = phrase.words[0].start;
    const end = phrase.words[phrase.words.length - 1].end;
    if (phrase.pronoun) {
      // "Die Polizei … Sie teilte mit": with no person named yet, the last party named.
      const antecedent = this.lastPerson ?? this.named[this.named.length - 1];
      if (antecedent) return { ...antecedent, start, end };
      return { name: text.slice(start, end), kind: 'person', start, end, registered: false };
    }
    const earlier = this.namedBefore(phrase);
    if (earlier) return { ...earlier, start, end };
    const name = this.nameOf(phrase);
    const entry = this.gazetteer.find(name) ?? this.gazetteer.find(text.slice(start, end));
    const claimant: ProposedClaimant = entry
      ? { name, kind: entry.kind, start, end, partyId: entry.partyId, registered: true }
      : { name, kind: this.kindOf(phrase), start, end, registered: false };
    if (claimant.kind === 'person') this.lastPerson = claimant;
    this.named.push(claimant);
    return claimant;
  }

  /** "US-Vertreter bezeichneten … Ein Vertreter sagte": a one-noun indefinite phrase whose noun ends a name given before. */
  private namedBefore(phrase: SpeakerPhrase): ProposedClaimant | undefined {
    const [first] = phrase.words;
    if (phrase.head.length !== 1 || !this.reading.lexicon.indefiniteDeterminers.includes(first.lower)) return undefined;
    const noun = phrase.head[0].lower;
    return this.named.findLast((claimant) => {
      const name = claimant.name.toLowerCase();
      return name !== noun && name.endsWith(noun);
    });
  }

  /** A party named without a phrase of its own (the outlet of "berichtete die Financial Times"). */
  party(claimant: ProposedClaimant): ProposedParty {
    const { name, kind, partyId, registered } = claimant;
    return partyId ? { name, kind, partyId, registered } : { name, kind, registered };
  }

  /** The name without the roles before it ("Präsident Wolodymyr Selenskyj" → "Wolodymyr Selenskyj"). */
  private nameOf(phrase: SpeakerPhrase): string {
    const head = [...phrase.head];
    while (head.length > 1 && this.reading.is.role.has(head[0].lower)) head.shift();
    return this.reading.text.slice(head[0].start, head[head.length - 1].end);
  }

  private kindOf(phrase: SpeakerPhrase): PartyKind {
    const { lexicon, is } = this.reading;
    const lowers = phrase.words.map((word) => word.lower);
    const has = (list: readonly string[]) =>
      lowers.some((word) => list.some((entry) => word === entry || word.endsWith(entry)));
    if (lowers.some((word) => is.anonymousNoun.has(word))) return 'anonymous';
    if (has(lexicon.mediaWords)) return 'media';
    if (has(lexicon.institutionWords)) return 'government';
    return 'person';
  }
}
