import { inEffectAt } from '../../../domain/party/affiliation';
import { PartyRegistry } from '../../../domain/party/party-registry';
import { AffiliationRecord, DiscreditRecord, PartyRecord } from '../../../domain/party/registry-records';
import { StoredEvent } from '../../ports/event-store.port';
import { MentionCounts } from '../claims/party-mentions';
import { AffiliationView, Discredit, PartyListItem, PartyView } from './party-views';

/*
 * A record answers for itself: a merged duplicate shows its own names, affiliations and pointer.
 * Mentions resolve to canonical parties, so its mentions are those of the party it was merged into.
 */

const discreditOf = ({ reason, source }: DiscreditRecord): Discredit => ({ reason, ...(source ? { source } : {}) });

function ownFacts(record: PartyRecord) {
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    aliases: record.aliases.map((alias) => alias.name),
    ...(record.discredited ? { discredited: discreditOf(record.discredited) } : {}),
    ...(record.mergedInto ? { mergedInto: record.mergedInto } : {}),
  };
}

export function toPartyListItem(record: PartyRecord, mentions: number): PartyListItem {
  return { ...ownFacts(record), mentions };
}

export interface PartyViewContext {
  /** The instant affiliations are judged in effect at, in epoch milliseconds. */
  at: number;
  mentions: MentionCounts;
  history: StoredEvent[];
  revision: number;
  position: number;
}

/** The party record with its merges and affiliations both ways, read from the registry it belongs to. */
export function toPartyView(registry: PartyRegistry, record: PartyRecord, context: PartyViewContext): PartyView {
  const canonicalId = registry.canonicalId(record.id);
  // The canonical party holds its duplicates' affiliations too; a duplicate only its own.
  const standsFor = new Set(record.mergedInto ? [record.id] : registry.members(record.id));
  const affiliationView = (partyId: string, affiliation: AffiliationRecord): AffiliationView => {
    const { relation, from, to } = affiliation;
    const other = registry.party(partyId);
    return {
      partyId,
      name: other?.name ?? partyId,
      relation,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      inEffect: inEffectAt(affiliation, context.at),
    };
  };
  const affiliations = [...standsFor]
    .flatMap((id) => registry.party(id)?.affiliations ?? [])
    .sort(byRecording)
    .map((affiliation) => affiliationView(registry.canonicalId(affiliation.withPartyId), affiliation));
  const affiliated = [...registry.dependents(canonicalId)]
    .filter((dependent) => dependent !== canonicalId)
    .flatMap((dependent) =>
      registry
        .members(dependent)
        .flatMap((id) => registry.party(id)?.affiliations ?? [])
        .filter((affiliation) => standsFor.has(affiliation.withPartyId))
        .map((affiliation) => ({ dependent, affiliation })),
    )
    .sort((a, b) => byRecording(a.affiliation, b.affiliation))
    .map(({ dependent, affiliation }) => affiliationView(dependent, affiliation));
  return {
    ...ownFacts(record),
    mergedFrom: mergedFrom(registry, record.id),
    affiliations,
    affiliated,
    mentions: context.mentions,
    history: context.history,
    revision: context.revision,
    position: context.position,
  };
}

/** The registered ids merged into the party, directly or through another duplicate, in registration order. */
function mergedFrom(registry: PartyRegistry, partyId: string): string[] {
  const mergesInto = (memberId: string) => {
    const seen = new Set<string>();
    for (let id = registry.party(memberId)?.mergedInto; id && !seen.has(id); id = registry.party(id)?.mergedInto) {
      if (id === partyId) return true;
      seen.add(id);
    }
    return false;
  };
  return registry.members(partyId).filter(mergesInto);
}

const byRecording = (a: AffiliationRecord, b: AffiliationRecord) => a.affiliatedBy.position - b.affiliatedBy.position;
