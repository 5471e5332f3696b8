import { DomainError } from '../domain-error';
import { slugify } from '../slug';

export const PARTY_KINDS = ['person', 'government', 'organization', 'media', 'anonymous'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/**
 * A party as a claim, support or contradiction mentions it, in the reporter's words. Events keep the
 * mention as sent; projections resolve it against the party registry (see party-registry.ts).
 */
export interface Party {
  id: string;
  name: string;
  kind: PartyKind;
}

export interface PartyInput {
  id?: string;
  name: string;
  kind: PartyKind;
}

export function toParty(input: PartyInput): Party {
  const id = input.id ?? slugify(input.name);
  if (id === '')
    throw new DomainError('rejected', `no id can be derived from the party name "${input.name}"; send an id`);
  return { id, name: input.name, kind: input.kind };
}
