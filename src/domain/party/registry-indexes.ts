import { AffiliationGraph } from './affiliation-graph';
import { DiscreditIndex } from './registry-discredits';
import { IdIndex } from './registry-ids';
import { MergeIndex } from './registry-merges';
import { NameIndex } from './registry-names';
import { PartyRecord, PartyRecords, RegistryEvent } from './registry-records';

/** The indexes a registry version has built or took over from the one before; absent ones are built on first use. */
export interface Indexes {
  merges?: MergeIndex;
  names?: NameIndex;
  ids?: IdIndex;
  graph?: AffiliationGraph;
  discredits?: DiscreditIndex;
}

/** The records of a canonical party: its own, then its duplicates'. */
export function groupOf(canonicalId: string, records: PartyRecords, merges: MergeIndex): PartyRecord[] {
  return (merges.membersOf(canonicalId) ?? [canonicalId]).map((id) => records.get(id) as PartyRecord);
}

/**
 * The indexes after one applied event: one the event cannot change is taken over as it is, one it
 * changes is updated (each update touches only the parties concerned), and one that cannot be updated
 * simply (an unusual merge) is left to be built again.
 */
export function indexesAfter(
  indexes: Indexes,
  before: PartyRecords,
  after: PartyRecords,
  event: RegistryEvent,
): Indexes {
  const partyId = event.data.partyId;
  const { merges, names, ids, graph, discredits } = indexes;
  switch (event.type) {
    case 'PartyRegistered':
      return {
        graph,
        discredits,
        ids: ids?.withRegistered(partyId),
        merges: merges?.withRegistered(partyId),
        names: names?.withParty(after.get(partyId) as PartyRecord),
      };
    case 'PartyRevised':
      return {
        graph,
        discredits,
        merges,
        ids,
        names: names?.withRevised(before.get(partyId) as PartyRecord, after.get(partyId) as PartyRecord),
      };
    case 'PartyAffiliated':
    case 'PartyAffiliationEnded': {
      if (!merges || !graph) return { merges, names, ids, discredits };
      const canonicalOf = (id: string) => merges.canonicalOf(id) ?? id;
      const canonicalId = canonicalOf(partyId);
      return {
        merges,
        names,
        ids,
        discredits,
        graph: graph.withEdgesOf(canonicalId, groupOf(canonicalId, after, merges), canonicalOf),
      };
    }
    case 'PartyMerged': {
      const merged = merges?.withMerged(after, partyId, event.data.intoPartyId);
      const target = merged?.canonicalOf(partyId);
      if (!merged || target === undefined) return { names, ids, discredits };
      if (!graph) return { names, ids, discredits, merges: merged };
      const canonicalOf = (id: string) => merged.canonicalOf(id) ?? id;
      const groups = (canonicalId: string) => groupOf(canonicalId, after, merged);
      return {
        names,
        ids,
        discredits,
        merges: merged,
        graph: graph.withMerged(partyId, target, groups, canonicalOf),
      };
    }
    case 'PartyDiscredited':
    case 'PartyReinstated':
      return { ...indexes, discredits: discredits?.withParty(partyId, after.get(partyId)?.discredited) };
  }
}
