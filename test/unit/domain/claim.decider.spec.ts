import { ClaimCommand, IdentifyParty, identifyIn, RecordClaim } from '../../../src/domain/claim/claim.commands';
import { ClaimContentChanges, ClaimRetracted, RetractionKind } from '../../../src/domain/claim/claim.events';
import { claimDecider } from '../../../src/domain/claim/claim.decider';
import { fold } from '../../../src/domain/decider';
import { Party } from '../../../src/domain/party';
import { emptyRegistry, foldRegistry } from '../../../src/domain/party/party-registry';
import {
  CLAIM_ID,
  DEVELOPMENT_TIME,
  STORYLINE_ID,
  corrected,
  familiarSources,
  financialTimes,
  ftReport,
  recorded,
  retracted,
  reuters,
  usGovernment,
  verdictIssued,
} from './claim-fixtures';
import { givenClaim } from './decider-spec';
import { registryLog } from './party/party-fixtures';

const ftRecorded = recorded('recorded');

/** No party registered: every mention stands for itself, by its id's key. */
const unregistered = identifyIn(emptyRegistry);

const retractBy = (by: Party, identify: IdentifyParty = unregistered, kind?: RetractionKind): ClaimCommand => ({
  type: 'RetractClaim',
  data: { by, occurredAt: DEVELOPMENT_TIME, ...(kind ? { kind } : {}) },
  identify,
});

const withdrawnBy = (by: Party): ClaimRetracted => ({
  type: 'ClaimRetracted',
  data: { claimId: CLAIM_ID, by, occurredAt: DEVELOPMENT_TIME, kind: 'withdrawn' },
});

describe('RecordClaim', () => {
  const recordFtReport: RecordClaim = {
    type: 'RecordClaim',
    data: { claimId: CLAIM_ID, storylineId: STORYLINE_ID, ...ftReport },
  };

  it('records a new claim with its anonymous source count', () => {
    givenClaim([])
      .when(recordFtReport)
      .then([
        {
          type: 'ClaimRecorded',
          data: {
            claimId: 'ft-donbas-condition',
            storylineId: 'us-ukraine-security-guarantees',
            statement: 'Die USA machen Sicherheitsgarantien von der Abtretung des Donbass abhängig.',
            language: 'de',
            kind: 'factual',
            claimant: familiarSources,
            reportedBy: financialTimes,
            attribution: 'anonymous',
            anonymousSourceCount: 8,
            occurredAt: '2026-01-27T08:00:00+01:00',
            tags: ['donbas'],
          },
        },
      ]);
  });

  it('refuses to record the same claim twice', () => {
    givenClaim([ftRecorded]).when(recordFtReport).thenRejects('already_exists');
  });

  it.each(['on_record', 'official_statement', 'unattributed'] as const)(
    'refuses an anonymous source count on a claim attributed %s',
    (attribution) => {
      givenClaim([])
        .when({ type: 'RecordClaim', data: { ...recordFtReport.data, attribution } })
        .thenRejects('rejected', /anonymousSourceCount/);
    },
  );
});

describe('commands on a claim that was never recorded', () => {
  it.each<ClaimCommand>([
    { type: 'SupportClaim', data: { by: reuters, kind: 'confirmation', occurredAt: DEVELOPMENT_TIME } },
    { type: 'ContradictClaim', data: { by: usGovernment, kind: 'denial', occurredAt: DEVELOPMENT_TIME } },
    retractBy(financialTimes),
    { type: 'CorrectClaim', data: { changes: { language: 'en' }, reason: 'typo', occurredAt: DEVELOPMENT_TIME } },
    { type: 'IssueVerdict', data: { verdict: 'refuted', rationale: 'denied', occurredAt: DEVELOPMENT_TIME } },
  ])('$type is refused as not found', (command) => {
    givenClaim([]).when(command).thenRejects('not_found');
  });
});

describe('SupportClaim, ContradictClaim and IssueVerdict', () => {
  const source = { url: 'https://example.org/report', quote: 'The US denies the report.' };

  it('records a support with its kind, source and note', () => {
    givenClaim([ftRecorded])
      .when({
        type: 'SupportClaim',
        data: { by: reuters, kind: 'evidence', occurredAt: DEVELOPMENT_TIME, source, note: 'second source' },
      })
      .then([
        {
          type: 'ClaimSupported',
          data: {
            claimId: CLAIM_ID,
            by: reuters,
            kind: 'evidence',
            occurredAt: DEVELOPMENT_TIME,
            source,
            note: 'second source',
          },
        },
      ]);
  });

  it('records a contradiction', () => {
    givenClaim([ftRecorded])
      .when({ type: 'ContradictClaim', data: { by: usGovernment, kind: 'denial', occurredAt: DEVELOPMENT_TIME } })
      .then([
        {
          type: 'ClaimContradicted',
          data: { claimId: CLAIM_ID, by: usGovernment, kind: 'denial', occurredAt: DEVELOPMENT_TIME },
        },
      ]);
  });

  it('records a verdict, also on a retracted claim', () => {
    givenClaim([ftRecorded, retracted('ft-withdraws', financialTimes)])
      .when({ type: 'IssueVerdict', data: { verdict: 'refuted', rationale: 'denied', occurredAt: DEVELOPMENT_TIME } })
      .then([
        {
          type: 'ClaimVerdictIssued',
          data: { claimId: CLAIM_ID, verdict: 'refuted', rationale: 'denied', occurredAt: DEVELOPMENT_TIME },
        },
      ]);
  });
});

describe('RetractClaim', () => {
  it.each([
    ['the claimant', familiarSources],
    ['the reporter', financialTimes],
  ])('lets %s withdraw the claim', (_who, by) => {
    givenClaim([ftRecorded])
      .when(retractBy(by))
      .then([withdrawnBy(by)]);
  });

  it('lets the claimant withdraw under the id the slug derives now, when an older slug derived the one recorded', () => {
    const claimant = { id: 'łukasz-kowalski', name: 'Łukasz Kowalski', kind: 'person' as const };
    const by = { ...claimant, id: 'lukasz-kowalski' };
    givenClaim([{ ...ftRecorded, data: { ...ftRecorded.data, claimant } }])
      .when(retractBy(by))
      .then([withdrawnBy(by)]);
  });

  it('refuses a retraction by anyone else; they contradict instead', () => {
    givenClaim([ftRecorded])
      .when(retractBy(usGovernment))
      .thenRejects('rejected', /contradiction/);
  });

  it('refuses a retraction by a party that only shares the name of the reporter', () => {
    givenClaim([ftRecorded])
      .when(retractBy({ ...usGovernment, name: financialTimes.name }))
      .thenRejects('rejected');
  });

  it('refuses a second retraction as a conflict', () => {
    givenClaim([ftRecorded, retracted('ft-withdraws', financialTimes)])
      .when(retractBy(familiarSources))
      .thenRejects('conflict');
  });

  it('refuses a second retraction even after a verdict', () => {
    givenClaim([ftRecorded, retracted('ft-withdraws', financialTimes), verdictIssued('ruling', 'refuted')])
      .when(retractBy(financialTimes))
      .thenRejects('conflict');
  });

  it('asks the corrected reporter, not the original one', () => {
    const history = [ftRecorded, corrected('reporter-was-reuters', { reportedBy: reuters })];

    givenClaim(history).when(retractBy(financialTimes)).thenRejects('rejected');
    givenClaim(history)
      .when(retractBy(reuters))
      .then([withdrawnBy(reuters)]);
  });
});

describe('RetractClaim under another name of the claimant or reporter', () => {
  const log = registryLog();
  const registry = foldRegistry([
    log.registered('financial-times', 'Financial Times', 'media', ['FT']),
    log.registered('ft-com', 'FT.com', 'media'),
    log.merged('ft-com', 'financial-times'),
    log.registered('reuters', 'Reuters', 'media'),
    log.affiliated('reuters', 'affiliated_with', 'financial-times'),
  ]);
  const identify = identifyIn(registry);

  it.each<[string, Party]>([
    ['an alias', { id: 'ft', name: 'FT', kind: 'media' }],
    ['a merged duplicate', { id: 'ft-com', name: 'FT.com', kind: 'media' }],
    ['the registered id under another name', { id: 'financial-times', name: 'The Pink Paper', kind: 'media' }],
  ])('lets the reporter retract under %s', (_how, by) => {
    givenClaim([ftRecorded])
      .when(retractBy(by, identify))
      .then([withdrawnBy(by)]);
  });

  it('lets a claimant recorded under an alias retract under the registered name', () => {
    const ft = { id: 'ft', name: 'FT', kind: 'media' as const };
    givenClaim([recorded('recorded', { claimant: ft, reportedBy: undefined })])
      .when(retractBy(financialTimes, identify))
      .then([withdrawnBy(financialTimes)]);
  });

  it('refuses a party merely related to the reporter, naming both and the way out', () => {
    givenClaim([ftRecorded])
      .when(retractBy(reuters, identify))
      .thenRejects('rejected', /reporter \(financial-times\).*Reuters \(reuters\).*record a contradiction instead/);
  });

  it('asks the registry it is given: without the alias registered, "FT" is someone else', () => {
    givenClaim([ftRecorded])
      .when(retractBy({ id: 'ft', name: 'FT', kind: 'media' }))
      .thenRejects('rejected');
  });
});

describe('RetractClaim kinds', () => {
  it('records a retraction as withdrawn unless told otherwise', () => {
    givenClaim([ftRecorded])
      .when(retractBy(financialTimes))
      .then([withdrawnBy(financialTimes)]);
  });

  it('records a post deleted without comment as deleted', () => {
    givenClaim([ftRecorded])
      .when(retractBy(financialTimes, unregistered, 'deleted'))
      .then([{ type: 'ClaimRetracted', data: { ...withdrawnBy(financialTimes).data, kind: 'deleted' } }]);
  });

  it('refuses a second retraction of either kind after a deletion', () => {
    const deleted = retracted('ft-deletes', financialTimes);
    givenClaim([ftRecorded, { ...deleted, data: { ...deleted.data, kind: 'deleted' } }])
      .when(retractBy(financialTimes))
      .thenRejects('conflict');
  });
});

describe('CorrectClaim', () => {
  const correct = (changes: ClaimContentChanges): ClaimCommand => ({
    type: 'CorrectClaim',
    data: { changes, reason: 'mistyped', occurredAt: DEVELOPMENT_TIME },
  });
  const fixedStatement = 'Die USA knüpfen Sicherheitsgarantien an die Abtretung des Donbass.';

  it('records only the fields it fixes, with the reason', () => {
    givenClaim([ftRecorded])
      .when(correct({ statement: fixedStatement }))
      .then([
        {
          type: 'ClaimCorrected',
          data: {
            claimId: CLAIM_ID,
            changes: { statement: fixedStatement },
            reason: 'mistyped',
            occurredAt: DEVELOPMENT_TIME,
          },
        },
      ]);
  });

  it('changes the statement of the folded claim while the history keeps the original', () => {
    const history = [ftRecorded, corrected('fix', { statement: fixedStatement })];

    const claim = fold(claimDecider, history);

    expect(claim?.content.statement).toBe(fixedStatement);
    expect(claim?.corrections).toEqual([expect.objectContaining({ eventId: 'fix', reason: 'data-entry mistake' })]);
    expect(history[0]).toStrictEqual(recorded('recorded'));
    expect(ftRecorded.data.statement).toBe(ftReport.statement);
  });

  it.each([{}, { statement: undefined }])('refuses a correction that changes nothing: %p', (changes) => {
    givenClaim([ftRecorded]).when(correct(changes)).thenRejects('rejected');
  });

  it('refuses to leave an anonymous source count on a claim that is no longer anonymous', () => {
    givenClaim([ftRecorded])
      .when(correct({ attribution: 'on_record' }))
      .thenRejects('rejected', /anonymous/);
  });

  it('accepts the attribution change when the count goes with it', () => {
    const changes: ClaimContentChanges = { attribution: 'on_record', anonymousSourceCount: null };
    givenClaim([ftRecorded])
      .when(correct(changes))
      .then([
        {
          type: 'ClaimCorrected',
          data: { claimId: CLAIM_ID, changes, reason: 'mistyped', occurredAt: DEVELOPMENT_TIME },
        },
      ]);

    const claim = fold(claimDecider, [ftRecorded, corrected('on-record', changes)]);
    expect(claim?.content.attribution).toBe('on_record');
    expect(claim?.content).not.toHaveProperty('anonymousSourceCount');
  });

  it('refuses an anonymous source count added to an on-record claim', () => {
    const onRecord = recorded('recorded', { attribution: 'on_record', anonymousSourceCount: undefined });

    givenClaim([onRecord])
      .when(correct({ anonymousSourceCount: 3 }))
      .thenRejects('rejected');
  });
});

describe('RecordFactCheck', () => {
  const review = {
    by: { id: 'correctiv', name: 'Correctiv', kind: 'organization' as const },
    rating: { value: 1, best: 5, worst: 1, text: 'Falsch' },
    url: 'https://factcheck.example.net/donbass',
    publishedAt: DEVELOPMENT_TIME,
  };
  const recordFactCheck = (data = review): ClaimCommand => ({ type: 'RecordFactCheck', data });

  it('records an outside fact-check on a recorded claim', () => {
    givenClaim([ftRecorded])
      .when(recordFactCheck())
      .then([{ type: 'ClaimFactChecked', data: { claimId: CLAIM_ID, ...review } }]);
  });

  it('records nothing for the same review again, and a re-rating at the same address', () => {
    const stored = { eventId: 'checked', type: 'ClaimFactChecked' as const, data: { claimId: CLAIM_ID, ...review } };
    givenClaim([ftRecorded, stored]).when(recordFactCheck()).then([]);
    const rerated = { ...review, rating: { ...review.rating, value: 4, text: 'Mostly true' } };
    givenClaim([ftRecorded, stored])
      .when(recordFactCheck(rerated))
      .then([{ type: 'ClaimFactChecked', data: { claimId: CLAIM_ID, ...rerated } }]);
  });

  it('records nothing for a review imported again after slugs changed, its by.id derived anew', () => {
    const olderImport = {
      ...review,
      by: { id: 'łodzki-fact-check', name: 'Łódzki Fact Check', kind: 'organization' as const },
    };
    const stored = {
      eventId: 'checked',
      type: 'ClaimFactChecked' as const,
      data: { claimId: CLAIM_ID, ...olderImport },
    };
    givenClaim([ftRecorded, stored])
      .when(recordFactCheck({ ...olderImport, by: { ...olderImport.by, id: 'lodzki-fact-check' } }))
      .then([]);
  });

  it('refuses a rating outside its scale, or on a scale without a span', () => {
    givenClaim([ftRecorded])
      .when(recordFactCheck({ ...review, rating: { value: 6, best: 5, worst: 1, text: 'x' } }))
      .thenRejects('rejected', /outside its scale/);
    givenClaim([ftRecorded])
      .when(recordFactCheck({ ...review, rating: { value: 3, best: 3, worst: 3, text: 'x' } }))
      .thenRejects('rejected', /both 3/);
  });

  it('refuses a fact-check of a claim that does not exist', () => {
    givenClaim([]).when(recordFactCheck()).thenRejects('not_found');
  });

  it('records a review dated to the day as the start of that day, and a new precision as news', () => {
    const dated = { ...review, publishedAt: '2026-01-28T00:00:00Z', publishedAtPrecision: 'day' as const };
    givenClaim([ftRecorded])
      .when(recordFactCheck({ ...dated, publishedAt: '2026-01-28T10:00:00Z' }))
      .thenRejects('rejected', /publishedAt known to the day is recorded as its start/);
    const stored = { eventId: 'checked', type: 'ClaimFactChecked' as const, data: { claimId: CLAIM_ID, ...dated } };
    givenClaim([ftRecorded, stored]).when(recordFactCheck(dated)).then([]);
    const { publishedAtPrecision: _dropped, ...toTheSecond } = dated;
    givenClaim([ftRecorded, stored])
      .when(recordFactCheck(toTheSecond))
      .then([{ type: 'ClaimFactChecked', data: { claimId: CLAIM_ID, ...toTheSecond } }]);
  });
});

describe('a claim summary', () => {
  it('has at most 75 characters, on record and on correction', () => {
    const long = 'ü'.repeat(76);
    givenClaim([])
      .when({ type: 'RecordClaim', data: { claimId: CLAIM_ID, storylineId: STORYLINE_ID, ...ftReport, summary: long } })
      .thenRejects('rejected', /at most 75/);
    givenClaim([ftRecorded])
      .when({ type: 'CorrectClaim', data: { changes: { summary: long }, reason: 'x', occurredAt: DEVELOPMENT_TIME } })
      .thenRejects('rejected', /at most 75/);
  });
});

describe('claim kinds', () => {
  it('records an opinion as an opinion, and a correction can make it a prediction', () => {
    const opinion = { ...ftReport, kind: 'opinion' as const };
    givenClaim([])
      .when({ type: 'RecordClaim', data: { claimId: CLAIM_ID, storylineId: STORYLINE_ID, ...opinion } })
      .then([{ type: 'ClaimRecorded', data: { claimId: CLAIM_ID, storylineId: STORYLINE_ID, ...opinion } }]);
    const claim = fold(claimDecider, [
      recorded('recorded', { kind: 'opinion' }),
      corrected('fix', { kind: 'prediction' }),
    ]);
    expect(claim?.content.kind).toBe('prediction');
  });

  it('takes a claim recorded before claims had kinds as factual', () => {
    const { kind: _kind, ...beforeKinds } = recorded('recorded').data;
    const claim = fold(claimDecider, [{ eventId: 'old', type: 'ClaimRecorded', data: beforeKinds }]);
    expect(claim?.content.kind).toBe('factual');
  });
});

describe('times known only to the day, month or year', () => {
  const record = (occurredAt: string, occurredAtPrecision: 'day' | 'month' | 'year'): ClaimCommand => ({
    type: 'RecordClaim',
    data: { claimId: CLAIM_ID, storylineId: STORYLINE_ID, ...ftReport, occurredAt, occurredAtPrecision },
  });

  it.each([
    ['2026-01-23T00:00:00+01:00', 'day'],
    ['2026-01-23T00:00+02:00', 'day'],
    ['2026-01-01T00:00:00.000Z', 'month'],
    ['2026-01-01T00:00:00+01:00', 'year'],
  ] as const)('records %s with precision %s, the start of it', (occurredAt, precision) => {
    givenClaim([])
      .when(record(occurredAt, precision))
      .then([
        {
          type: 'ClaimRecorded',
          data: {
            claimId: CLAIM_ID,
            storylineId: STORYLINE_ID,
            ...ftReport,
            occurredAt,
            occurredAtPrecision: precision,
          },
        },
      ]);
  });

  it.each([
    ['2026-01-23T16:00:00+01:00', 'day'],
    ['2026-01-23T00:00:00+01:00', 'month'],
    ['2026-02-01T00:00:00+01:00', 'year'],
  ] as const)('refuses %s with precision %s: a time finer than what is known', (occurredAt, precision) => {
    givenClaim([])
      .when(record(occurredAt, precision))
      .thenRejects('rejected', new RegExp(`occurredAt known to the ${precision} is recorded as its start`));
  });

  it('checks a development’s time, and a corrected time against the precision the claim keeps', () => {
    givenClaim([ftRecorded])
      .when({
        type: 'ContradictClaim',
        data: { by: usGovernment, kind: 'denial', occurredAt: DEVELOPMENT_TIME, occurredAtPrecision: 'day' },
      })
      .thenRejects('rejected');
    const dayOnly = recorded('recorded', { occurredAt: '2026-01-27T00:00:00+01:00', occurredAtPrecision: 'day' });
    const correct = (changes: ClaimContentChanges): ClaimCommand => ({
      type: 'CorrectClaim',
      data: { changes, reason: 'the article gives the hour', occurredAt: DEVELOPMENT_TIME },
    });
    givenClaim([dayOnly])
      .when(correct({ occurredAt: '2026-01-27T09:00:00+01:00' }))
      .thenRejects('rejected');
    givenClaim([dayOnly])
      .when(correct({ occurredAt: '2026-01-27T09:00:00+01:00', occurredAtPrecision: null }))
      .then([
        {
          type: 'ClaimCorrected',
          data: {
            claimId: CLAIM_ID,
            changes: { occurredAt: '2026-01-27T09:00:00+01:00', occurredAtPrecision: null },
            reason: 'the article gives the hour',
            occurredAt: DEVELOPMENT_TIME,
          },
        },
      ]);
  });
});

describe('sources with translations', () => {
  const rutte = {
    url: 'https://example.org/article',
    quoteLanguage: 'en',
    translation: { text: '«Wir können es nicht»', language: 'de' },
  };

  it('keeps the original language and the translation apart', () => {
    const claim = fold(claimDecider, [recorded('recorded', { source: rutte })]);
    expect(claim?.content.source).toEqual(rutte);
    givenClaim([])
      .when({ type: 'RecordClaim', data: { claimId: CLAIM_ID, storylineId: STORYLINE_ID, ...ftReport, source: rutte } })
      .then([
        { type: 'ClaimRecorded', data: { claimId: CLAIM_ID, storylineId: STORYLINE_ID, ...ftReport, source: rutte } },
      ]);
  });

  it('takes a source dated to the day only at the start of that day, and a precision only with its time', () => {
    const record = (source: object): ClaimCommand => ({
      type: 'RecordClaim',
      data: { claimId: CLAIM_ID, storylineId: STORYLINE_ID, ...ftReport, source: { url: rutte.url, ...source } },
    });
    givenClaim([])
      .when(record({ publishedAt: '2026-01-26T08:00:00+01:00', publishedAtPrecision: 'day' }))
      .thenRejects('rejected', /source.publishedAt known to the day is recorded as its start/);
    givenClaim([])
      .when(record({ publishedAtPrecision: 'month' }))
      .thenRejects('rejected', /publishedAtPrecision needs source.publishedAt/);
    const dayOnly = { publishedAt: '2026-01-26T00:00:00+01:00', publishedAtPrecision: 'day' as const };
    expect(
      fold(claimDecider, [recorded('recorded', { source: { url: rutte.url, ...dayOnly } })])?.content.source,
    ).toEqual({
      url: rutte.url,
      ...dayOnly,
    });
  });

  it('refuses a translation into the language of the original', () => {
    const source = { ...rutte, quoteLanguage: 'DE' };
    givenClaim([])
      .when({ type: 'RecordClaim', data: { claimId: CLAIM_ID, storylineId: STORYLINE_ID, ...ftReport, source } })
      .thenRejects('rejected', /language of the original/);
    givenClaim([ftRecorded])
      .when({ type: 'SupportClaim', data: { by: reuters, kind: 'evidence', occurredAt: DEVELOPMENT_TIME, source } })
      .thenRejects('rejected', /language of the original/);
  });
});
