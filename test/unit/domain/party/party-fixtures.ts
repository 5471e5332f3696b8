import { AffiliationRelation, PartyEvent } from '../../../../src/domain/party/party.events';
import { PartyKind } from '../../../../src/domain/party/party-mention';
import { evolveParty, initialPartyState, PartyState } from '../../../../src/domain/party/party.state';
import { RegistryEvent } from '../../../../src/domain/party/registry-records';

/** Party events in the order a test lists them, each with an id and a growing log position. */
export function registryLog() {
  let position = 0;
  const positioned = (event: PartyEvent): RegistryEvent => {
    position += 1;
    return { ...event, eventId: `e${position}`, position } as RegistryEvent;
  };
  return {
    registered: (partyId: string, name: string, kind: PartyKind = 'person', aliases: string[] = []) =>
      positioned({ type: 'PartyRegistered', data: { partyId, name, kind, aliases } }),
    revised: (
      partyId: string,
      changes: { name?: string; kind?: PartyKind; addAliases?: string[]; removeAliases?: string[] },
    ) => positioned({ type: 'PartyRevised', data: { partyId, ...changes } }),
    affiliated: (
      partyId: string,
      relation: AffiliationRelation,
      withPartyId: string,
      period: { from?: string; to?: string } = {},
    ) => positioned({ type: 'PartyAffiliated', data: { partyId, withPartyId, relation, ...period } }),
    ended: (partyId: string, withPartyId: string, to: string, relation?: AffiliationRelation) =>
      positioned({
        type: 'PartyAffiliationEnded',
        data: { partyId, withPartyId, to, ...(relation ? { relation } : {}) },
      }),
    merged: (partyId: string, intoPartyId: string) =>
      positioned({ type: 'PartyMerged', data: { partyId, intoPartyId } }),
    discredited: (partyId: string, reason: string) =>
      positioned({ type: 'PartyDiscredited', data: { partyId, reason } }),
    reinstated: (partyId: string, reason: string) => positioned({ type: 'PartyReinstated', data: { partyId, reason } }),
  };
}

export const ftRegistered: PartyEvent = {
  type: 'PartyRegistered',
  data: { partyId: 'financial-times', name: 'Financial Times', kind: 'media', aliases: ['The Financial Times', 'FT'] },
};

export const zelenskyRegistered: PartyEvent = {
  type: 'PartyRegistered',
  data: {
    partyId: 'volodymyr-zelensky',
    name: 'Volodymyr Zelensky',
    kind: 'person',
    aliases: ['Wolodymyr Selenskyj', 'Selenskyj'],
  },
};

export const janeRegistered: PartyEvent = {
  type: 'PartyRegistered',
  data: { partyId: 'jane-roe', name: 'Jane Roe', kind: 'person', aliases: [] },
};

/** The state another stream has, as a handler would hand it to a command. */
export const stateAfter = (...events: PartyEvent[]): PartyState => events.reduce(evolveParty, initialPartyState);
