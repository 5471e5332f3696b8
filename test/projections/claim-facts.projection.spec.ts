import { ClaimFacts, claimFactsOf, evolveClaimFacts } from '../../src/application/read-models/claims/claim-facts';
import { ClaimRecord, evolveClaimRecord } from '../../src/application/read-models/claims/claim-record';
import { mentionsOf } from '../../src/application/read-models/claims/party-mentions';
import {
  DecidedClaim,
  packClaim,
  restatedClaim,
  unpackClaim,
  unpackClaimFacts,
} from '../../src/application/read-models/claims/packed-claim';
import { PartyTable } from '../../src/application/read-models/claims/party-table';
import { Party } from '../../src/domain/party';
import { asPartyEvent } from '../../src/application/events/factline-event';
import { StoredEvent } from '../../src/application/ports/event-store.port';
import { decideStatus } from '../../src/domain/claim/status-decision';
import { foldRegistry } from '../../src/domain/party/party-registry';
import {
  contradicted,
  corrected,
  correctiv,
  claimRecorded,
  factChecked,
  ft,
  publishedVerdict,
  related,
  retracted,
  reuters,
  sources,
  storylineOpened,
  supported,
  usGovernment,
  zelensky,
} from './support/events';
import { generatedLog } from './support/generated-log';
import { storedLog } from './support/projection-spec';

const factsOf = (events: StoredEvent[]): Map<string, ClaimFacts> => {
  const facts = new Map<string, ClaimFacts>();
  for (const event of events) {
    const claimId = (event.data as { claimId?: string }).claimId;
    if (typeof claimId !== 'string') continue;
    const after = evolveClaimFacts(facts.get(claimId), event);
    if (after) facts.set(claimId, after);
  }
  return facts;
};

/** A claim of the fixtures as the facts fold ends it. */
const alpha = {
  claimId: 'alpha',
  storylineId: 'us-ukraine-security-guarantees',
  recordedPosition: 2,
  position: 9,
  content: {
    kind: 'factual',
    claimant: zelensky,
    reportedBy: ft,
    with: [reuters],
    about: [usGovernment],
    occurredAt: '2026-01-27T08:00:00+01:00',
  },
  supports: [{ by: zelensky, occurredAt: '2026-01-27T18:00:00+01:00', with: [reuters] }],
  contradictions: [{ by: usGovernment }],
  factChecks: [],
  verdicts: [{ verdict: 'refuted', position: 5, recordedAt: '2026-01-29T10:00:00.000Z' }],
  developmentsSinceVerdict: [8, 9],
  retraction: { kind: 'withdrawn' },
  relations: [{ claimId: 'beta', relation: 'rival_of' }],
} as ClaimFacts;

describe('the claim facts fold (what the status rule and the rows read of a claim)', () => {
  it('given a claim and its developments, keeps its parties, times and positions, no wording or sources', () => {
    const log = storedLog([
      storylineOpened(),
      claimRecorded('alpha', { with: [reuters], about: [usGovernment] }),
      supported('alpha', zelensky, { with: [correctiv], source: { url: 'https://example.org/a' }, note: 'Quote' }),
      contradicted('alpha', usGovernment),
      factChecked('alpha', correctiv, { text: 'False', value: 1, best: 5, worst: 1 }),
      publishedVerdict('alpha', 'refuted', 'https://desk.example.org/alpha', '2026-01-29T10:00:00.000Z'),
      supported('alpha', reuters),
      retracted('alpha', ft),
      corrected('alpha', { statement: 'Changed', claimant: zelensky, occurredAtPrecision: 'day' }),
      related('alpha', 'beta', 'rival_of'),
    ]);
    expect(factsOf(log).get('alpha')).toEqual({
      claimId: 'alpha',
      storylineId: 'us-ukraine-security-guarantees',
      recordedPosition: 2,
      position: 10,
      content: {
        kind: 'factual',
        claimant: zelensky,
        reportedBy: ft,
        with: [reuters],
        about: [usGovernment],
        occurredAt: '2026-01-27T08:00:00+01:00',
        occurredAtPrecision: 'day',
      },
      supports: [
        { by: zelensky, occurredAt: '2026-01-27T18:00:00+01:00', with: [correctiv] },
        { by: reuters, occurredAt: '2026-01-27T18:00:00+01:00' },
      ],
      contradictions: [{ by: usGovernment }],
      factChecks: [
        {
          by: correctiv,
          url: 'https://factcheck.example.net/alpha',
          rating: { text: 'False', value: 1, best: 5, worst: 1 },
          publishedAt: '2026-01-28T10:00:00Z',
        },
      ],
      verdicts: [
        {
          verdict: 'refuted',
          position: 6,
          recordedAt: '2026-01-29T10:00:00.000Z',
          reviewUrl: 'https://desk.example.org/alpha',
        },
      ],
      developmentsSinceVerdict: [7, 8],
      retraction: { kind: 'withdrawn' },
      relations: [{ claimId: 'beta', relation: 'rival_of' }],
    });
  });

  it('moves only when the claim record moves: a second recording and events before the first are left out', () => {
    const log = storedLog([
      supported('alpha', reuters),
      claimRecorded('alpha'),
      claimRecorded('alpha', { claimant: ft }),
    ]);
    const facts = factsOf(log).get('alpha');
    expect(facts).toMatchObject({ position: 2, recordedPosition: 2, supports: [], content: { claimant: sources } });
  });

  // Property: over a generated newsroom log (registry events, corrections, verdicts, relations among
  // them), the facts fold ends where the facts of the whole fold do, every claim decides alike on
  // both, and the packed form reads back as it was written.
  it('equals the facts of the whole fold for every claim of a generated log, packs without loss, and restates a packing as packing the claim so decided', () => {
    const log = generatedLog(23, 6_000, false);
    const parties = new PartyTable();
    const packedClaims = new Map<string, string>();
    const registry = foldRegistry(log.flatMap((event) => asPartyEvent(event) ?? []));
    const records = new Map<string, ClaimRecord>();
    for (const event of log) {
      const claimId = (event.data as { claimId?: string }).claimId;
      if (typeof claimId !== 'string' || !event.type.startsWith('Claim')) continue;
      const after = evolveClaimRecord(records.get(claimId), event);
      if (after) records.set(claimId, after);
    }
    const folded = factsOf(log.filter((event) => event.type.startsWith('Claim')));
    expect(records.size).toBeGreaterThan(100);
    const statuses = new Set<string>();
    for (const [claimId, record] of records) {
      const facts = folded.get(claimId) as ClaimFacts;
      expect(facts).toEqual(claimFactsOf(record));
      const decision = decideStatus(facts, registry);
      expect(decision).toEqual(decideStatus(record.claim, registry));
      statuses.add(decision.status);
      const mentions = mentionsOf(facts, registry);
      expect(mentions).toEqual(mentionsOf(record.claim, registry));
      const packed = packClaim({ facts, decision, mentions }, parties);
      expect(packed.startsWith('[10,')).toBe(true);
      expect(unpackClaim(claimId, packed, parties)).toEqual({ facts, decision, mentions });
      expect(unpackClaimFacts(claimId, packed, parties)).toEqual(facts);
      packedClaims.set(claimId, packed);
      // A generation of claims read model 9 keeps each claim's parties in the claim.
      const ownParties = packClaim({ facts, decision, mentions });
      expect(ownParties.startsWith('[9,')).toBe(true);
      expect(unpackClaim(claimId, ownParties)).toEqual({ facts, decision, mentions });
      expect(unpackClaimFacts(claimId, ownParties)).toEqual(facts);
      for (const other of [
        { status: 'disputed', needsReview: true },
        { status: 'corroborated', needsReview: false },
      ] as const) {
        expect(restatedClaim(packed, other)).toBe(packClaim({ facts, decision: other, mentions }, parties));
        expect(restatedClaim(ownParties, other)).toBe(packClaim({ facts, decision: other, mentions }));
      }
      const resolvedElsewhere = mentions.map((row, index) =>
        index % 2 === 0 ? row : { ...row, partyId: `other-${row.partyId}`, registered: index % 4 === 1 },
      );
      const rows = { facts, decision, mentions: resolvedElsewhere };
      expect(unpackClaim(claimId, packClaim(rows, parties), parties)).toEqual(rows);
    }
    expect(statuses.size).toBeGreaterThan(2);
    // Each party as mentioned once, however many claims name it; the table read back reads every claim.
    expect(parties.size).toBeLessThan(records.size);
    const { parties: stored } = parties.unsaved();
    const readBack = new PartyTable(stored);
    for (const [claimId, packed] of packedClaims) {
      expect(unpackClaim(claimId, packed, readBack)).toEqual(unpackClaim(claimId, packed, parties));
    }
    expect(readBack.unsaved().parties).toEqual([]);
  });

  it('packs names in any script against one table of the parties, which the claims share', () => {
    const parties = new PartyTable();
    const kyiv = { id: 'kyiv-city-council', name: 'Київська міська рада', kind: 'government' } as const;
    const xinhua = { id: 'xinhua', name: '新华通讯社', kind: 'media' } as const;
    const jazeera = { id: 'al-jazeera', name: 'الجزيرة', kind: 'media' } as const;
    const typedAgain = { ...zelensky, name: 'Володимир Зеленський' };
    const facts = {
      ...alpha,
      content: { ...alpha.content, claimant: typedAgain, reportedBy: xinhua, with: [jazeera], about: [kyiv] },
      supports: [{ by: zelensky, occurredAt: '2026-01-27T17:00:00.000Z', with: [xinhua, typedAgain] }],
      factChecks: [
        { by: jazeera, url: 'https://a', rating: { text: 'مضلل' }, publishedAt: '2026-01-28T10:00:00.000Z' },
      ],
    } as ClaimFacts;
    const decided = {
      facts,
      decision: { status: 'disputed', needsReview: true },
      mentions: mentionsOf(facts, foldRegistry([])),
    } as DecidedClaim;
    const packed = packClaim(decided, parties);
    for (const name of [kyiv.name, xinhua.name, jazeera.name, typedAgain.name]) expect(packed).not.toContain(name);
    expect(unpackClaim('alpha', packed, parties)).toEqual(decided);
    // One id under two names is two parties as mentioned; each distinct party is numbered once.
    expect(parties.size).toBe(new Set([kyiv, xinhua, jazeera, typedAgain, zelensky, usGovernment]).size);
    const beta = { ...decided, facts: { ...facts, claimId: 'beta', supports: [], contradictions: [] } };
    packClaim(beta, parties);
    expect(parties.size).toBe(6);
    expect(parties.unsaved()).toEqual({
      from: 0,
      parties: [typedAgain, xinhua, jazeera, kyiv, zelensky, usGovernment],
    });
    parties.markSaved(parties.unsaved());
    expect(parties.unsaved()).toEqual({ from: 6, parties: [] });
    const readBack = new PartyTable([typedAgain, xinhua, jazeera, kyiv, zelensky, usGovernment] as Party[]);
    expect(unpackClaim('alpha', packed, readBack)).toEqual(decided);
    expect(() => unpackClaim('alpha', packed)).toThrow(/party table/);
  });

  it('keeps mentions rows that do not follow from the facts whole', () => {
    const facts = factsOf(storedLog([storylineOpened(), claimRecorded('alpha')])).get('alpha') as ClaimFacts;
    const [claimant] = mentionsOf(facts, foldRegistry([]));
    const decided = {
      facts,
      decision: { status: 'reported', needsReview: false },
      mentions: [{ ...claimant, name: 'Other' }],
    };
    expect(unpackClaim('alpha', packClaim(decided as DecidedClaim))).toEqual(decided);
  });

  it('packs what it cannot shorten as it was: times off the minute or with offsets, ratings with zeros or in another order', () => {
    const facts = {
      ...alpha,
      content: { ...alpha.content, kind: 'opinion', occurredAt: '1969-12-31T23:00:00.000Z' },
      supports: [{ by: zelensky, occurredAt: '2026-01-27T18:00:30.000Z' }],
      factChecks: [
        { by: reuters, url: 'https://a', rating: { value: 0, worst: 0, text: 'False' }, publishedAt: '2026-01-28' },
        { by: ft, url: 'https://b', rating: { best: 5, value: 1, text: 'Wrong' }, publishedAt: '2026-01-28T10:00:00Z' },
      ],
      verdicts: [{ ...alpha.verdicts[0], recordedAt: '2026-01-29T10:00:00.123Z', reviewUrl: 'https://r' }],
    } as ClaimFacts;
    const decided = {
      facts,
      decision: { status: 'disputed', needsReview: false },
      mentions: mentionsOf(facts, foldRegistry([])),
    };
    const unpacked = unpackClaim('alpha', packClaim(decided as DecidedClaim));
    expect(unpacked).toEqual(decided);
    expect(JSON.stringify(unpacked.facts.factChecks)).toBe(JSON.stringify(facts.factChecks));
  });

  it('restates a packing whose strings hold quotes, commas, brackets and backslashes', () => {
    const odd = { id: 'odd', name: 'A "B", [C] {D} \\', kind: 'person' as const };
    const facts = {
      ...alpha,
      content: { ...alpha.content, claimant: odd },
      supports: [{ by: odd, occurredAt: 'x"],' }],
    };
    const mentions = mentionsOf(facts, foldRegistry([]));
    const packed = packClaim({ facts, decision: { status: 'unverified', needsReview: false }, mentions });
    const decision = { status: 'disputed', needsReview: true } as const;
    expect(restatedClaim(packed, decision)).toBe(packClaim({ facts, decision, mentions }));
    const parties = new PartyTable();
    const shared = packClaim({ facts, decision: { status: 'unverified', needsReview: false }, mentions }, parties);
    expect(restatedClaim(shared, decision)).toBe(packClaim({ facts, decision, mentions }, parties));
  });
});
