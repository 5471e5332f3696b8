import { StoredEvent } from '../../ports/event-store.port';
import { ReadModelGeneration } from '../../ports/read-model-store.port';
import { LRUCache } from 'lru-cache';
import { PartyRegistry, foldRegistry } from '../../../domain/party/party-registry';
import { ProjectionFailure } from './projection-failure';
import { AffectedMentions, reachesNothing, unionOf } from '../../registry-cascade/touched-mentions';
import {
  KnownClaim,
  KnownStoryline,
  ReadModelPage,
  ReadModelSource,
  foldPage,
  reevaluationPage,
} from './read-model-page';
import { DeskCalendar } from '../../../domain/desk-calendar';
import { unpackClaim } from '../claims/packed-claim';
import { PartyTable } from '../claims/party-table';
import { keptRecords, knownClaimsOf } from './stored-claim-rows';

/** How many claims (unpacked) and storylines the engine keeps ready in memory between pages; it keeps every claim packed. */
export const LIVE_CACHE_SIZE = 5_000;

/** Claims re-evaluated per commit when a rebuild settles its cascades. */
const REEVALUATION_PAGE = 1_000;

/**
 * Applies pages of the log to one generation of the read models. It is the generation's only
 * writer, so what it keeps in memory of the claims and storylines it wrote stays true: every claim,
 * packed (packed-claim.ts) against the generation's party table (party-table.ts), both read from the
 * generation once when the engine starts, and the claims of the latest pages unpacked. A generation older than the packed column reads a claim it does not
 * hold from its rows.
 */
export class ProjectionEngine {
  private readonly packed: Map<string, string> | undefined;
  /** The parties the packed claims name by number (claims read model 10 and later). */
  private readonly parties: PartyTable | undefined;
  private readonly claims: LRUCache<string, KnownClaim>;
  private readonly storylines: LRUCache<string, KnownStoryline>;
  private readonly source: ReadModelSource;
  private registry: PartyRegistry;
  /** Registry changes whose claims are not re-evaluated yet, as one union: set while a rebuild defers its cascades. */
  private deferred: AffectedMentions | undefined;

  /**
   * With `deferCascades` (a rebuild), a registry event does not re-evaluate the claims it reaches
   * page by page, which over a long log re-evaluates most claims again and again; `settleCascades`
   * re-evaluates every claim they reached once, against the registry as it then stands. Live, each
   * registry event re-evaluates its claims in the page that applies it. `calendar` places timeline
   * entries in the desk's time zone (the generation's versions name a zone other than UTC). `registry`,
   * when given, is the one the generation's registry events fold to (a batch rebuild has it at hand).
   */
  constructor(
    readonly generation: ReadModelGeneration,
    cacheSize = LIVE_CACHE_SIZE,
    {
      deferCascades = false,
      calendar = new DeskCalendar(),
      registry,
    }: { deferCascades?: boolean; calendar?: DeskCalendar; registry?: PartyRegistry } = {},
  ) {
    this.deferred = deferCascades ? unionOf([]) : undefined;
    this.packed = generation.packedClaims();
    const storedParties = generation.partyTable();
    this.parties = storedParties && new PartyTable(storedParties);
    this.claims = new LRUCache({ max: cacheSize });
    this.storylines = new LRUCache({ max: cacheSize });
    this.registry = registry ?? foldRegistry(generation.loadRegistryEvents());
    this.source = {
      claims: (ids) =>
        this.known(ids, this.claims, (missing) =>
          this.packed ? unpacked(missing, this.packed, this.parties) : knownClaimsOf(generation.loadClaims(missing)),
        ),
      records: (ids) => keptRecords(generation.loadClaimFolds(ids)),
      storylines: (ids) => this.known(ids, this.storylines, (missing) => generation.loadStorylines(missing)),
      registry: () => this.registry,
      claimsMentioning: (affected) => {
        if (!this.deferred) return generation.claimsMentioning(affected);
        this.deferred = unionOf([this.deferred, ...affected]);
        return [];
      },
      calendar,
      claimsOfStorylines: (storylineIds) => generation.claimsOfStorylines(storylineIds),
      claimRows: generation.claimRows,
      parties: this.parties,
    };
  }

  /** Re-evaluates the claims the deferred registry changes reached, in pages; with `goLive`, defers no more. */
  settleCascades({ goLive = false } = {}): void {
    const affected = this.deferred;
    if (affected) this.deferred = goLive ? undefined : unionOf([]);
    if (!affected || reachesNothing(affected)) return;
    this.reevaluate(this.generation.claimsMentioning([affected]));
  }

  /** Decides the claims again against the registry as it stands, in pages, writing those that moved. */
  reevaluate(claimIds: string[]): void {
    for (let index = 0; index < claimIds.length; index += REEVALUATION_PAGE) {
      this.write(reevaluationPage(claimIds.slice(index, index + REEVALUATION_PAGE), this.source, this.checkpoint()));
    }
  }

  checkpoint(): number {
    return this.generation.checkpoint();
  }

  /**
   * Applies the events past the checkpoint as one page. When the page cannot be applied, its events are
   * applied one by one, so the read models stop exactly before the event that fails, which is named
   * in the ProjectionFailure thrown.
   */
  apply(events: StoredEvent[]): void {
    const checkpoint = this.checkpoint();
    const fresh = events[0]?.position > checkpoint ? events : events.filter((event) => event.position > checkpoint);
    if (fresh.length === 0) return;
    try {
      this.applyPage(fresh);
    } catch (error) {
      if (fresh.length === 1) throw error instanceof ProjectionFailure ? error : new ProjectionFailure(fresh[0], error);
      for (const event of fresh) this.apply([event]);
    }
  }

  private applyPage(events: StoredEvent[]): void {
    this.write(foldPage(events, this.source));
  }

  private write(page: ReadModelPage): void {
    this.generation.write(page);
    if (page.newParties) this.parties?.markSaved(page.newParties);
    this.registry = page.registry;
    // A claim only a registry event moved stays as recent as it was: a wide cascade does not push out the claims being written to.
    for (const { facts, decision, mentions, record, packed, recordChanged } of page.claims) {
      this.packed?.set(facts.claimId, packed);
      // The whole fold is kept only for a generation that reads claims back whole.
      const known = { facts, decision, mentions, ...(this.packed ? { packed } : record ? { record } : {}) };
      if (recordChanged) this.claims.set(facts.claimId, known);
      else if (this.claims.has(facts.claimId)) {
        // Set in place: the package's set() would make the entry the most recent.
        const cached = this.claims.peek(facts.claimId) as KnownClaim;
        delete cached.record;
        Object.assign(cached, known);
      }
    }
    for (const { claimId, decision, packed } of page.restated ?? []) {
      this.packed?.set(claimId, packed);
      const cached = this.claims.peek(claimId);
      if (cached) Object.assign(cached, { decision, packed });
    }
    for (const { id, record, counts, position } of page.storylines)
      this.storylines.set(id, { record, counts, position });
  }

  private known<V extends object>(ids: string[], cache: LRUCache<string, V>, load: (ids: string[]) => Map<string, V>) {
    const found = new Map<string, V>();
    const missing: string[] = [];
    for (const id of ids) {
      const cached = cache.get(id);
      if (cached) found.set(id, cached);
      else missing.push(id);
    }
    if (missing.length > 0) for (const [id, value] of load(missing)) found.set(id, value);
    return found;
  }
}

function unpacked(ids: string[], claims: Map<string, string>, parties?: PartyTable): Map<string, KnownClaim> {
  const found = new Map<string, KnownClaim>();
  for (const id of ids) {
    const packed = claims.get(id);
    // Assigned, not spread: a spread would build the mentions, which unpacking leaves until read.
    if (packed !== undefined) found.set(id, Object.assign(unpackClaim(id, packed, parties), { packed }));
  }
  return found;
}
