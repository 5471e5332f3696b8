import { PartyMention, mentionsChange } from '../../../src/application/read-models/claims/party-mentions';

const mention = (overrides: Partial<PartyMention> = {}): PartyMention => ({
  role: 'supporter',
  mentionId: 'reuters',
  nameKey: 'reuters',
  name: 'Reuters',
  kind: 'media',
  partyId: 'reuters',
  registered: false,
  ...overrides,
});

describe('mentionsChange: the index rows a claim re-evaluated deletes and writes', () => {
  const claimant = mention({ role: 'claimant', mentionId: 'kremlin', nameKey: 'kremlin', name: 'Kremlin' });

  it('leaves the rows alone when the mentions are named and resolved as before', () => {
    expect(mentionsChange([claimant, mention()], [claimant, mention()])).toBeUndefined();
  });

  it('writes only the new mention when a development adds one', () => {
    const added = mention({ role: 'contradictor', mentionId: 'ap', nameKey: 'ap', name: 'AP', partyId: 'ap' });

    expect(mentionsChange([claimant, mention()], [claimant, mention(), added])).toEqual({
      removed: [],
      written: [added],
    });
  });

  it('rewrites a mention the registry now resolves to another party, and one whose spelling changed', () => {
    const resolved = mention({ partyId: 'thomson-reuters', registered: true });
    const respelled = { ...claimant, name: 'The Kremlin' };

    expect(mentionsChange([claimant, mention()], [respelled, resolved])).toEqual({
      removed: [],
      written: [respelled, resolved],
    });
  });

  it('deletes a mention the claim no longer makes, by its place in the index', () => {
    const renamed = mention({ nameKey: 'thomson reuters', name: 'Thomson Reuters' });

    expect(mentionsChange([claimant, mention()], [claimant, renamed])).toEqual({
      removed: [mention()],
      written: [renamed],
    });
  });

  it('writes every mention of a claim seen for the first time', () => {
    expect(mentionsChange([], [claimant, mention()])).toEqual({ removed: [], written: [claimant, mention()] });
  });
});
