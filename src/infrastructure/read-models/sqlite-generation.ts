import Database from 'better-sqlite3';
import { KnownClaim, KnownStoryline, ReadModelPage } from '../../application/read-models/runtime/read-model-page';
import { ClaimRecord } from '../../application/read-models/claims/claim-record';
import { LoggedRegistryEvent } from '../../application/registry-cascade/registry-cascade';
import { AffectedMentions } from '../../application/registry-cascade/touched-mentions';
import { ReadModelGeneration, ReadModelVersions } from '../../application/ports/read-model-store.port';
import { createClaimsIndexes, createClaimsTable } from './claims/claims.schema';
import { isNarrow } from './claims/claim-rows';
import { ClaimsWriter } from './claims/claims.writer';
import { LegacyClaimsWriter, createLegacyClaimsTable } from './claims/legacy-claims.writer';
import { GenerationTables, generationTables } from './generation-tables';
import { idKey } from '../../domain/slug';
import { PartiesWriter } from './parties/parties.writer';
import { createStorylinesIndexes, createStorylinesTables } from './storylines/storylines.schema';
import { StorylinesWriter } from './storylines/storylines.writer';
import { createPartiesTables } from './parties/parties.schema';
import { createTimelineIndexes, createTimelineTable } from './timeline/timeline.schema';
import { TimelineWriter } from './timeline/timeline.writer';
import { StagedClaimEvents } from './batch/staged-claim-events';

/** Creates a generation's tables; `withIndexes: false` leaves the secondary indexes to `createIndexes`. */
export function createGenerationTables(
  db: Database.Database,
  tables: GenerationTables,
  versions: ReadModelVersions,
  withIndexes: boolean,
): void {
  if (isNarrow({ versions })) createClaimsTable(db, tables, versions);
  else createLegacyClaimsTable(db, tables);
  createStorylinesTables(db, tables);
  createTimelineTable(db, tables);
  createPartiesTables(db, tables);
  if (withIndexes) createIndexes(db, tables);
}

function createIndexes(db: Database.Database, tables: GenerationTables): void {
  createClaimsIndexes(db, tables);
  createStorylinesIndexes(db, tables);
  createTimelineIndexes(db, tables);
}

export function dropGenerationTables(db: Database.Database, generation: number): void {
  for (const table of Object.values(generationTables(generation))) db.exec(`DROP TABLE IF EXISTS ${table}`);
}

/** One generation's tables and checkpoint, written by the projection worker only. */
export class SqliteGeneration implements ReadModelGeneration {
  private readonly tables: GenerationTables;
  private readonly claims: ClaimsWriter | LegacyClaimsWriter;
  private readonly storylines: StorylinesWriter;
  private readonly timeline: TimelineWriter;
  private readonly parties: PartiesWriter;
  private readonly saveCheckpoint: Database.Statement<[number, number]>;
  private readonly claimIdsOfStorylines: Database.Statement<[string], { id: string }>;
  private readonly stakeholdersOfStorylines: Database.Statement<[], { id: string; partyIds: string }>;
  private position: number;

  constructor(
    private readonly db: Database.Database,
    readonly generation: number,
    readonly versions: ReadModelVersions,
    checkpoint: number,
    private indexesPending: boolean,
  ) {
    this.tables = generationTables(generation);
    this.position = checkpoint;
    this.claims =
      isNarrow({ versions }) ? new ClaimsWriter(db, this.tables, versions) : new LegacyClaimsWriter(db, this.tables, versions);
    this.storylines = new StorylinesWriter(db, this.tables);
    this.timeline = new TimelineWriter(db, this.tables);
    this.parties = new PartiesWriter(db, this.tables, !indexesPending);
    this.saveCheckpoint = db.prepare('UPDATE read_model_generations SET checkpoint = ? WHERE generation = ?');
    this.claimIdsOfStorylines = db.prepare(
      `SELECT id FROM ${this.tables.claims} WHERE storyline_id IN (SELECT value FROM json_each(?))`,
    );
    this.stakeholdersOfStorylines = db.prepare(
      `SELECT s.id AS id, json_group_array(json_extract(stake.value, '$.partyId')) AS partyIds
       FROM ${this.tables.storylines} s, json_each(s.record, '$.stakeholders') stake
       WHERE s.record IS NOT NULL GROUP BY s.id`,
    );
  }

  checkpoint(): number {
    return this.position;
  }

  packedClaims(): Map<string, string> | undefined {
    return this.claims.packed();
  }

  loadClaims(ids: string[]): Map<string, KnownClaim> {
    return this.claims.load(ids);
  }

  loadClaimRecords(ids: string[]): Map<string, ClaimRecord> {
    return this.claims.records(ids);
  }

  loadStorylines(ids: string[]): Map<string, KnownStoryline> {
    return this.storylines.load(ids);
  }

  claimsOfStorylines(storylineIds: string[]): string[] {
    return this.claimIdsOfStorylines.all(JSON.stringify(storylineIds)).map((row) => row.id);
  }

  loadRegistryEvents(): LoggedRegistryEvent[] {
    return this.parties.loadEvents();
  }

  /** A stakeholder of a storyline counts as a mention of each of its claims: its relatedness weighs their supports. */
  claimsMentioning(affected: AffectedMentions[]): string[] {
    const mentioning = this.parties.claimsMentioning(affected);
    const staked = this.stakeholdersOfStorylines
      .all()
      .filter(({ partyIds }) =>
        (JSON.parse(partyIds) as string[]).some((partyId) =>
          affected.some((change) => change.partyIds.has(partyId) || change.partyIds.has(idKey(partyId))),
        ),
      )
      .map(({ id }) => id);
    if (staked.length === 0) return mentioning;
    return [...new Set([...mentioning, ...this.claimsOfStorylines(staked)])];
  }

  write(page: ReadModelPage): void {
    this.db.transaction(() => {
      this.claims.write(page.claims, page.registry);
      this.parties.write(page.registryEvents, page.claims);
      this.storylines.write(page.storylines);
      this.timeline.write(page.timeline);
      this.saveCheckpoint.run(page.checkpoint, this.generation);
    })();
    this.position = page.checkpoint;
  }

  stageClaimEvents(): StagedClaimEvents {
    return new StagedClaimEvents(this.db, this.generation);
  }

  finishBulkLoad(): void {
    if (!this.indexesPending) return;
    this.db.transaction(() => {
      createIndexes(this.db, this.tables);
      this.parties.index();
    })();
    this.indexesPending = false;
  }
}
