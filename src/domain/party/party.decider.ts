import { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { isSlug } from '../slug';
import { endOf, isEndedBy, overlap, sameTerms, startOf } from './affiliation';
import { distinctNames, normalizeName } from './party-names';
import { PartyCommand, ReviseParty } from './party.commands';
import { PartyEvent, PartyRevised } from './party.events';
import { evolveParty, initialPartyState, PartyState, RegisteredParty } from './party.state';
import { checkFreeForNewParty, checkFreeForParty } from './unique-names';

const mergedAway = (party: RegisteredParty) =>
  new DomainError(
    'conflict',
    `party ${party.partyId} was merged into ${party.mergedInto}; send this to ${party.mergedInto} instead`,
  );

/** Registered and not merged: the only state in which a party takes commands. */
function requireActive(state: PartyState): RegisteredParty {
  if (state === null) throw new DomainError('not_found', 'party does not exist');
  if (state.mergedInto !== undefined) throw mergedAway(state);
  return state;
}

/** The other party a command names must be registered, and not a merged duplicate. */
function checkCounterpart(party: RegisteredParty, counterpartId: string, counterpart: PartyState, action: string) {
  if (counterpartId === party.partyId) throw new DomainError('rejected', `a party cannot ${action} itself`);
  if (counterpart === null) {
    throw new DomainError('rejected', `party ${counterpartId} is not registered; register it first`);
  }
  if (counterpart.mergedInto !== undefined) {
    throw new DomainError(
      'conflict',
      `party ${counterpartId} was merged into ${counterpart.mergedInto}; use ${counterpart.mergedInto} instead`,
    );
  }
}

function checkNames(names: readonly string[], what: string): void {
  if (names.some((name) => normalizeName(name) === '')) throw new DomainError('rejected', `${what} cannot be blank`);
}

function checkTimes(times: Array<string | undefined>): void {
  if (times.some((time) => time !== undefined && Number.isNaN(Date.parse(time)))) {
    throw new DomainError('rejected', 'from and to must be points in time (ISO 8601 with offset)');
  }
}

const period = (terms: { from?: string; to?: string }) =>
  `${terms.from ? `from ${terms.from}` : 'with no start'} ${terms.to ? `to ${terms.to}` : 'and no end'}`;

/** Only what changes. A new name keeps the old one as an alias (unless it is removed); an alias that becomes the name stops being one. */
function revision(party: RegisteredParty, { name, kind, addAliases = [], removeAliases = [] }: ReviseParty['data']) {
  checkNames(name === undefined ? [] : [name], 'a party name');
  checkNames([...addAliases, ...removeAliases], 'an alias');
  const renamed = name !== undefined && name !== party.name;
  const newName = renamed ? name : party.name;
  const oldNameKey = normalizeName(party.name);
  const aliasKeys = new Set(party.aliases.map(normalizeName));
  const removing = new Set(removeAliases.map(normalizeName));
  for (const alias of addAliases) {
    if (removing.has(normalizeName(alias))) throw new DomainError('rejected', `"${alias}" is both added and removed`);
  }
  for (const key of removing) {
    if (aliasKeys.has(key) || (renamed && key === oldNameKey)) continue;
    const spelling = removeAliases.find((alias) => normalizeName(alias) === key);
    throw new DomainError(
      'rejected',
      key === oldNameKey
        ? `"${spelling}" is the name of party ${party.partyId}, not an alias; rename the party instead`
        : `"${spelling}" is not an alias of party ${party.partyId} (aliases: ${party.aliases.join(', ') || 'none'})`,
    );
  }
  const newNameKey = normalizeName(newName);
  const removed = party.aliases.filter((alias) => {
    const key = normalizeName(alias);
    return removing.has(key) || (renamed && key === newNameKey);
  });
  const kept = party.aliases.filter((alias) => !removed.includes(alias));
  const keepOldName = renamed && oldNameKey !== newNameKey && !removing.has(oldNameKey);
  const added = distinctNames([...(keepOldName ? [party.name] : []), ...addAliases], [newName, ...kept]);
  const data: PartyRevised['data'] = {
    partyId: party.partyId,
    ...(renamed ? { name } : {}),
    ...(kind !== undefined && kind !== party.kind ? { kind } : {}),
    ...(added.length > 0 ? { addAliases: added } : {}),
    ...(removed.length > 0 ? { removeAliases: removed } : {}),
  };
  return Object.keys(data).length > 1 ? [{ type: 'PartyRevised' as const, data }] : [];
}

function decideParty(command: PartyCommand, state: PartyState): PartyEvent[] {
  switch (command.type) {
    case 'RegisterParty': {
      const { partyId, name, kind, aliases } = command.data;
      if (state !== null) {
        const merged = state.mergedInto ? ` (merged into ${state.mergedInto})` : '';
        throw new DomainError('already_exists', `party ${state.partyId} already exists${merged}`);
      }
      if (!isSlug(partyId)) {
        throw new DomainError('rejected', `no party id can be derived from the name "${name}"; send an id`);
      }
      checkNames([name], 'a party name');
      checkNames(aliases, 'an alias');
      const distinctAliases = distinctNames(aliases, [name]);
      checkFreeForNewParty(partyId, [name, ...distinctAliases], command.registry);
      return [{ type: 'PartyRegistered', data: { partyId, name, kind, aliases: distinctAliases } }];
    }
    case 'ReviseParty': {
      const party = requireActive(state);
      const events = revision(party, command.data);
      const gained = events.flatMap(({ data }) => [...(data.name ? [data.name] : []), ...(data.addAliases ?? [])]);
      checkFreeForParty(party.partyId, gained, command.registry);
      return events;
    }
    case 'AffiliateParty': {
      const party = requireActive(state);
      const terms = command.data;
      checkCounterpart(party, terms.withPartyId, command.counterpart, 'be affiliated with');
      checkTimes([terms.from, terms.to]);
      if (startOf(terms) >= endOf(terms)) throw new DomainError('rejected', 'from must be before to');
      if (party.affiliations.some((existing) => sameTerms(existing, terms))) return [];
      const overlapping = party.affiliations.find(
        (existing) =>
          existing.withPartyId === terms.withPartyId &&
          existing.relation === terms.relation &&
          overlap(existing, terms),
      );
      if (overlapping) {
        throw new DomainError(
          'conflict',
          `party ${party.partyId} is already ${terms.relation} ${terms.withPartyId} ${period(overlapping)}; end that affiliation first`,
        );
      }
      const { withPartyId, relation, from, to } = terms;
      const data = { partyId: party.partyId, withPartyId, relation, ...(from ? { from } : {}), ...(to ? { to } : {}) };
      return [{ type: 'PartyAffiliated', data }];
    }
    case 'EndPartyAffiliation': {
      const party = requireActive(state);
      const { withPartyId, relation, to } = command.data;
      checkTimes([to]);
      if (!party.affiliations.some((terms) => isEndedBy(terms, command.data))) {
        const how = relation ? ` as ${relation}` : '';
        throw new DomainError(
          'rejected',
          `party ${party.partyId} has no affiliation with ${withPartyId}${how} in effect at ${to}`,
        );
      }
      return [
        {
          type: 'PartyAffiliationEnded',
          data: { partyId: party.partyId, withPartyId, ...(relation ? { relation } : {}), to },
        },
      ];
    }
    case 'MergeParty': {
      const party = requireActive(state);
      const { intoPartyId } = command.data;
      checkCounterpart(party, intoPartyId, command.counterpart, 'be merged into');
      if (party.discredited) {
        throw new DomainError(
          'conflict',
          `party ${party.partyId} is discredited (${party.discredited.reason}); reinstate it before merging, and discredit ${intoPartyId} if the reason applies to it`,
        );
      }
      return [{ type: 'PartyMerged', data: { partyId: party.partyId, intoPartyId } }];
    }
    case 'DiscreditParty': {
      const party = requireActive(state);
      if (party.discredited) {
        throw new DomainError('conflict', `party ${party.partyId} is already discredited: ${party.discredited.reason}`);
      }
      const { reason, source } = command.data;
      return [{ type: 'PartyDiscredited', data: { partyId: party.partyId, reason, ...(source ? { source } : {}) } }];
    }
    case 'ReinstateParty': {
      const party = requireActive(state);
      if (!party.discredited) throw new DomainError('conflict', `party ${party.partyId} is not discredited`);
      return [{ type: 'PartyReinstated', data: { partyId: party.partyId, reason: command.data.reason } }];
    }
  }
}

export const partyDecider: Decider<PartyCommand, PartyEvent, PartyState> = {
  initialState: initialPartyState,
  evolve: evolveParty,
  decide: decideParty,
};
