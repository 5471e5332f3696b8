import { StoredEvent } from '../ports/event-store.port';
import { ReadModelGeneration } from '../ports/read-model-store.port';
import { LruCache } from './lru-cache';
import { PartyRegistry, foldRegistry } from '../../domain/party/party-registry';
import { ProjectionFailure } from './projection-failure';
import { KnownClaim, KnownStoryline, ReadModelSource, foldPage } from './read-model-page';

/** How many claims and storylines the engine keeps folded in memory between pages. */
export const LIVE_CACHE_SIZE = 5_000;

/**
 * Applies pages of the log to one generation of the read models. It is the generation's only
 * writer, so what it keeps in memory of the claims and storylines it wrote stays true.
 */
export class ProjectionEngine {
  private readonly claims: LruCache<string, KnownClaim>;
  private readonly storylines: LruCache<string, KnownStoryline>;
  private readonly source: ReadModelSource;
  private registry: PartyRegistry;

  constructor(
    readonly generation: ReadModelGeneration,
    cacheSize = LIVE_CACHE_SIZE,
  ) {
    this.claims = new LruCache(cacheSize);
    this.storylines = new LruCache(cacheSize);
    this.registry = foldRegistry(generation.loadRegistryEvents());
    this.source = {
      claims: (ids) => this.known(ids, this.claims, (missing) => generation.loadClaims(missing)),
      storylines: (ids) => this.known(ids, this.storylines, (missing) => generation.loadStorylines(missing)),
      registry: () => this.registry,
      claimsMentioning: (affected) => generation.claimsMentioning(affected),
    };
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
    const page = foldPage(events, this.source);
    this.generation.write(page);
    this.registry = page.registry;
    // A claim only a registry event moved stays as recent as it was: a wide cascade does not push out the claims being written to.
    for (const { record, evaluation, recordChanged } of page.claims) {
      if (recordChanged) this.claims.set(record.claim.claimId, { record, evaluation });
      else this.claims.replace(record.claim.claimId, { record, evaluation });
    }
    for (const { id, record, counts, position } of page.storylines)
      this.storylines.set(id, { record, counts, position });
  }

  private known<V>(ids: string[], cache: LruCache<string, V>, load: (ids: string[]) => Map<string, V>) {
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
