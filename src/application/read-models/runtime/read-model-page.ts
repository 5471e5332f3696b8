import { Stakeholder } from '../../../domain/storyline/stakeholder';
import { PartyRegistry } from '../../../domain/party/party-registry';
import { AffectedMentions } from '../../registry-cascade/touched-mentions';
import { StoredEvent } from '../../ports/event-store.port';
import { StatusDecision, decideStatus } from '../../../domain/claim/status-decision';
import { decideWithRivals } from '../../../domain/claim/rival-review';
import { ClaimRecord, ClaimRecordEvent, evolveClaimRecord } from '../claims/claim-record';
import { ClaimFacts, evolveClaimFacts } from '../claims/claim-facts';
import { FactsOf, claimsReachedByRelations, confirmedRivalsOfFacts, relatedIdsOfFacts } from '../claims/claim-rivals';
import { MentionsChange, mentionsChange, mentionsOf } from '../claims/party-mentions';
import { DecidedClaim, packClaim, restatedClaim } from '../claims/packed-claim';
import { ClaimRowValues, claimRowValues } from '../claims/claim-row-values';
import { NewParties, PartyTable } from '../claims/party-table';
import { ClaimRowKeeps } from '../../ports/read-model-store.port';
import { ProjectionFailure } from './projection-failure';
import { LoggedRegistryEvent, cascadeOf, claimsReached, resolvesAlike } from '../../registry-cascade/registry-cascade';
import { StorylineCounts, noClaimsYet, standingOf, tallyChange } from '../storylines/storyline-tally';
import { StorylineRecord, evolveStorylineRecord } from '../storylines/storyline-view';
import { TimelineRow, timelineRows } from '../timeline/timeline-entry';
import { DeskCalendar } from '../../../domain/desk-calendar';

/**
 * A claim as the projection holds it: its facts (what the rules read), the status the rule decided,
 * and each mention with the party it resolved to (the mentions index). The explanation in words is
 * built on read, not kept. `record`, its whole fold, is there when the generation's rows are read
 * back so (one older than the facts column, whose writer may need it).
 */
export interface KnownClaim extends DecidedClaim {
  record?: ClaimRecord;
  /** The claim as `packClaim` keeps it, when the generation keeps claims so. */
  packed?: string;
}

/** A storyline as the read models hold it; `record` is absent while only claims of it have been seen. */
export interface KnownStoryline {
  record?: StorylineRecord;
  counts: StorylineCounts;
  /** The newest position of the storyline's own events or its claims' events. */
  position: number;
}

/** What the page needs to read of the stored read models. */
export interface ReadModelSource {
  claims(ids: string[]): Map<string, KnownClaim>;
  /** The whole folds of these claims as written: a correction rewrites a row's wording and may move its timeline. */
  records(ids: string[]): Map<string, ClaimRecord>;
  storylines(ids: string[]): Map<string, KnownStoryline>;
  /** The party registry after the last page written. */
  registry(): PartyRegistry;
  /** The claims with a mention that one of `affected` names, by the mentions written so far. */
  claimsMentioning(affected: AffectedMentions[]): string[];
  /** Places the timeline's entries in the desk's time zone. */
  calendar: DeskCalendar;
  /** The claims of these storylines written so far: a change of a storyline's stakeholders reaches them all. */
  claimsOfStorylines(storylineIds: string[]): string[];
  /** What the generation's claims rows keep beside a claim's facts: the page builds it. */
  claimRows: ClaimRowKeeps;
  /** The generation's party table, which claims are packed against; none before claims read model 10. */
  parties?: PartyTable;
}

export interface ClaimWrite extends KnownClaim {
  /** The claim as `packClaim` keeps it: in memory and in its row. */
  packed: string;
  /** False when only a registry event moved the claim: its fold is as written, only its status or mentions changed. */
  recordChanged: boolean;
  /** Whether its status or its need of review differ from those written for it (always, for a claim new to the read models). */
  standingChanged: boolean;
  /** The claim's events this page applied, in log order (none when only a registry event moved it). */
  events: ClaimRecordEvent[];
  /** How the claim's mentions differ from those written for it, when they do. */
  mentionsChange?: MentionsChange;
  /** What its row keeps that is built from the claim (its place in the review feed, words of older rows). */
  row: ClaimRowValues;
}

/**
 * A claim only registry events moved, with every mention resolving as before: its facts and its rows
 * of the mentions index stand, and only its decision changes, in its row and in its packing.
 */
export interface RestatedClaim {
  claimId: string;
  /** Its row's id: the position of its ClaimRecorded event. */
  seq: number;
  decision: StatusDecision;
  packed: string;
}

export interface StorylineWrite extends KnownStoryline {
  id: string;
  /** Whether the storyline's own events moved it in this page (not only its claims). */
  recordChanged: boolean;
}

/** Everything one page of the log changes in the read models, computed before any of it is written. */
export interface ReadModelPage {
  checkpoint: number;
  claims: ClaimWrite[];
  /** Claims only the page's registry events moved, whose mentions resolve as before (none when absent). */
  restated?: RestatedClaim[];
  storylines: StorylineWrite[];
  timeline: TimelineRow[];
  /** The page's party events, kept with the read models: the registry is folded from them. */
  registryEvents: LoggedRegistryEvent[];
  registry: PartyRegistry;
  /** The parties its packed claims (or an earlier page's, not written) numbered first, written with them. */
  newParties?: NewParties;
}

const idOf = (event: StoredEvent, field: 'claimId' | 'storylineId'): string | undefined => {
  const id = (event.data as Record<string, unknown> | null)?.[field];
  return typeof id === 'string' ? id : undefined;
};

/** A claim as the page moves it: its facts, and its whole fold when the page needs or has it. */
interface PageClaim {
  facts: ClaimFacts | undefined;
  /** Folded alongside for a claim recorded in the page, corrected in it, or read back whole. */
  record: ClaimRecord | undefined;
  foldsRecord: boolean;
}

/**
 * Folds a page of the log once: each claim event moves its claim's facts, and the claims,
 * storylines and timeline read models all take what they show from them. A claim recorded or
 * corrected in the page is also folded whole, as its row's wording comes from that. The page's party
 * events move the registry first; every claim the page touched, and every claim that mentions a
 * party those events affected, is then evaluated once against the registry as the page leaves it.
 */
export function foldPage(events: StoredEvent[], source: ReadModelSource): ReadModelPage {
  const cascade = cascadeOf(events, source.registry());
  const registry = cascade.registry;
  const claimIds = new Set<string>();
  const corrected = new Set<string>();
  const storylineIds = new Set<string>();
  const staked = new Set<string>();
  for (const event of events) {
    if (event.type.startsWith('Storyline')) addIf(storylineIds, idOf(event, 'storylineId'));
    else if (event.type.startsWith('Claim')) addIf(claimIds, idOf(event, 'claimId'));
    if (event.type === 'ClaimRecorded') addIf(storylineIds, idOf(event, 'storylineId'));
    if (event.type === 'ClaimCorrected') addIf(corrected, idOf(event, 'claimId'));
    if (event.type.startsWith('StorylineStakeholder')) addIf(staked, idOf(event, 'storylineId'));
  }
  const cascaded = [
    ...new Set([...claimsReached(cascade, source), ...(staked.size > 0 ? source.claimsOfStorylines([...staked]) : [])]),
  ];
  const knownClaims = source.claims([...new Set([...claimIds, ...cascaded])]);
  for (const { facts } of knownClaims.values()) storylineIds.add(facts.storylineId);
  const knownStorylines = source.storylines([...storylineIds]);
  const unfolded = [...corrected].filter((id) => knownClaims.has(id) && !knownClaims.get(id)?.record);
  const wholeFolds = unfolded.length > 0 ? source.records(unfolded) : new Map<string, ClaimRecord>();

  const moved = new Map<string, PageClaim>();
  const claimOf = (claimId: string): PageClaim => {
    const known = knownClaims.get(claimId);
    const record = known ? (known.record ?? wholeFolds.get(claimId)) : undefined;
    return { facts: known?.facts, record, foldsRecord: !known || record !== undefined };
  };
  const claimEvents = new Map<string, StoredEvent[]>();
  const storylines = new Map<string, StorylineWrite>();
  const storylineOf = (id: string): StorylineWrite => {
    let write = storylines.get(id);
    if (!write) {
      const stored = knownStorylines.get(id);
      write = {
        id,
        record: stored?.record,
        counts: stored?.counts ?? noClaimsYet(),
        position: stored?.position ?? -1,
        recordChanged: false,
      };
      storylines.set(id, write);
    }
    return write;
  };
  const timeline: TimelineRow[] = [];

  for (const event of events) {
    try {
      if (event.type.startsWith('Storyline')) {
        const storylineId = idOf(event, 'storylineId');
        if (!storylineId) continue;
        const write = storylineOf(storylineId);
        const after = evolveStorylineRecord(write.record, event);
        if (after === write.record) continue;
        write.record = after;
        write.recordChanged = true;
        write.position = Math.max(write.position, event.position);
        continue;
      }
      const claimId = event.type.startsWith('Claim') ? idOf(event, 'claimId') : undefined;
      if (!claimId) continue;
      const before = moved.get(claimId) ?? claimOf(claimId);
      const facts = evolveClaimFacts(before.facts, event);
      if (!facts || facts === before.facts) continue;
      const record = before.foldsRecord ? evolveClaimRecord(before.record, event) : undefined;
      moved.set(claimId, { facts, record, foldsRecord: before.foldsRecord });
      const kept = claimEvents.get(claimId);
      if (kept) kept.push(event);
      else claimEvents.set(claimId, [event]);
      timeline.push(...timelineRows(event, facts, source.calendar, record));
      const write = storylineOf(facts.storylineId);
      write.position = Math.max(write.position, event.position);
    } catch (error) {
      throw new ProjectionFailure(event, error);
    }
  }

  const factsOf: FactsOf = (id) => moved.get(id)?.facts ?? knownClaims.get(id)?.facts;
  const related = claimsReachedByRelations(events, factsOf);
  loadRelated([...moved.keys(), ...cascaded, ...related], factsOf, knownClaims, knownStorylines, source);
  const reached = [...new Set([...cascaded, ...related])];
  const stakeholdersOf = (id: string) => (storylines.get(id) ?? knownStorylines.get(id))?.record?.stakeholders;
  const { claims, restated } = evaluateClaims(
    moved,
    claimEvents,
    reached,
    knownClaims,
    registry,
    source,
    storylineOf,
    stakeholdersOf,
    resolvesAlike(cascade),
  );
  return {
    checkpoint: events[events.length - 1].position,
    claims,
    restated,
    storylines: [...storylines.values()],
    timeline,
    registryEvents: cascade.events,
    registry,
    ...newPartiesOf(source),
  };
}

/**
 * Decides against the registry the status of the claims the page moved (`moved`) and of those only
 * a registry event reached (`reached`, left out when neither their status nor their mentions'
 * resolutions changed: the words of an explanation are built on read), tallying each change into its
 * storyline. With `mentionsAlike` (every mention resolves as before), a reached claim kept packed is
 * only restated: its mentions are not resolved again, nor is it packed anew.
 */
function evaluateClaims(
  moved: Map<string, PageClaim>,
  claimEvents: Map<string, StoredEvent[]>,
  reached: Iterable<string>,
  knownClaims: Map<string, KnownClaim>,
  registry: PartyRegistry,
  { claimRows: keeps, parties }: Pick<ReadModelSource, 'claimRows' | 'parties'>,
  storylineOf: (id: string) => StorylineWrite,
  stakeholdersOf: (storylineId: string) => readonly Stakeholder[] | undefined,
  mentionsAlike: boolean,
): { claims: ClaimWrite[]; restated: RestatedClaim[] } {
  const claims: ClaimWrite[] = [];
  const restated: RestatedClaim[] = [];
  const factsOf: FactsOf = (id) => moved.get(id)?.facts ?? knownClaims.get(id)?.facts;
  const decide = (facts: ClaimFacts) =>
    decideWithRivals(
      decideStatus(facts, registry, stakeholdersOf(facts.storylineId)),
      confirmedRivalsOfFacts(facts, factsOf),
    );
  const tally = (
    before: Pick<DecidedClaim, 'facts' | 'decision'> | undefined,
    facts: ClaimFacts,
    decision: StatusDecision,
  ) => {
    const write = storylineOf(facts.storylineId);
    write.counts = tallyChange(
      write.counts,
      before && standingOf({ claim: before.facts }, before.decision),
      standingOf({ claim: facts }, decision),
    );
  };
  const restate = (facts: ClaimFacts, before: StatusDecision, packed: string) => {
    const decision = decide(facts);
    if (decision.status === before.status && decision.needsReview === before.needsReview) return;
    tally({ facts, decision: before }, facts, decision);
    restated.push({
      claimId: facts.claimId,
      seq: facts.recordedPosition,
      decision,
      packed: restatedClaim(packed, decision),
    });
  };
  const evaluate = (claimId: string, facts: ClaimFacts, record: ClaimRecord | undefined, recordChanged: boolean) => {
    const known = knownClaims.get(claimId);
    const decision = decide(facts);
    const mentions = mentionsOf(facts, registry, known?.mentions);
    const changedMentions = mentions === known?.mentions ? undefined : mentionsChange(known?.mentions ?? [], mentions);
    const standingChanged =
      !known || known.decision.status !== decision.status || known.decision.needsReview !== decision.needsReview;
    if (!recordChanged && !standingChanged && !changedMentions) return;
    tally(known, facts, decision);
    const decided: DecidedClaim = { facts, decision, mentions };
    claims.push({
      ...decided,
      ...(record ? { record } : {}),
      packed: packClaim(decided, parties),
      recordChanged,
      standingChanged,
      events: claimEvents.get(claimId) ?? [],
      ...(changedMentions ? { mentionsChange: changedMentions } : {}),
      row: claimRowValues({ facts, record, recordChanged, before: known?.facts }, registry, keeps),
    });
  };
  for (const [claimId, { facts, record }] of moved) evaluate(claimId, facts as ClaimFacts, record, true);
  for (const claimId of reached) {
    const known = knownClaims.get(claimId);
    if (!known || moved.has(claimId)) continue;
    if (mentionsAlike && known.packed !== undefined) restate(known.facts, known.decision, known.packed);
    else evaluate(claimId, known.facts, known.record, false);
  }
  return { claims, restated };
}

/**
 * A page without events: the claims a rebuild's registry events reached, evaluated against the
 * registry as it now stands. A rebuild defers its cascades to this one pass (see ProjectionEngine).
 */
export function reevaluationPage(claimIds: string[], source: ReadModelSource, checkpoint: number): ReadModelPage {
  const registry = source.registry();
  const knownClaims = source.claims(claimIds);
  const knownStorylines = source.storylines([
    ...new Set([...knownClaims.values()].map(({ facts }) => facts.storylineId)),
  ]);
  loadRelated(claimIds, (id) => knownClaims.get(id)?.facts, knownClaims, knownStorylines, source);
  const storylines = new Map<string, StorylineWrite>();
  const storylineOf = (id: string): StorylineWrite => {
    let write = storylines.get(id);
    if (!write) {
      const stored = knownStorylines.get(id) as KnownStoryline;
      write = { id, ...stored, recordChanged: false };
      storylines.set(id, write);
    }
    return write;
  };
  const stakeholdersOf = (id: string) => knownStorylines.get(id)?.record?.stakeholders;
  const { claims } = evaluateClaims(
    new Map(),
    new Map(),
    claimIds,
    knownClaims,
    registry,
    source,
    storylineOf,
    stakeholdersOf,
    false,
  );
  return {
    checkpoint,
    claims,
    storylines: [...storylines.values()],
    timeline: [],
    registryEvents: [],
    registry,
    ...newPartiesOf(source),
  };
}

/** The parties the page's packed claims numbered first, and any an earlier page numbered and did not write. */
function newPartiesOf({ parties }: Pick<ReadModelSource, 'parties'>): { newParties?: NewParties } {
  const unsaved = parties?.unsaved();
  return unsaved && unsaved.parties.length > 0 ? { newParties: unsaved } : {};
}

/**
 * Adds to the known claims those of `claimIds` the page has not read, with their storylines, and then
 * the claims those relate to: evaluating a claim reads its rivals' verdicts.
 */
function loadRelated(
  claimIds: Iterable<string>,
  factsOf: FactsOf,
  knownClaims: Map<string, KnownClaim>,
  knownStorylines: Map<string, KnownStoryline>,
  source: ReadModelSource,
): void {
  const load = (ids: Iterable<string>) => {
    const missing = [...new Set(ids)].filter((id) => !factsOf(id));
    if (missing.length === 0) return;
    const found = source.claims(missing);
    for (const [id, claim] of found) knownClaims.set(id, claim);
    const storylineIds = [...found.values()].map(({ facts }) => facts.storylineId);
    const unread = [...new Set(storylineIds)].filter((id) => !knownStorylines.has(id));
    for (const [id, storyline] of source.storylines(unread)) knownStorylines.set(id, storyline);
  };
  const ids = [...claimIds];
  load(ids);
  load(ids.flatMap((id) => relatedIdsOfFacts(factsOf(id))));
}

function addIf(ids: Set<string>, id: string | undefined): void {
  if (id !== undefined) ids.add(id);
}
