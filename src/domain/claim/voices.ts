import { PartyRegistry, ResolvedParty, partyKey } from '../party/party-registry';
import { jointReportingInWords, listInWords } from './joint-reporting';

/** One piece of counting evidence: who wrote it (its party, then its co-authors) and when. */
export interface Piece {
  eventId: string;
  authors: readonly ResolvedParty[];
  at: string;
}

/** Evidence from parties that are not independent of each other: it speaks as one voice. */
export interface Voice {
  parties: ResolvedParty[];
  eventIds: string[];
  /** Why its parties are one voice, in words; absent for a voice of one party. */
  why?: string;
}

/**
 * Groups counting evidence into independent voices (SPEC §3): the same party is one voice, however
 * many pieces it wrote; the co-authors of a joint piece are one voice; parties related to each other
 * (at either one's date) are one voice, as a correspondent and the outlet employing her are, or two
 * agencies of one government.
 */
export function groupVoices(pieces: readonly Piece[], registry: PartyRegistry): Voice[] {
  const parties = new Map<string, { party: ResolvedParty; dates: string[] }>();
  for (const { authors, at } of pieces) {
    for (const party of authors) {
      const known = parties.get(partyKey(party));
      if (known) known.dates.push(at);
      else parties.set(partyKey(party), { party, dates: [at] });
    }
  }
  const keys = [...parties.keys()];
  const parent = new Map(keys.map((key) => [key, key]));
  const root = (key: string): string => {
    const up = parent.get(key) as string;
    if (up === key) return key;
    const top = root(up);
    parent.set(key, top);
    return top;
  };
  const reasons = new Map<string, string[]>();
  const join = (a: string, b: string, why: string) => {
    const [top, other] = [root(a), root(b)];
    if (top === other) return;
    parent.set(other, top);
    reasons.set(top, [...new Set([...(reasons.get(top) ?? []), ...(reasons.get(other) ?? []), why])]);
  };
  for (const { authors } of pieces) {
    for (const coAuthor of authors.slice(1))
      join(partyKey(authors[0]), partyKey(coAuthor), jointReportingInWords(authors));
  }
  for (let a = 0; a < keys.length; a += 1) {
    for (let b = a + 1; b < keys.length; b += 1) {
      const [one, other] = [parties.get(keys[a]), parties.get(keys[b])] as Array<{
        party: ResolvedParty;
        dates: string[];
      }>;
      const at = [...one.dates, ...other.dates].find((date) => registry.related(keys[a], keys[b], date));
      if (at === undefined) continue;
      const relation = registry.relation(keys[a], keys[b], at);
      join(keys[a], keys[b], relation?.summary ?? `${one.party.name} and ${other.party.name} are related`);
    }
  }
  const voices = new Map<string, Voice>();
  for (const { eventId, authors } of pieces) {
    const top = root(partyKey(authors[0]));
    const voice = voices.get(top) ?? { parties: [], eventIds: [] };
    voice.eventIds.push(eventId);
    voices.set(top, voice);
  }
  for (const key of keys) voices.get(root(key))?.parties.push((parties.get(key) as { party: ResolvedParty }).party);
  return [...voices.entries()].map(([top, voice]) => {
    const why = voice.parties.length > 1 ? reasons.get(top) : undefined;
    return why ? { ...voice, why: why.join('; ') } : voice;
  });
}

/** "State Department and White House — one voice: State Department and White House are both part of US government". */
export function voiceInWords(voice: Voice): string {
  const names = listInWords(voice.parties.map((party) => party.name));
  return voice.why ? `${names} — one voice: ${voice.why}` : names;
}
