import { Stakeholder } from '../../../domain/storyline/stakeholder';
import { StoredEvent } from '../../ports/event-store.port';
import { EvaluatedClaim, evaluateClaim } from '../../read-models/claims/claim-evaluation';
import { ClaimRecord, ClaimRecordEvent, evolveClaimRecord } from '../../read-models/claims/claim-record';
import { RecordOf, confirmedRivalsOf } from '../../read-models/claims/claim-rivals';
import { ClaimStanding } from '../../read-models/storylines/storyline-tally';
import { RegistryVersion } from '../registry-history';
import { LoggedEventRef } from './changes';
import { KeptEvaluations, WeighedWith } from './kept-evaluations';
import { StakesAtBothEnds } from './storyline-stakes';

const NO_RIVALS: RecordOf = () => undefined;

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
  /** Absent for a claim recorded since; its status is all the answer reads of it. */
  before?: ClaimStanding;
  after: EvaluatedClaim;
  /** The window's events of the claim that its fold took (a repeated ClaimRecorded is not one). */
  developments: ClaimRecordEvent[];
  /** For a claim whose status moved: the event that decided its new status. */
  decidedBy?: LoggedEventRef;
}

const evaluated = (
  record: ClaimRecord,
  weighedWith: WeighedWith,
  evaluations: KeptEvaluations,
  rivals: RecordOf,
): EvaluatedClaim => ({
  record,
  evaluation: evaluations.evaluation(record, weighedWith, confirmedRivalsOf(record, rivals)),
});

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
  after: EvaluatedClaim,
  movedByRegistry: boolean,
  eventOf: (eventId: string) => ClaimRecordEvent | undefined,
): LoggedEventRef | undefined {
  const { rule, eventIds, registryEventIds = [] } = after.evaluation.explanation;
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
  after: EvaluatedClaim,
  developments: ClaimRecordEvent[],
  registries: ComparedRegistries,
  stakeholdersAtNext: readonly Stakeholder[],
): boolean {
  if (registries.since.key === registries.next.key || before.status === after.evaluation.status) {
    return false;
  }
  if (developments.length === 0) return true;
  const alone = evaluateClaim(after.record.claim, registries.since.registry, { stakeholders: stakeholdersAtNext });
  return alone.status !== after.evaluation.status;
}

/**
 * Folds the claim once: up to `since` with the same step the live projection takes, then on
 * through its window events, each end weighed against the registry and its storyline's stakeholders
 * as they stood there (`stakesOf`): at `since` for its status alone (rivals ask for review, they move
 * no status), at `next` with its rivals there, for the whole evaluation the answer shows. `otherEvents`
 * are the window's events of other streams (the registry's among them), which an explanation may
 * name too. Undefined when no claim exists at `next`.
 */
export function compareClaim(
  history: ClaimHistory,
  registries: ComparedRegistries,
  stakesOf: (storylineId: string) => StakesAtBothEnds,
  otherEvents: ReadonlyMap<string, StoredEvent>,
  evaluations: KeptEvaluations,
  rivalsAtNext: RecordOf = NO_RIVALS,
): ClaimComparison | undefined {
  let record: ClaimRecord | undefined;
  for (const event of history.known) record = evolveClaimRecord(record, event);
  const before =
    record &&
    evaluations.standing(record.claim.claimId, record.position, record.claim, {
      version: registries.since,
      stakeholders: stakesOf(record.claim.storylineId).since,
    });
  const developments: ClaimRecordEvent[] = [];
  for (const event of history.inWindow) {
    const next = evolveClaimRecord(record, event);
    if (next !== record) developments.push(event);
    record = next;
  }
  if (!record) return undefined;
  const stakes = stakesOf(record.claim.storylineId);
  const after = evaluated(record, { version: registries.next, stakeholders: stakes.next }, evaluations, rivalsAtNext);
  // Only a status that moved is listed with the event that decided it: the words are built for those alone.
  const moved = before !== undefined && before.status !== after.evaluation.status;
  const own = moved
    ? new Map([...history.known, ...history.inWindow].map((event) => [event.eventId, event]))
    : undefined;
  const decidedBy =
    moved &&
    decidingEvent(
      after,
      movedByTheRegistry(before, after, developments, registries, stakes.next),
      (eventId) => own?.get(eventId) ?? otherEvents.get(eventId),
    );
  return {
    claimId: history.claimId,
    storylineId: after.record.claim.storylineId,
    ...(before ? { before } : {}),
    after,
    developments,
    ...(decidedBy ? { decidedBy } : {}),
  };
}
