import Database from 'better-sqlite3';
import type { KnownStoryline, ReadModelPage } from '../../application/read-models/runtime/read-model-page';
import type { LoggedRegistryEvent } from '../../application/registry-cascade/registry-cascade';
import type { AffectedMentions } from '../../application/registry-cascade/touched-mentions';
import {
  ClaimRowKeeps,
  KeptFold,
  ReadModelGeneration,
  ReadModelVersions,
  StoredClaimRow,
} from '../../application/ports/read-model-store.port';
import { PARTY_TABLE_SINCE_VERSION, createClaimsIndexes, createClaimsTable } from './claims/claims.schema';
import { ClaimPartiesTable } from './claims/claim-parties';
import { Party } from '../../domain/party';
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
  private readonly claimParties: ClaimPartiesTable | undefined;
  private readonly storylines: StorylinesWriter;
  private readonly timeline: TimelineWriter;
  private readonly parties: PartiesWriter;
  private readonly saveCheckpoint: Database.Statement<[number, number]>;
  private readonly claimIdsOfStorylines: Database.Statement<[string], { id: string }>;
  private readonly supportedIn: Record<'parties' | 'storylines', Database.Statement<[string, string], string>>;
  private readonly stakeholdersOfStorylines: Database.Statement<[], { id: string; partyIds: string }>;
  private position: number;
  private stakeholdersByStoryline: Map<string, string[]> | undefined;

  constructor(
    private readonly db: Database.Database,
    readonly generation: number,
    readonly versions: ReadModelVersions,
    checkpoint: number,
    private indexesPending: boolean,
  ) {
    this.tables = generationTables(generation);
    this.position = checkpoint;
    this.claims = isNarrow({ versions })
      ? new ClaimsWriter(db, this.tables, versions)
      : new LegacyClaimsWriter(db, this.tables, versions);
    this.claimParties =
      (versions.claims ?? 0) >= PARTY_TABLE_SINCE_VERSION ? new ClaimPartiesTable(db, this.tables) : undefined;
    this.storylines = new StorylinesWriter(db, this.tables);
    this.timeline = new TimelineWriter(db, this.tables);
    this.parties = new PartiesWriter(db, this.tables, !indexesPending);
    this.saveCheckpoint = db.prepare('UPDATE read_model_generations SET checkpoint = ? WHERE generation = ?');
    this.claimIdsOfStorylines = db.prepare(
      `SELECT id FROM ${this.tables.claims} WHERE storyline_id IN (SELECT value FROM json_each(?))`,
    );
    // From the side that is few: the supporters among the parties whose reach moved, or the claims of the storylines.
    const supportedIn = (from: 'parties' | 'storylines') =>
      db
        .prepare<[string, string], string>(
          `SELECT DISTINCT m.claim_id FROM ${this.tables.mentions} m JOIN ${this.tables.claims} c ON c.id = m.claim_id
           WHERE ${from === 'parties' ? '+' : ''}c.storyline_id IN (SELECT value FROM json_each(?)) AND m.role = 'supporter'
             AND ${from === 'storylines' ? '+' : ''}m.party_id IN (SELECT value FROM json_each(?))`,
        )
        .pluck();
    this.supportedIn = { parties: supportedIn('parties'), storylines: supportedIn('storylines') };
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

  partyTable(): Party[] | undefined {
    return this.claimParties?.read();
  }

  get claimRows(): ClaimRowKeeps {
    return this.claims.keeps;
  }

  loadClaims(ids: string[]): Map<string, StoredClaimRow> {
    return this.claims.load(ids);
  }

  loadClaimFolds(ids: string[]): Map<string, KeptFold> {
    return this.claims.folds(ids);
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

  /**
   * A stakeholder weighs each support of its storyline's claims: a stakeholder that resolves anew
   * reaches every claim of the storyline; one whose relatedness may have moved, the claims with a
   * supporter on the other side of that change (touched-mentions.ts).
   */
  claimsMentioning(affected: AffectedMentions[]): string[] {
    const reached = new Set(this.parties.claimsMentioning(affected));
    const resolvedAnew: string[] = [];
    const stakes = { moved: [] as string[], partners: [] as string[] };
    for (const [storylineId, partyIds] of this.stakeholders()) {
      const carries = (ids: (change: AffectedMentions) => ReadonlySet<string>, keyed = false) =>
        partyIds.some((partyId) =>
          affected.some((change) => (!keyed && ids(change).has(partyId)) || ids(change).has(idKey(partyId))),
        );
      if (carries((change) => change.mentionIds, true)) resolvedAnew.push(storylineId);
      if (carries((change) => change.stakes.moved)) stakes.moved.push(storylineId);
      if (carries((change) => change.stakes.partners)) stakes.partners.push(storylineId);
    }
    const add = (claimIds: string[]) => claimIds.forEach((claimId) => reached.add(claimId));
    if (resolvedAnew.length > 0) add(this.claimsOfStorylines(resolvedAnew));
    const supportersIn = (
      storylineIds: string[],
      parties: (change: AffectedMentions) => ReadonlySet<string>,
      from: 'parties' | 'storylines',
    ) => {
      if (storylineIds.length === 0) return;
      const partyIds = JSON.stringify(affected.flatMap((change) => [...parties(change)]));
      add(this.supportedIn[from].all(JSON.stringify(storylineIds), partyIds));
    };
    supportersIn(stakes.moved, (change) => change.partners, 'storylines');
    supportersIn(stakes.partners, (change) => change.moved, 'parties');
    return [...reached];
  }

  /** Each storyline's stakeholders' party ids, read once and then kept as pages write storylines. */
  private stakeholders(): Map<string, string[]> {
    if (!this.stakeholdersByStoryline) {
      this.stakeholdersByStoryline = new Map(
        this.stakeholdersOfStorylines.all().map(({ id, partyIds }) => [id, JSON.parse(partyIds) as string[]]),
      );
    }
    return this.stakeholdersByStoryline;
  }

  private keepStakeholders(page: ReadModelPage): void {
    if (!this.stakeholdersByStoryline) return;
    for (const { id, record, recordChanged } of page.storylines) {
      if (!recordChanged || !record) continue;
      const partyIds = (record.stakeholders ?? []).map((stakeholder) => stakeholder.partyId);
      if (partyIds.length > 0) this.stakeholdersByStoryline.set(id, partyIds);
      else this.stakeholdersByStoryline.delete(id);
    }
  }

  write(page: ReadModelPage): void {
    this.db.transaction(() => {
      if (page.newParties) this.claimParties?.write(page.newParties);
      this.claims.write(page.claims, page.restated);
      this.parties.write(page.registryEvents, page.claims);
      this.storylines.write(page.storylines);
      this.timeline.write(page.timeline);
      this.saveCheckpoint.run(page.checkpoint, this.generation);
    })();
    this.position = page.checkpoint;
    this.keepStakeholders(page);
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
