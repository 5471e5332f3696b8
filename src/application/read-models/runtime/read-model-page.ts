import { Stakeholder } from '../../../domain/storyline/stakeholder';
import { PartyRegistry } from '../../../domain/party/party-registry';
import { AffectedMentions } from '../../registry-cascade/touched-mentions';
import { StoredEvent } from '../../ports/event-store.port';
import { StatusDecision, decideStatus } from '../../../domain/claim/status-decision';
import { decideWithRivals } from '../../../domain/claim/rival-review';
import { ClaimRecord, ClaimRecordEvent, evolveClaimRecord } from '../claims/claim-record';
import { RecordOf, claimsReachedByRelations, confirmedRivalsOf, relatedIdsOf } from '../claims/claim-rivals';
import { MentionsChange, PartyMention, mentionsChange, mentionsOf } from '../claims/party-mentions';
import { ProjectionFailure } from './projection-failure';
import { LoggedRegistryEvent, cascadeOf, claimsReached } from '../../registry-cascade/registry-cascade';
import { StorylineCounts, noClaimsYet, standingOf, tallyChange } from '../storylines/storyline-tally';
import { StorylineRecord, evolveStorylineRecord } from '../storylines/storyline-view';
import { TimelineRow, timelineRows } from '../timeline/timeline-entry';
import { DeskCalendar } from '../../../domain/desk-calendar';

/**
 * A claim as the projection holds it: its fold, the status the rule decided, and each mention with the
 * party it resolved to (the mentions index). The explanation in words is built on read, not kept.
 */
export interface KnownClaim {
  record: ClaimRecord;
  decision: StatusDecision;
  mentions: PartyMention[];
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
  storylines(ids: string[]): Map<string, KnownStoryline>;
  /** The party registry after the last page written. */
  registry(): PartyRegistry;
  /** The claims with a mention that one of `affected` names, by the mentions written so far. */
  claimsMentioning(affected: AffectedMentions[]): string[];
  /** Places the timeline's entries in the desk's time zone. */
  calendar: DeskCalendar;
  /** The claims of these storylines written so far: a change of a storyline's stakeholders reaches them all. */
  claimsOfStorylines(storylineIds: string[]): string[];
}

export interface ClaimWrite extends KnownClaim {
  /** False when only a registry event moved the claim: its fold is as written, only its status or mentions changed. */
  recordChanged: boolean;
  /** Whether its status or its need of review differ from those written for it (always, for a claim new to the read models). */
  standingChanged: boolean;
  /** The claim's events this page applied, in log order (none when only a registry event moved it). */
  events: ClaimRecordEvent[];
  /** How the claim's mentions differ from those written for it, when they do. */
  mentionsChange?: MentionsChange;
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
  storylines: StorylineWrite[];
  timeline: TimelineRow[];
  /** The page's party events, kept with the read models: the registry is folded from them. */
  registryEvents: LoggedRegistryEvent[];
  registry: PartyRegistry;
}

const idOf = (event: StoredEvent, field: 'claimId' | 'storylineId'): string | undefined => {
  const id = (event.data as Record<string, unknown> | null)?.[field];
  return typeof id === 'string' ? id : undefined;
};

/**
 * Folds a page of the log once: each claim event moves its claim's record, and the claims,
 * storylines and timeline read models all take what they show from that one fold. The page's party
 * events move the registry first; every claim the page touched, and every claim that mentions a
 * party those events affected, is then evaluated once against the registry as the page leaves it.
 */
export function foldPage(events: StoredEvent[], source: ReadModelSource): ReadModelPage {
  const cascade = cascadeOf(events, source.registry());
  const registry = cascade.registry;
  const claimIds = new Set<string>();
  const storylineIds = new Set<string>();
  const staked = new Set<string>();
  for (const event of events) {
    if (event.type.startsWith('Storyline')) addIf(storylineIds, idOf(event, 'storylineId'));
    else if (event.type.startsWith('Claim')) addIf(claimIds, idOf(event, 'claimId'));
    if (event.type === 'ClaimRecorded') addIf(storylineIds, idOf(event, 'storylineId'));
    if (event.type.startsWith('StorylineStakeholder')) addIf(staked, idOf(event, 'storylineId'));
  }
  const cascaded = [
    ...new Set([...claimsReached(cascade, source), ...(staked.size > 0 ? source.claimsOfStorylines([...staked]) : [])]),
  ];
  const knownClaims = source.claims([...new Set([...claimIds, ...cascaded])]);
  for (const { record } of knownClaims.values()) storylineIds.add(record.claim.storylineId);
  const knownStorylines = source.storylines([...storylineIds]);

  const records = new Map<string, ClaimRecord>();
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
      const before = records.get(claimId) ?? knownClaims.get(claimId)?.record;
      const after = evolveClaimRecord(before, event);
      if (!after || after === before) continue;
      records.set(claimId, after);
      const kept = claimEvents.get(claimId);
      if (kept) kept.push(event);
      else claimEvents.set(claimId, [event]);
      timeline.push(...timelineRows(event, after, source.calendar));
      const write = storylineOf(after.claim.storylineId);
      write.position = Math.max(write.position, event.position);
    } catch (error) {
      throw new ProjectionFailure(event, error);
    }
  }

  const recordOf = (id: string) => records.get(id) ?? knownClaims.get(id)?.record;
  const related = claimsReachedByRelations(events, recordOf);
  loadRelated([...records.keys(), ...cascaded, ...related], recordOf, knownClaims, knownStorylines, source);
  const reached = [...new Set([...cascaded, ...related])];
  const stakeholdersOf = (id: string) => (storylines.get(id) ?? knownStorylines.get(id))?.record?.stakeholders;
  const claims = evaluateClaims(records, claimEvents, reached, knownClaims, registry, storylineOf, stakeholdersOf);
  return {
    checkpoint: events[events.length - 1].position,
    claims,
    storylines: [...storylines.values()],
    timeline,
    registryEvents: cascade.events,
    registry,
  };
}

/**
 * Decides against the registry the status of the claims the page moved (`records`) and of those only
 * a registry event reached (`reached`, left out when neither their status nor their mentions'
 * resolutions changed: the words of an explanation are built on read), tallying each change into its
 * storyline.
 */
function evaluateClaims(
  records: Map<string, ClaimRecord>,
  claimEvents: Map<string, StoredEvent[]>,
  reached: Iterable<string>,
  knownClaims: Map<string, KnownClaim>,
  registry: PartyRegistry,
  storylineOf: (id: string) => StorylineWrite,
  stakeholdersOf: (storylineId: string) => readonly Stakeholder[] | undefined,
): ClaimWrite[] {
  const claims: ClaimWrite[] = [];
  const recordOf = (id: string) => records.get(id) ?? knownClaims.get(id)?.record;
  const evaluate = (claimId: string, record: ClaimRecord, recordChanged: boolean) => {
    const known = knownClaims.get(claimId);
    const stakeholders = stakeholdersOf(record.claim.storylineId);
    const decision = decideWithRivals(
      decideStatus(record.claim, registry, stakeholders),
      confirmedRivalsOf(record, recordOf),
    );
    const mentions = mentionsOf(record, registry, known?.mentions);
    const changedMentions = mentions === known?.mentions ? undefined : mentionsChange(known?.mentions ?? [], mentions);
    const standingChanged =
      !known || known.decision.status !== decision.status || known.decision.needsReview !== decision.needsReview;
    if (!recordChanged && !standingChanged && !changedMentions) return;
    const write = storylineOf(record.claim.storylineId);
    write.counts = tallyChange(
      write.counts,
      known && standingOf(known.record, known.decision),
      standingOf(record, decision),
    );
    claims.push({
      record,
      decision,
      mentions,
      recordChanged,
      standingChanged,
      events: claimEvents.get(claimId) ?? [],
      ...(changedMentions ? { mentionsChange: changedMentions } : {}),
    });
  };
  for (const [claimId, record] of records) evaluate(claimId, record, true);
  for (const claimId of reached) {
    const known = knownClaims.get(claimId);
    if (known && !records.has(claimId)) evaluate(claimId, known.record, false);
  }
  return claims;
}

/**
 * A page without events: the claims a rebuild's registry events reached, evaluated against the
 * registry as it now stands. A rebuild defers its cascades to this one pass (see ProjectionEngine).
 */
export function reevaluationPage(claimIds: string[], source: ReadModelSource, checkpoint: number): ReadModelPage {
  const registry = source.registry();
  const knownClaims = source.claims(claimIds);
  const knownStorylines = source.storylines([
    ...new Set([...knownClaims.values()].map(({ record }) => record.claim.storylineId)),
  ]);
  loadRelated(claimIds, (id) => knownClaims.get(id)?.record, knownClaims, knownStorylines, source);
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
  const claims = evaluateClaims(new Map(), new Map(), claimIds, knownClaims, registry, storylineOf, stakeholdersOf);
  return { checkpoint, claims, storylines: [...storylines.values()], timeline: [], registryEvents: [], registry };
}

/**
 * Adds to the known claims those of `claimIds` the page has not read, with their storylines, and then
 * the claims those relate to: evaluating a claim reads its rivals' verdicts.
 */
function loadRelated(
  claimIds: Iterable<string>,
  recordOf: RecordOf,
  knownClaims: Map<string, KnownClaim>,
  knownStorylines: Map<string, KnownStoryline>,
  source: ReadModelSource,
): void {
  const load = (ids: Iterable<string>) => {
    const missing = [...new Set(ids)].filter((id) => !recordOf(id));
    if (missing.length === 0) return;
    const found = source.claims(missing);
    for (const [id, claim] of found) knownClaims.set(id, claim);
    const storylineIds = [...found.values()].map(({ record }) => record.claim.storylineId);
    const unread = [...new Set(storylineIds)].filter((id) => !knownStorylines.has(id));
    for (const [id, storyline] of source.storylines(unread)) knownStorylines.set(id, storyline);
  };
  const ids = [...claimIds];
  load(ids);
  load(ids.flatMap((id) => relatedIdsOf(recordOf(id))));
}

function addIf(ids: Set<string>, id: string | undefined): void {
  if (id !== undefined) ids.add(id);
}
