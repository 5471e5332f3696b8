import { DomainError } from '../domain-error';
import { Holder, PartyRegistry } from './party-registry';

/** The registry as it stands when a command is decided (the handler looks it up): who answers to what. */
export type RegisteredNames = Pick<PartyRegistry, 'nameHolder' | 'idHolder' | 'canonicalId'>;

const HELD_AS = { name: 'the name', alias: 'an alias', id: 'the id' } as const;

function heldAs(holder: Holder): string {
  const of = holder.heldBy === holder.party.id ? '' : ` of ${holder.heldBy}, which was merged into it`;
  return `${HELD_AS[holder.as]}${of}`;
}

function taken(what: string, holder: Holder, advice: string): DomainError {
  const { id, name } = holder.party;
  return new DomainError(
    'conflict',
    `${what} already answers to party ${id} (${name}) as ${heldAs(holder)}; a name, an alias or an id answers to one party only. ${advice}`,
  );
}

/**
 * A new party may take no name, alias or id another party answers to: resolution would give each
 * mention of it to one of the two, silently. Merged duplicates' names answer to the party they were
 * merged into, so they are taken too.
 */
export function checkFreeForNewParty(partyId: string, names: readonly string[], registry: RegisteredNames): void {
  const advice = (holderId: string) =>
    `If it is that party, revise it (PATCH /v1/parties/${holderId}); if it is another one, register it under a name that tells them apart.`;
  for (const name of names) {
    const holder = registry.nameHolder(name);
    if (holder) throw taken(`"${name}"`, holder, advice(holder.party.id));
  }
  const idHolder = registry.idHolder(partyId);
  if (idHolder) throw taken(`the id ${partyId}`, idHolder, advice(idHolder.party.id));
}

/** A party may take a name or alias that answers to itself (or to a duplicate merged into it), no other. */
export function checkFreeForParty(partyId: string, names: readonly string[], registry: RegisteredNames): void {
  const self = registry.canonicalId(partyId);
  for (const name of names) {
    const holder = registry.nameHolder(name);
    if (holder && holder.party.id !== self) {
      const into = holder.party.id;
      throw taken(
        `"${name}"`,
        holder,
        `If ${partyId} and ${into} are one party, merge one into the other: POST /v1/parties/${partyId}/merge with {"into": "${into}"}.`,
      );
    }
  }
}
