import { ClaimRecordEvent } from '../../../src/application/read-models/claims/claim-record';
import { decodeKeptEvents, encodeKeptEvents } from '../../../src/infrastructure/read-models/claims/kept-events';

const CLAIM = '3f1c0a52-6a0e-4c1b-9d7e-2b8f4f0c9a11';

const event = (revision: number, position: number, type: string, data: unknown): ClaimRecordEvent => ({
  eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
  type,
  revision,
  position,
  data,
  metadata: { recordedAt: `2026-01-27T10:${String(revision % 60).padStart(2, '0')}:00.000Z` },
});

const supported = (revision: number, position: number) =>
  event(revision, position, 'ClaimSupported', {
    claimId: CLAIM,
    by: { id: 'reuters', name: 'Reuters', kind: 'media' },
    occurredAt: '2026-01-27T09:00:00.000Z',
    kind: 'confirmation',
    source: { url: `https://news.example/reuters/${position}`, quote: 'Officials confirmed the figure «sans réserve»' },
  });

/** What a reader gets back must read as what was written, key order included. */
const asText = (events: ClaimRecordEvent[]) => JSON.stringify(events);

describe('the kept events of a claims row (claims read model 7)', () => {
  it('gives back a claim recorded and supported, as a live page keeps them: short, as text', () => {
    const events = [
      event(0, 7, 'ClaimRecorded', { claimId: CLAIM, storylineId: 'talks', statement: 'The talks resume', tags: [] }),
      supported(1, 12),
    ];
    const stored = encodeKeptEvents(CLAIM, events);
    expect(typeof stored).toBe('string');
    expect(stored.length).toBeLessThan(asText(events).length);
    expect(asText(decodeKeptEvents(CLAIM, stored))).toBe(asText(events));
  });

  it('gives back a later page of the claim, whose first revision is not 0, with gaps in its revisions', () => {
    const events = [supported(4, 301), supported(5, 302), supported(9, 1_000_000)];
    expect(asText(decodeKeptEvents(CLAIM, encodeKeptEvents(CLAIM, events)))).toBe(asText(events));
  });

  it('deflates a long row, as a rebuild writes a claim whose events are many, and gives it back', () => {
    const events = Array.from({ length: 40 }, (_, index) => supported(index, 100 + index * 37));
    const stored = encodeKeptEvents(CLAIM, events);
    expect(Buffer.isBuffer(stored)).toBe(true);
    expect(stored.length).toBeLessThan(asText(events).length / 3);
    expect(asText(decodeKeptEvents(CLAIM, stored))).toBe(asText(events));
  });

  it('keeps whole what it cannot shorten: a type it has no code for, data without the claim id first or naming another claim', () => {
    const events = [
      event(0, 1, 'ClaimArchived', { claimId: CLAIM, reason: 'duplicate' }),
      event(1, 2, 'ClaimSupported', { by: { id: 'afp' }, claimId: CLAIM }),
      event(2, 3, 'ClaimSupported', { claimId: 'another-claim', by: { id: 'afp' } }),
      event(3, 4, 'ClaimRetracted', { claimId: CLAIM }),
      event(4, 5, 'ClaimRetracted', { claimId: CLAIM, note: '"quoted", \\ and \u2028' }),
    ];
    expect(asText(decodeKeptEvents(CLAIM, encodeKeptEvents(CLAIM, events)))).toBe(asText(events));
  });
});
