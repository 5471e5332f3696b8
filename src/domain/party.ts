import { DomainError } from './domain-error';
import { slugify } from './slug';

export const PARTY_KINDS = ['person', 'government', 'organization', 'media', 'anonymous'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Whoever makes, reports, supports or contradicts a claim. The id decides independence. */
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
