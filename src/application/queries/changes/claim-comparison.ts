import { decideStatus } from '../../../domain/claim/status-decision';
import { Stakeholder } from '../../../domain/storyline/stakeholder';
import { StoredEvent } from '../../ports/event-store.port';
import { EvaluatedClaim } from '../../read-models/claims/claim-evaluation';
import { ClaimFacts, evolveClaimFacts } from '../../read-models/claims/claim-facts';
import { ClaimRecordEvent, foldClaimRecord } from '../../read-models/claims/claim-record';
import { FactsOf, confirmedRivalsOfFacts } from '../../read-models/claims/claim-rivals';
import { ClaimStanding } from '../../read-models/storylines/storyline-tally';
import { RegistryVersion } from '../registry-history';
import { LoggedEventRef } from './changes';
import { KeptEvaluations } from './kept-evaluations';
import { StakesAtBothEnds } from './storyline-stakes';

const NO_RIVALS: FactsOf = () => undefined;

/** A claim's events split at `since`: those known then, and its own events in the window after it. */
export interface ClaimHistory {
  claimId: string;
  known: ClaimRecordEvent[];
  inWindow: ClaimRecordEvent[];
}

/** The party registry as it stood at `since` and at `next`: each fold is weighed against its own. */
export interface ComparedRegistries {
  since: RegistryVersion;
  next: RegistryVersion;
}

/** One claim at `since` and at `next`, with the window's events that moved it. */
export interface ClaimComparison {
  claimId: string;
  storylineId: string;
  /** Position of its ClaimRecorded event: its place in the answer's lists. */
  recordedPosition: number;
  /** Absent for a claim recorded since; its status is all the answer reads of it. */
  before?: ClaimStanding;
  after: ClaimStanding;
  /**
   * Its full fold at `next`, evaluated: only for a claim the answer lists, one recorded since or whose
   * status moved, as the lists show its statement, its claimant and the explanation in words.
   */
  listed?: EvaluatedClaim;
  /** The window's events of the claim that its fold took (a repeated ClaimRecorded is not one). */
  developments: ClaimRecordEvent[];
  /** For a claim whose status moved: the event that decided its new status. */
  decidedBy?: LoggedEventRef;
}

const refOf = (event: ClaimRecordEvent): LoggedEventRef => ({
  eventId: event.eventId,
  type: event.type,
  position: event.position,
  recordedAt: event.metadata.recordedAt,
});

const newestOf = (ids: string[], eventOf: (eventId: string) => ClaimRecordEvent | undefined) =>
  ids
    .flatMap((id) => eventOf(id) ?? [])
    .reduce<ClaimRecordEvent | undefined>(
      (latest, event) => (latest && latest.position > event.position ? latest : event),
      undefined,
    );

/**
 * The event that decided the new status: under the verdict rule the latest verdict (the rule names
 * later developments after it); when the registry's events moved it (its own events alone, weighed
 * against the registry at `since`, would not have), the newest registry event of the window its
 * evidence's standing rests on; else the newest event the explanation names.
 */
function decidingEvent(
  listed: EvaluatedClaim,
  movedByRegistry: boolean,
  eventOf: (eventId: string) => ClaimRecordEvent | undefined,
): LoggedEventRef | undefined {
  const { rule, eventIds, registryEventIds = [] } = listed.evaluation.explanation;
  if (rule === 'verdict') {
    const verdict = newestOf(eventIds.slice(0, 1), eventOf);
    return verdict && refOf(verdict);
  }
  const newest = (movedByRegistry ? newestOf(registryEventIds, eventOf) : undefined) ?? newestOf(eventIds, eventOf);
  return newest && refOf(newest);
}

/**
 * Whether the status moved and the registry's events moved it: the claim's own events alone,
 * weighed against the registry at `since` (and the stakeholders at `next`), would have left it where it was.
 */
function movedByTheRegistry(
  before: ClaimStanding,
  after: ClaimStanding,
  facts: ClaimFacts,
  developments: ClaimRecordEvent[],
  registries: ComparedRegistries,
  stakeholdersAtNext: readonly Stakeholder[],
): boolean {
  if (registries.since.key === registries.next.key || before.status === after.status) return false;
  if (developments.length === 0) return true;
  return decideStatus(facts, registries.since.registry, stakeholdersAtNext).status !== after.status;
}

/**
 * Folds the claim's facts once (the step that moves exactly when the live projection's fold moves):
 * up to `since`, then on through its window events, each end weighed against the registry and its
 * storyline's stakeholders as they stood there (`stakesOf`): at `since` for its status alone (rivals
 * ask for review, they move no status), at `next` with its rivals there. Only a claim the answer
 * lists (recorded since, or whose status moved) is folded whole and evaluated with its words.
 * `otherEvents` are the window's events of other streams (the registry's among them), which an
 * explanation may name too. Undefined when no claim exists at `next`.
 */
export function compareClaim(
  history: ClaimHistory,
  registries: ComparedRegistries,
  stakesOf: (storylineId: string) => StakesAtBothEnds,
  otherEvents: ReadonlyMap<string, StoredEvent>,
  evaluations: KeptEvaluations,
  rivalsAtNext: FactsOf = NO_RIVALS,
): ClaimComparison | undefined {
  const { claimId } = history;
  let facts: ClaimFacts | undefined;
  for (const event of history.known) facts = evolveClaimFacts(facts, event);
  const before =
    facts &&
    evaluations.standing(claimId, facts.position, facts, {
      version: registries.since,
      stakeholders: stakesOf(facts.storylineId).since,
    });
  const developments: ClaimRecordEvent[] = [];
  for (const event of history.inWindow) {
    const next = evolveClaimFacts(facts, event);
    if (next !== facts) developments.push(event);
    facts = next;
  }
  if (!facts) return undefined;
  const stakes = stakesOf(facts.storylineId);
  const atNext = { version: registries.next, stakeholders: stakes.next };
  const confirmedRivals = confirmedRivalsOfFacts(facts, rivalsAtNext);
  const after = evaluations.standing(claimId, facts.position, facts, atNext, confirmedRivals);
  const moved = before !== undefined && before.status !== after.status;
  const comparison = {
    claimId,
    storylineId: facts.storylineId,
    recordedPosition: facts.recordedPosition,
    ...(before ? { before } : {}),
    after,
    developments,
  };
  if (before && !moved) return comparison;
  const events = [...history.known, ...history.inWindow];
  const record = foldClaimRecord(events);
  if (!record) return comparison;
  const listed = { record, evaluation: evaluations.evaluation(record, atNext, confirmedRivals) };
  if (!moved) return { ...comparison, listed };
  // Only a status that moved is listed with the event that decided it.
  const own = new Map(events.map((event) => [event.eventId, event]));
  const decidedBy = decidingEvent(
    listed,
    movedByTheRegistry(before, after, facts, developments, registries, stakes.next),
    (eventId) => own.get(eventId) ?? otherEvents.get(eventId),
  );
  return { ...comparison, listed, ...(decidedBy ? { decidedBy } : {}) };
}
