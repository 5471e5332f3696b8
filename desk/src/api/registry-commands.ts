import { segment } from './client';
import { CommandResult } from './desk-api';
import { command, CommandOptions } from './desk-commands';

/** The party registry's writes (editor keys only), each one command of the API. */

export interface PartyToRegister {
  id?: string;
  name: string;
  kind: string;
  aliases: string[];
}

export const registerParty = (party: PartyToRegister, options: CommandOptions): Promise<CommandResult> =>
  command('/v1/parties', 'POST', party, options);

export interface PartyRevision {
  name?: string;
  kind?: string;
  addAliases?: string[];
  removeAliases?: string[];
}

export const reviseParty = (id: string, revision: PartyRevision, options: CommandOptions): Promise<CommandResult> =>
  command(`/v1/parties/${segment(id)}`, 'PATCH', revision, options);

export interface AffiliationTerms {
  partyId: string;
  relation: string;
  from?: string;
  to?: string;
}

export const affiliateParty = (id: string, terms: AffiliationTerms, options: CommandOptions): Promise<CommandResult> =>
  command(`/v1/parties/${segment(id)}/affiliations`, 'POST', terms, options);

export interface AffiliationEnd {
  partyId: string;
  relation?: string;
  to?: string;
}

export const endAffiliation = (id: string, end: AffiliationEnd, options: CommandOptions): Promise<CommandResult> =>
  command(`/v1/parties/${segment(id)}/affiliations/end`, 'POST', end, options);

export const mergeParty = (id: string, into: string, options: CommandOptions): Promise<CommandResult> =>
  command(`/v1/parties/${segment(id)}/merge`, 'POST', { into }, options);

export const discreditParty = (id: string, reason: string, options: CommandOptions): Promise<CommandResult> =>
  command(`/v1/parties/${segment(id)}/discredit`, 'POST', { reason }, options);

export const reinstateParty = (id: string, reason: string, options: CommandOptions): Promise<CommandResult> =>
  command(`/v1/parties/${segment(id)}/reinstate`, 'POST', { reason }, options);

/** A 409 for a name another party answers to names that party: "… already answers to party us-government (…)". */
export function partyHoldingName(detail: string | undefined): string | undefined {
  return detail ? /already answers to party (\S+) \(/.exec(detail)?.[1] : undefined;
}
