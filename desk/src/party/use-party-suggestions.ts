import { useEffect, useState } from 'preact/hooks';
import { getParty, listParties } from '../api/desk-api';
import { Affiliation, PartyListItem, PartyView } from '../api/party-types';
import { relationInWords } from './party-words';
import { candidateQueries, foldName, NearName, nearNames } from './near-names';

const SUGGESTIONS = 8;
const TYPING_PAUSE_MS = 200;

export interface PartySuggestions {
  /** The text these answer. */
  text: string;
  /** Registered parties with a name or alias containing the text (the server folds case, accents and script forms). */
  matches: PartyListItem[];
  /** The registered party that answers to the text itself, when one does. */
  same?: PartyListItem;
  /** Parties a slip away from the text, when none answers to it. */
  near: NearName<PartyListItem>[];
}

const live = (party: PartyListItem) => !party.mergedInto;

/** What the registry holds for a typed name: matches, the same name, names a slip away. */
export async function suggestParties(text: string, signal?: AbortSignal): Promise<PartySuggestions> {
  const typed = text.trim();
  if (typed === '') return { text, matches: [], near: [] };
  const matches = (await listParties({ q: typed }, { limit: SUGGESTIONS * 2, signal })).items.filter(live);
  const key = foldName(typed);
  const same = matches.find((party) => [party.name, ...party.aliases].some((name) => foldName(name) === key));
  if (same) return { text, matches: matches.slice(0, SUGGESTIONS), same, near: [] };
  const pages = await Promise.all(
    candidateQueries(typed).map((q) => listParties({ q }, { limit: 50, signal }).then((page) => page.items)),
  );
  const candidates = new Map<string, PartyListItem>();
  for (const party of [...matches, ...pages.flat()]) if (live(party)) candidates.set(party.id, party);
  return { text, matches: matches.slice(0, SUGGESTIONS), near: nearNames(typed, [...candidates.values()]) };
}

/** Suggestions for what is typed, after a pause in typing; the last answer stays until the next one. */
export function usePartySuggestions(text: string, enabled = true): PartySuggestions | undefined {
  const [found, setFound] = useState<PartySuggestions>();
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      suggestParties(text, controller.signal).then(setFound, () => undefined);
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, enabled]);
  return found;
}

/** An affiliation or two of each suggested party in words, to tell namesakes apart; read once per party. */
export function useAffiliations(ids: readonly string[]): Map<string, string[]> {
  const [known, setKnown] = useState(new Map<string, string[]>());
  const wanted = ids.filter((id) => !known.has(id)).join('\n');
  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    const read = async (id: string): Promise<[string, string[]]> => {
      try {
        return [id, affiliationWords(await getParty(id, { signal: controller.signal }))];
      } catch {
        return [id, []];
      }
    };
    void Promise.all(wanted.split('\n').map(read)).then((rows) => {
      if (!controller.signal.aborted) setKnown((current) => new Map([...current, ...rows]));
    });
    return () => controller.abort();
  }, [wanted]);
  return known;
}

const inEffect = (row: Affiliation) => row.inEffect !== false;

function affiliationWords(party: PartyView): string[] {
  const own = (party.affiliations ?? [])
    .filter(inEffect)
    .map((row) => `${relationInWords(row.relation)} ${row.name ?? row.partyId}`);
  const others = (party.affiliated ?? [])
    .filter(inEffect)
    .map((row) => `${row.name ?? row.partyId} is ${relationInWords(row.relation)} it`);
  return [...own, ...others].slice(0, 2);
}
