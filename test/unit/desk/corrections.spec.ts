import { correctionDiffs, HistoryEvent, valueInWords } from '../../../desk/src/claim/corrections';

const event = (type: string, data: Record<string, unknown>, recordedAt: string): HistoryEvent => ({
  eventId: `${type}-${recordedAt}`,
  type,
  data,
  metadata: { recordedAt, actor: 'desk-editor' },
});

describe('corrections as before/after, replayed from a claim history', () => {
  it('given a claim corrected twice, shows each correction against the wording it replaced', () => {
    const history = [
      event(
        'ClaimRecorded',
        {
          claimId: 'c',
          storylineId: 's',
          statement: 'Russland hat 17 Ortschaften erobert und kontrolliert 500 km².',
          occurredAt: '2026-01-27T10:00:00+01:00',
          reportedBy: { id: 'tass', name: 'TASS', kind: 'media' },
        },
        '2026-01-27T10:05:00Z',
      ),
      event('ClaimSupported', { claimId: 'c', by: { id: 'isw', name: 'ISW' } }, '2026-01-27T11:00:00Z'),
      event(
        'ClaimCorrected',
        { claimId: 'c', changes: { statement: 'Russland hat 17 Ortschaften erobert.' }, reason: 'zwei Behauptungen' },
        '2026-01-27T12:00:00Z',
      ),
      event(
        'ClaimCorrected',
        {
          claimId: 'c',
          changes: { statement: 'Russland hat im Januar 17 Ortschaften erobert.', reportedBy: null },
          reason: 'Monat ergänzt',
        },
        '2026-01-27T13:00:00Z',
      ),
    ];
    expect(correctionDiffs(history)).toEqual([
      {
        eventId: 'ClaimCorrected-2026-01-27T12:00:00Z',
        reason: 'zwei Behauptungen',
        recordedAt: '2026-01-27T12:00:00Z',
        actor: 'desk-editor',
        fields: [
          {
            field: 'statement',
            before: 'Russland hat 17 Ortschaften erobert und kontrolliert 500 km².',
            after: 'Russland hat 17 Ortschaften erobert.',
          },
        ],
      },
      {
        eventId: 'ClaimCorrected-2026-01-27T13:00:00Z',
        reason: 'Monat ergänzt',
        recordedAt: '2026-01-27T13:00:00Z',
        actor: 'desk-editor',
        fields: [
          {
            field: 'statement',
            before: 'Russland hat 17 Ortschaften erobert.',
            after: 'Russland hat im Januar 17 Ortschaften erobert.',
          },
          { field: 'reportedBy', before: { id: 'tass', name: 'TASS', kind: 'media' }, after: null },
        ],
      },
    ]);
  });

  it('given no correction, has nothing to show', () => {
    expect(correctionDiffs([event('ClaimRecorded', { statement: 'x' }, '2026-01-27T10:00:00Z')])).toEqual([]);
  });

  it('puts values in words: parties by name, removed and unset fields, lists, sources', () => {
    expect(valueInWords({ id: 'ft', name: 'Financial Times', kind: 'media' })).toBe('Financial Times (media)');
    expect(valueInWords(null)).toBe('(removed)');
    expect(valueInWords(undefined)).toBe('(not set)');
    expect(valueInWords(['ukraine', 'usa'])).toBe('ukraine, usa');
    expect(valueInWords({ url: 'https://example.org/a', title: 'Bericht' })).toBe('Bericht <https://example.org/a>');
  });
});
