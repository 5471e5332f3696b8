import { Identified } from '../identified';
import { PersistentMap } from '../persistent-map';
import { Source } from '../source';
import { AffiliationTerms, isEndedBy } from './affiliation';
import { PartyKind } from './party-mention';
import { distinctNames, normalizeName } from './party-names';
import { PartyEvent } from './party.events';

/** A party event as the log gave it back: with the id and the global position it is stored under. */
export type RegistryEvent = Identified<PartyEvent> & { position: number };

/** The registry event behind a fact, for explanations ("the alias added by event …"). */
export interface RegistryFact {
  readonly eventId: string;
  readonly position: number;
  readonly type: PartyEvent['type'];
  readonly partyId: string;
}

export interface AliasRecord {
  readonly name: string;
  readonly addedBy: RegistryFact;
}

export interface AffiliationRecord extends Readonly<AffiliationTerms> {
  readonly affiliatedBy: RegistryFact;
  /** The event that set `to`, when an ending did. */
  readonly endedBy?: RegistryFact;
}

export interface DiscreditRecord {
  readonly reason: string;
  readonly source?: Source;
  readonly discreditedBy: RegistryFact;
}

/** One registered party (a merged duplicate included) with the registry event behind each fact. */
export interface PartyRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: PartyKind;
  readonly nameSetBy: RegistryFact;
  readonly aliases: readonly AliasRecord[];
  readonly affiliations: readonly AffiliationRecord[];
  readonly discredited?: DiscreditRecord;
  readonly mergedInto?: string;
  readonly mergedBy?: RegistryFact;
  readonly registeredBy: RegistryFact;
  readonly lastChangedBy: RegistryFact;
}

const factOf = (event: RegistryEvent): RegistryFact =>
  Object.freeze({ eventId: event.eventId, position: event.position, type: event.type, partyId: event.data.partyId });

function withAliases(
  aliases: readonly AliasRecord[],
  name: string,
  add: string[],
  remove: string[],
  fact: RegistryFact,
) {
  const removed = new Set(remove.map(normalizeName));
  const kept = aliases.filter((alias) => !removed.has(normalizeName(alias.name)));
  const added = distinctNames(add, [name, ...kept.map((alias) => alias.name)]);
  return Object.freeze([...kept, ...added.map((alias) => Object.freeze({ name: alias, addedBy: fact }))]);
}

export type PartyRecords = PersistentMap<PartyRecord>;

/**
 * The records after one more event. Events the decider would never have produced (a second
 * registration, a change to a party never registered, a merge into one) leave them as they are: then
 * the answer is undefined.
 */
export function applyToRecords(records: PartyRecords, event: RegistryEvent): PartyRecords | undefined {
  const fact = factOf(event);
  const partyId = event.data.partyId;
  const record = records.get(partyId);
  if (event.type === 'PartyRegistered') {
    if (record) return undefined;
    const { name, kind, aliases } = event.data;
    return records.set(
      partyId,
      Object.freeze({
        id: partyId,
        name,
        kind,
        nameSetBy: fact,
        aliases: withAliases([], name, aliases, [], fact),
        affiliations: Object.freeze([]),
        registeredBy: fact,
        lastChangedBy: fact,
      }),
    );
  }
  if (!record) return undefined;
  const replace = (changes: Partial<PartyRecord>) =>
    records.set(partyId, Object.freeze({ ...record, ...changes, lastChangedBy: fact }));
  switch (event.type) {
    case 'PartyRevised': {
      const { name = record.name, kind = record.kind, addAliases = [], removeAliases = [] } = event.data;
      const aliases = withAliases(record.aliases, name, addAliases, [...removeAliases, name], fact);
      return replace({ name, kind, aliases, ...(name !== record.name ? { nameSetBy: fact } : {}) });
    }
    case 'PartyAffiliated': {
      const { partyId: _partyId, ...terms } = event.data;
      const affiliation = Object.freeze({ ...terms, affiliatedBy: fact });
      return replace({ affiliations: Object.freeze([...record.affiliations, affiliation]) });
    }
    case 'PartyAffiliationEnded': {
      const end = event.data;
      const affiliations = record.affiliations.map((affiliation) =>
        isEndedBy(affiliation, end) ? Object.freeze({ ...affiliation, to: end.to, endedBy: fact }) : affiliation,
      );
      return replace({ affiliations: Object.freeze(affiliations) });
    }
    case 'PartyMerged':
      if (event.data.intoPartyId === partyId || !records.has(event.data.intoPartyId)) return undefined;
      return replace({ mergedInto: event.data.intoPartyId, mergedBy: fact });
    case 'PartyDiscredited': {
      const { reason, source } = event.data;
      return replace({ discredited: Object.freeze({ reason, ...(source ? { source } : {}), discreditedBy: fact }) });
    }
    case 'PartyReinstated': {
      const { discredited: _discredited, ...rest } = record;
      return records.set(partyId, Object.freeze({ ...rest, lastChangedBy: fact }));
    }
  }
}
