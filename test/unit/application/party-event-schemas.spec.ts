import { PARTY_EVENT_SCHEMAS } from '../../../src/application/events/party-event-schemas';
import { PartyEvent } from '../../../src/domain/party/party.events';

const valid: PartyEvent[] = [
  {
    type: 'PartyRegistered',
    data: { partyId: 'володимир-зеленський', name: 'Володимир Зеленський', kind: 'person', aliases: ['Zełenski'] },
  },
  { type: 'PartyRevised', data: { partyId: 'financial-times', kind: 'media', removeAliases: ['FT'] } },
  {
    type: 'PartyAffiliated',
    data: {
      partyId: 'jane-roe',
      withPartyId: 'financial-times',
      relation: 'employed_by',
      from: '2025-01-01T00:00:00Z',
    },
  },
  {
    type: 'PartyAffiliationEnded',
    data: { partyId: 'jane-roe', withPartyId: 'financial-times', to: '2026-01-01T00:00:00+01:00' },
  },
  { type: 'PartyMerged', data: { partyId: 'the-ft', intoPartyId: 'financial-times' } },
  {
    type: 'PartyDiscredited',
    data: {
      partyId: 'jane-roe',
      reason: 'fabricated quotes',
      source: { url: 'https://example.org/c', quote: 'Il n’a jamais dit cela.', quoteLanguage: 'fr' },
    },
  },
  { type: 'PartyReinstated', data: { partyId: 'jane-roe', reason: 'the quotes were confirmed' } },
];

describe('the party event schemas', () => {
  it.each(valid)('accept $type as the decider writes it', (event) => {
    expect(PARTY_EVENT_SCHEMAS[event.type].safeParse(event.data)).toMatchObject({ success: true, data: event.data });
  });

  it.each([
    ['an unknown field', 'PartyMerged', { partyId: 'a', intoPartyId: 'b', note: 'x' }],
    ['an id that is not a slug', 'PartyReinstated', { partyId: 'Jane Roe', reason: 'x' }],
    ['an unknown relation', 'PartyAffiliated', { partyId: 'a', withPartyId: 'b', relation: 'friend_of' }],
    ['a time without offset', 'PartyAffiliationEnded', { partyId: 'a', withPartyId: 'b', to: '2026-01-01T00:00:00' }],
    ['an empty name', 'PartyRegistered', { partyId: 'a', name: '', kind: 'person', aliases: [] }],
    ['a source without a URL', 'PartyDiscredited', { partyId: 'a', reason: 'x', source: { quote: 'y' } }],
  ] as const)('refuse %s', (_what, type, data) => {
    expect(PARTY_EVENT_SCHEMAS[type].safeParse(data).success).toBe(false);
  });
});
