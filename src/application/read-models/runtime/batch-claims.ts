import { PartyRegistry } from '../../../domain/party/party-registry';
import { ClaimEventStaging, ClaimRowKeeps, ReadModelGeneration, StagedClaim } from '../../ports/read-model-store.port';
import { BatchStorylines, batchStorylineOf } from './batch-storylines';
import { nextTurn } from './next-turn';
import { decideStatus } from '../../../domain/claim/status-decision';
import { DeskCalendar } from '../../../domain/desk-calendar';
import { Stakeholder } from '../../../domain/storyline/stakeholder';
import { ClaimRecord, ClaimRecordEvent, evolveClaimRecord } from '../claims/claim-record';
import { mentionsChange, mentionsOf } from '../claims/party-mentions';
import { relatedIdsOfFacts } from '../claims/claim-rivals';
import { claimFactsOf } from '../claims/claim-facts';
import { packClaim } from '../claims/packed-claim';
import { PartyTable } from '../claims/party-table';
import { claimRowValues } from '../claims/claim-row-values';
import { ProjectionFailure } from './projection-failure';
import { ClaimWrite } from './read-model-page';
import { standingOf, tallyChange } from '../storylines/storyline-tally';
import { TimelineRow, timelineRows } from '../timeline/timeline-entry';

/** What deciding a claim reads beside its own events, and what its row keeps. */
interface ClaimContext {
  registry: PartyRegistry;
  keeps: ClaimRowKeeps;
  calendar: DeskCalendar;
  /** The generation's party table, which claims are packed against; none before claims read model 10. */
  parties: PartyTable | undefined;
  stakeholdersOf: (storylineId: string) => readonly Stakeholder[] | undefined;
}

/** Claims folded, evaluated and written per transaction: few enough that a chunk's folds die young (see LOG_PAGE). */
const CLAIMS_PER_WRITE = 200;

/**
 * The batch's second pass: each staged claim folded from all its events, evaluated once against the
 * registry as the log leaves it, and written with its mentions and timeline rows, its standing
 * tallied into its storyline. Answers the claims with rivals: their need of review reads the rivals'
 * verdicts, which a claim folded alone does not see, so they are decided again once all are written.
 */
export async function writeStagedClaims(
  generation: ReadModelGeneration,
  staging: ClaimEventStaging,
  { registry, calendar }: { registry: PartyRegistry; calendar: DeskCalendar },
  storylines: BatchStorylines,
  signal: AbortSignal,
): Promise<string[]> {
  const withRivals: string[] = [];
  const storedParties = generation.partyTable();
  const parties = storedParties && new PartyTable(storedParties);
  for (let after = -1; ;) {
    signal.throwIfAborted();
    const staged = staging.nextClaims(after, CLAIMS_PER_WRITE);
    if (staged.length === 0) return withRivals;
    const claims: ClaimWrite[] = [];
    const timeline: TimelineRow[] = [];
    for (const claim of staged) {
      const stakeholdersOf = (storylineId: string) => storylines.get(storylineId)?.record?.stakeholders;
      const context = { registry, keeps: generation.claimRows, calendar, stakeholdersOf, parties };
      const write = claimWrite(claim, context, timeline);
      if (!write) continue;
      claims.push(write);
      const { facts } = write;
      if (relatedIdsOfFacts(facts, 'rival_of').length > 0) withRivals.push(facts.claimId);
      const storyline = batchStorylineOf(storylines, facts.storylineId);
      storyline.position = Math.max(storyline.position, facts.position);
      storyline.counts = tallyChange(storyline.counts, undefined, standingOf({ claim: facts }, write.decision));
    }
    const newParties = parties?.unsaved();
    generation.write({ checkpoint: -1, claims, storylines: [], timeline, registryEvents: [], registry, newParties });
    if (newParties) parties?.markSaved(newParties);
    after = staged[staged.length - 1].order;
    await nextTurn();
  }
}

/** A claim as the live projection would have written it last; undefined when none of its events holds. */
function claimWrite(
  { events }: StagedClaim,
  { registry, keeps, calendar, stakeholdersOf, parties }: ClaimContext,
  timeline: TimelineRow[],
): ClaimWrite | undefined {
  let record: ClaimRecord | undefined;
  const kept: ClaimRecordEvent[] = [];
  for (const event of events) {
    try {
      const next = evolveClaimRecord(record, event);
      if (!next || next === record) continue;
      record = next;
      kept.push(event);
      timeline.push(...timelineRows(event, next.claim, calendar, next));
    } catch (error) {
      throw new ProjectionFailure(event, error);
    }
  }
  if (!record) return undefined;
  const facts = claimFactsOf(record);
  const decision = decideStatus(facts, registry, stakeholdersOf(facts.storylineId));
  const mentions = mentionsOf(facts, registry);
  const change = mentionsChange([], mentions);
  return {
    facts,
    record,
    decision,
    mentions,
    packed: packClaim({ facts, decision, mentions }, parties),
    recordChanged: true,
    standingChanged: true,
    events: kept,
    ...(change ? { mentionsChange: change } : {}),
    row: claimRowValues({ facts, record, recordChanged: true }, registry, keeps),
  };
}
