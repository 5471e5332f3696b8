import { StoredEvent } from '../../src/application/ports/event-store.port';
import { SinceBeyondCheckpointError } from '../../src/application/queries/changes/changes.query';
import { ClaimsTouchedElsewhere } from '../../src/application/queries/changes/claims-touched-elsewhere';
import { PartyReadModel } from '../../src/application/queries/read-models.port';
import { PartyRegistry } from '../../src/domain/party/party-registry';
import { InvalidCursorError } from '../../src/application/queries/page';
import { NotFoundError } from '../../src/application/queries/not-found.error';
import {
  STORYLINE,
  affiliationEnded,
  claimRecorded,
  contradicted,
  corrected,
  ft,
  janeRoe,
  partyAffiliated,
  partyDiscredited,
  partyRegistered,
  relatedBothWays,
  retracted,
  reuters,
  sources,
  stakeholderNamed,
  stakeholderRemoved,
  storylineOpened,
  supported,
  usGovernment,
  verdictIssued,
  zelensky,
} from './support/events';
import { ChangesSpec, givenLog } from './support/changes-spec';
import { GivenEvent } from './support/projection-spec';

const OTHER = 'polish-image-caption';
const inOther = (claimId: string) => claimRecorded(claimId, { storylineId: OTHER });

// Positions are 1-based in the order the events are given.
describe('what changed since a position', () => {
  let spec: ChangesSpec | undefined;
  const start = async (events: GivenEvent[], options?: Parameters<typeof givenLog>[1]) =>
    (spec = await givenLog(events, options));
  afterEach(async () => {
    await spec?.close();
    spec = undefined;
  });

  it('shows a denial moving a claim from unverified to disputed, decided by the denial', async () => {
    const { changes, log } = await start([
      storylineOpened(),
      claimRecorded('ft-report'),
      contradicted('ft-report', usGovernment),
    ]);

    const answer = await changes({ since: 2 });

    expect(answer).toMatchObject({ since: 2, next: 3, truncated: false, claimsAdded: [] });
    expect(answer.claimsChanged).toEqual([
      {
        id: 'ft-report',
        storylineId: STORYLINE,
        statement: 'Statement of ft-report',
        claimant: { id: sources.id, name: sources.name },
        before: 'unverified',
        after: 'disputed',
        needsReview: false,
        explanation: { rule: 'contradicted', eventIds: [log[2].eventId], summary: 'Contradicted by US government.' },
        decidedBy: {
          eventId: log[2].eventId,
          type: 'ClaimContradicted',
          position: 3,
          recordedAt: log[2].metadata.recordedAt,
        },
      },
    ]);
    expect(answer.storylines).toEqual([
      { id: STORYLINE, title: 'US–Ukraine security guarantees', before: 'developing', after: 'disputed' },
    ]);
    expect(answer.developments.total).toEqual({
      claimsRecorded: 0,
      supports: 0,
      contradictions: 1,
      retractions: 0,
      corrections: 0,
      verdicts: 0,
      factChecks: 0,
    });
  });

  it('weighs a claim with its rivals: a rival confirmed before the window still asks for review', async () => {
    const { changes } = await start([
      storylineOpened(),
      claimRecorded('accident'),
      claimRecorded('sabotage'),
      ...relatedBothWays('accident', 'sabotage', 'rival_of'),
      verdictIssued('sabotage', 'confirmed'),
      contradicted('accident', usGovernment),
      claimRecorded('weather'),
      ...relatedBothWays('weather', 'sabotage', 'rival_of'),
    ]);

    const answer = await changes({ since: 6 });

    expect(answer.claimsChanged).toEqual([
      expect.objectContaining({
        id: 'accident',
        before: 'unverified',
        after: 'disputed',
        needsReview: true,
        explanation: expect.objectContaining({ confirmedRivals: ['sabotage'] }),
      }),
    ]);
    expect(answer.claimsAdded).toEqual([expect.objectContaining({ id: 'weather', needsReview: true })]);
  });

  it('lists a claim recorded since with its status now, and a storyline opened since without a before', async () => {
    const { changes } = await start([
      storylineOpened(),
      claimRecorded('ft-report'),
      storylineOpened(OTHER, 'Polish image caption'),
      inOther('caption'),
      contradicted('caption', usGovernment),
    ]);

    const answer = await changes({ since: 2 });

    expect(answer.claimsAdded).toEqual([
      {
        id: 'caption',
        storylineId: OTHER,
        statement: 'Statement of caption',
        claimant: { id: sources.id, name: sources.name },
        status: 'disputed',
        needsReview: false,
        position: 4,
        recordedAt: expect.any(String),
      },
    ]);
    expect(answer.claimsChanged).toEqual([]);
    expect(answer.storylines).toEqual([{ id: OTHER, title: 'Polish image caption', after: 'disputed' }]);
    expect(answer.developments.byStoryline).toEqual([
      {
        storylineId: OTHER,
        claimsRecorded: 1,
        supports: 0,
        contradictions: 1,
        retractions: 0,
        corrections: 0,
        verdicts: 0,
        factChecks: 0,
      },
    ]);
  });

  it('names the verdict as the deciding event, even with later developments that need review', async () => {
    const { changes, log } = await start([
      storylineOpened(),
      claimRecorded('ft-report'),
      contradicted('ft-report', usGovernment),
      verdictIssued('ft-report', 'refuted'),
      supported('ft-report', reuters),
    ]);

    const [change] = (await changes({ since: 3 })).claimsChanged;

    expect(change).toMatchObject({ before: 'disputed', after: 'refuted', needsReview: true });
    expect(change.explanation.eventIds).toEqual([log[3].eventId, log[4].eventId]);
    expect(change.decidedBy).toMatchObject({ eventId: log[3].eventId, type: 'ClaimVerdictIssued', position: 4 });
  });

  describe('a storyline with two disputed claims', () => {
    const disputedTwice = [
      storylineOpened(),
      claimRecorded('ft-report'),
      claimRecorded('zelensky-ready', { claimant: zelensky }),
      contradicted('ft-report', usGovernment),
      contradicted('zelensky-ready', usGovernment),
      verdictIssued('ft-report', 'refuted'),
    ];

    it('keeps its headline while the claim the window left alone is still disputed', async () => {
      const answer = await (await start(disputedTwice)).changes({ since: 5 });
      expect(answer.claimsChanged.map(({ id, before, after }) => [id, before, after])).toEqual([
        ['ft-report', 'disputed', 'refuted'],
      ]);
      expect(answer.storylines).toEqual([]);
    });

    it('flips it when the last disputed claim is settled, counting the one ruled before', async () => {
      const answer = await (
        await start([...disputedTwice, verdictIssued('zelensky-ready', 'misleading')])
      ).changes({
        since: 6,
      });
      expect(answer.claimsChanged.map((claim) => claim.id)).toEqual(['zelensky-ready']);
      expect(answer.storylines).toEqual([
        { id: STORYLINE, title: 'US–Ukraine security guarantees', before: 'disputed', after: 'settled' },
      ]);
    });
  });

  it('holds the headline when a status changes inside the same group of statuses', async () => {
    const { changes } = await start([storylineOpened(), claimRecorded('ft-report'), supported('ft-report', reuters)]);
    const answer = await changes({ since: 2 });
    expect(answer.claimsChanged.map(({ before, after }) => [before, after])).toEqual([['unverified', 'corroborated']]);
    expect(answer.storylines).toEqual([]);
  });

  it('counts developments per storyline and in total; a repeated recording is not one', async () => {
    const { changes } = await start([
      storylineOpened(),
      storylineOpened(OTHER, 'Polish image caption'),
      claimRecorded('ft-report'),
      inOther('caption'),
      supported('ft-report', reuters),
      supported('ft-report', zelensky),
      contradicted('caption', usGovernment),
      corrected('caption', { statement: 'Fixed' }),
      retracted('caption', ft),
      verdictIssued('ft-report', 'confirmed'),
      claimRecorded('ft-report'),
    ]);

    const { developments, claimsAdded } = await changes({ since: 2 });

    expect(developments.byStoryline).toEqual([
      {
        storylineId: STORYLINE,
        claimsRecorded: 1,
        supports: 2,
        contradictions: 0,
        retractions: 0,
        corrections: 0,
        verdicts: 1,
        factChecks: 0,
      },
      {
        storylineId: OTHER,
        claimsRecorded: 1,
        supports: 0,
        contradictions: 1,
        retractions: 1,
        corrections: 1,
        verdicts: 0,
        factChecks: 0,
      },
    ]);
    expect(developments.total).toEqual({
      claimsRecorded: 2,
      supports: 2,
      contradictions: 1,
      retractions: 1,
      corrections: 1,
      verdicts: 1,
      factChecks: 0,
    });
    expect(claimsAdded.find((claim) => claim.id === 'caption')?.statement).toBe('Fixed');
  });

  it('gives a next that, passed as since, answers exactly what came after', async () => {
    const events = [storylineOpened(), claimRecorded('ft-report'), contradicted('ft-report', usGovernment)];
    const first = await givenLog(events);
    const { next } = await first.changes({ since: 0 });
    await first.close();
    const { changes } = await start([...events, claimRecorded('second'), supported('ft-report', reuters)]);

    const later = await changes({ since: next });

    expect(later).toMatchObject({ since: 3, next: 5 });
    expect(later.claimsAdded.map((claim) => claim.id)).toEqual(['second']);
    expect(later.developments.total).toMatchObject({ claimsRecorded: 1, supports: 1, contradictions: 0 });
    expect(later.claimsChanged).toEqual([]);
  });

  it('stands "now" at the read models\' checkpoint, and refuses a since beyond it', async () => {
    const { changes } = await start(
      [storylineOpened(), claimRecorded('ft-report'), contradicted('ft-report', usGovernment)],
      { projectedUpTo: 2 },
    );
    const answer = await changes({ since: 0 });
    expect(answer.next).toBe(2);
    expect(answer.developments.total.contradictions).toBe(0);
    expect(answer.claimsAdded).toEqual([expect.objectContaining({ id: 'ft-report', status: 'unverified' })]);
    await expect(changes({ since: 3 })).rejects.toThrow(SinceBeyondCheckpointError);
  });

  it('answers everything since the start for a since older than the log', async () => {
    const { changes } = await start([storylineOpened(), claimRecorded('ft-report')]);
    const answer = await changes({ since: 0 });
    expect(answer).toMatchObject({ since: 0, next: 2 });
    expect(answer.storylines).toEqual([
      { id: STORYLINE, title: 'US–Ukraine security guarantees', after: 'developing' },
    ]);
    expect(answer.claimsAdded.map((claim) => claim.id)).toEqual(['ft-report']);
  });

  it('answers nothing, with next where it was, when nothing moved', async () => {
    const { changes } = await start([storylineOpened(), claimRecorded('ft-report')]);
    expect(await changes({ since: 2 })).toEqual({
      since: 2,
      next: 2,
      truncated: false,
      storylines: [],
      claimsAdded: [],
      claimsChanged: [],
      developments: { total: expect.objectContaining({ claimsRecorded: 0 }), byStoryline: [] },
      totals: { storylines: 0, claimsAdded: 0, claimsChanged: 0, storylinesWithDevelopments: 0 },
    });
  });

  describe('since a moment', () => {
    const at = (second: number, milliseconds = 0) =>
      new Date(Date.UTC(2026, 0, 27, 8, 0, second, milliseconds)).toISOString();

    it('starts after the last position recorded at or before it', async () => {
      // The harness records the event at position p at 08:00:0p UTC.
      const { changes } = await start([
        storylineOpened(),
        claimRecorded('ft-report'),
        contradicted('ft-report', usGovernment),
        supported('ft-report', reuters),
      ]);
      expect(await changes({ sinceTime: at(2, 500) })).toMatchObject({ since: 2, sinceTime: at(2, 500), next: 4 });
      expect((await changes({ sinceTime: at(3) })).since).toBe(3);
      expect((await changes({ sinceTime: '2026-01-27T09:00:03+01:00' })).since).toBe(3);
      expect((await changes({ sinceTime: at(59) })).since).toBe(4);
    });

    it('answers everything for a moment before the log', async () => {
      const { changes } = await start([storylineOpened(), claimRecorded('ft-report')]);
      const answer = await changes({ sinceTime: '2020-01-01T00:00:00Z' });
      expect(answer).toMatchObject({ since: -1, next: 2 });
      expect(answer.claimsAdded).toHaveLength(1);
    });
  });

  describe('of one storyline', () => {
    const events = [
      storylineOpened(),
      storylineOpened(OTHER, 'Polish image caption'),
      claimRecorded('ft-report'),
      inOther('caption'),
      contradicted('ft-report', usGovernment),
      contradicted('caption', usGovernment),
    ];

    it('tells only of the storyline and its claims', async () => {
      const { changes } = await start(events);
      const answer = await changes({ since: 4 }, { storylineId: OTHER });
      expect(answer.claimsChanged.map((claim) => claim.id)).toEqual(['caption']);
      expect(answer.storylines.map((storyline) => storyline.id)).toEqual([OTHER]);
      expect(answer.developments.total.contradictions).toBe(1);
      expect(answer.next).toBe(6);
    });

    it('does not know a storyline that does not exist', async () => {
      const { changes } = await start(events);
      await expect(changes({ since: 0 }, { storylineId: 'no-such-storyline' })).rejects.toThrow(NotFoundError);
    });
  });

  it('pages long lists with a cursor that keeps the window, and totals every list', async () => {
    const events = [storylineOpened(), ...['a', 'b', 'c'].map((id) => claimRecorded(id))];
    const { changes } = await start(events);
    const first = await changes({ since: 1 }, { limit: 2 });
    expect(first.claimsAdded.map((claim) => claim.id)).toEqual(['a', 'b']);
    expect(first.totals.claimsAdded).toBe(3);
    expect(first.developments.total.claimsRecorded).toBe(3);

    const second = await changes({ since: 1 }, { limit: 2, cursor: first.nextCursor });
    expect(second).toMatchObject({ next: first.next, totals: first.totals });
    expect(second.claimsAdded.map((claim) => claim.id)).toEqual(['c']);
    expect(second.nextCursor).toBeUndefined();

    await expect(changes({ since: 2 }, { limit: 2, cursor: first.nextCursor })).rejects.toThrow(InvalidCursorError);
    await expect(changes({ since: 1 }, { limit: 2, cursor: first.nextCursor, storylineId: STORYLINE })).rejects.toThrow(
      InvalidCursorError,
    );
  });

  it('stops a window of more than 20,000 events short, with next where it stopped', async () => {
    const revisions = Array.from({ length: 20_001 }, (_, index) => ({
      type: 'StorylineRevised',
      data: { storylineId: STORYLINE, summary: `Revision ${index}` },
    }));
    const { changes } = await start([storylineOpened(), ...revisions, claimRecorded('ft-report')]);

    const first = await changes({ since: 1 });
    expect(first).toMatchObject({ since: 1, next: 20_001, truncated: true, claimsAdded: [] });

    const rest = await changes({ since: first.next });
    expect(rest).toMatchObject({ next: 20_003, truncated: false });
    expect(rest.claimsAdded.map((claim) => claim.id)).toEqual(['ft-report']);
  });

  it("weighs a claim with its storyline's stakeholders at next, not as its row has them at a later checkpoint", async () => {
    const kremlin = { id: 'kremlin', name: 'Kremlin', kind: 'government' };
    const peskov = { id: 'dmitry-peskov', name: 'Dmitry Peskov', kind: 'person' };
    const revisions = Array.from({ length: 20_000 }, (_, index) => ({
      type: 'StorylineRevised',
      data: { storylineId: OTHER, summary: `Revision ${index}` },
    }));
    const { changes, timeTravel } = await start([
      partyRegistered(kremlin),
      partyRegistered(peskov),
      partyAffiliated(peskov.id, 'spokesperson_for', kremlin.id),
      storylineOpened(),
      storylineOpened(OTHER, 'Polish image caption'),
      claimRecorded('peskov-backed'),
      supported('peskov-backed', peskov),
      stakeholderNamed(STORYLINE, kremlin.id, 'a belligerent of the war'),
      ...revisions,
      stakeholderRemoved(STORYLINE, kremlin.id),
    ]);

    // The window stops short of the removal, which the claims rows (at the log's end) already hold.
    const first = await changes({ since: 7 });
    expect(first).toMatchObject({ truncated: true, next: 20_007 });
    expect((await timeTravel.claim('peskov-backed', { atPosition: first.next }))?.status).toBe('unverified');
    expect(first.claimsChanged.map(({ id, before, after }) => [id, before, after])).toEqual([
      ['peskov-backed', 'corroborated', 'unverified'],
    ]);

    const rest = await changes({ since: first.next });
    expect(rest.claimsChanged.map(({ id, before, after }) => [id, before, after])).toEqual([
      ['peskov-backed', 'unverified', 'corroborated'],
    ]);
  });

  it('compares the claims the extension point names, and passes it the events of the window', async () => {
    const seen: StoredEvent[][] = [];
    const touchedElsewhere = (parties: PartyReadModel) =>
      new (class extends ClaimsTouchedElsewhere {
        override async reached(window: readonly StoredEvent[], registryAtSince: PartyRegistry) {
          seen.push([...window]);
          return { ...(await super.reached(window, registryAtSince)), claimIds: ['zelensky-ready', 'no-such-claim'] };
        }
      })(parties);
    const { changes } = await start(
      [
        storylineOpened(),
        claimRecorded('zelensky-ready', { claimant: zelensky }),
        claimRecorded('ft-report'),
        contradicted('ft-report', usGovernment),
      ],
      { touchedElsewhere },
    );

    const answer = await changes({ since: 3 });

    expect(seen.map((window) => window.map((event) => event.position))).toEqual([[4]]);
    // Named, folded at both points, and unchanged: it is not listed and the headline counts it once.
    expect(answer.claimsChanged.map((claim) => claim.id)).toEqual(['ft-report']);
    expect(answer.storylines).toEqual([expect.objectContaining({ before: 'developing', after: 'disputed' })]);
  });

  describe('claims the registry re-evaluated', () => {
    const janeSupports = [
      storylineOpened(),
      claimRecorded('ft-report'),
      claimRecorded('zelensky-ready', { claimant: zelensky, reportedBy: reuters }),
      supported('ft-report', janeRoe),
      partyRegistered(ft),
      partyRegistered(janeRoe),
      partyAffiliated(janeRoe.id, 'employed_by', ft.id),
    ];

    it('lists a claim without events of its own in the window, decided by the registry event that flipped it', async () => {
      const { changes, log } = await start(janeSupports);

      const answer = await changes({ since: 4 });

      expect(answer.claimsChanged).toEqual([
        expect.objectContaining({
          id: 'ft-report',
          before: 'corroborated',
          after: 'unverified',
          decidedBy: {
            eventId: log[6].eventId,
            type: 'PartyAffiliated',
            position: 7,
            recordedAt: log[6].metadata.recordedAt,
          },
        }),
      ]);
      expect(answer.claimsChanged[0].explanation.registryEventIds?.at(-1)).toBe(log[6].eventId);
      expect(answer.developments.byStoryline).toEqual([]);
      expect((await changes({ since: 7 })).claimsChanged).toEqual([]);
    });

    it('weighs the claim at since against the registry of since, and back when the affiliation ended before the support', async () => {
      const { changes, log } = await start([
        ...janeSupports,
        affiliationEnded(janeRoe.id, ft.id, '2026-01-20T00:00:00Z'),
      ]);

      expect((await changes({ since: 7 })).claimsChanged).toEqual([
        expect.objectContaining({
          id: 'ft-report',
          before: 'unverified',
          after: 'corroborated',
          decidedBy: expect.objectContaining({ eventId: log[7].eventId, type: 'PartyAffiliationEnded' }),
        }),
      ]);
      expect((await changes({ since: 4 })).claimsChanged).toEqual([]);
    });

    it('keeps a status its own event moved decided by that event, though a later registry event names a party of it', async () => {
      const { changes, log } = await start([
        storylineOpened(),
        claimRecorded('ft-report'),
        contradicted('ft-report', usGovernment),
        partyRegistered(usGovernment),
      ]);

      const [change] = (await changes({ since: 2 })).claimsChanged;

      expect(change.explanation.registryEventIds).toEqual([log[3].eventId]);
      expect(change).toMatchObject({
        after: 'disputed',
        decidedBy: { eventId: log[2].eventId, type: 'ClaimContradicted' },
      });
    });

    it('lists a claim whose contradiction stops counting once its party is discredited, and the headline with it', async () => {
      const { changes, log } = await start([
        storylineOpened(),
        claimRecorded('ft-report'),
        contradicted('ft-report', usGovernment),
        partyRegistered(usGovernment),
        partyDiscredited(usGovernment.id),
      ]);

      const answer = await changes({ since: 4 });

      expect(answer.claimsChanged).toEqual([
        expect.objectContaining({
          before: 'disputed',
          after: 'unverified',
          decidedBy: expect.objectContaining({ eventId: log[4].eventId, type: 'PartyDiscredited' }),
        }),
      ]);
      expect(answer.storylines).toEqual([expect.objectContaining({ before: 'disputed', after: 'developing' })]);
    });
  });
});
