import Database from 'better-sqlite3';
import type { FeedPlace } from '../../../application/claim-reviews/publication';
import type { ClaimWrite, RestatedClaim } from '../../../application/read-models/runtime/read-model-page';
import {
  ClaimRowKeeps,
  KeptFold,
  ReadModelVersions,
  StoredClaimRow,
} from '../../../application/ports/read-model-store.port';
import { GenerationTables } from '../generation-tables';
import {
  ClaimTables,
  keepsFacts,
  keptEvents,
  preparedOnce,
  readKeptFolds,
  readPackedClaims,
  readStoredClaims,
} from './claim-rows';
import { WORDS_ON_READ_SINCE_VERSION } from './claims.schema';

const UPSERT_COLUMNS = [
  'seq',
  'id',
  'storyline_id',
  'position',
  'status',
  'needs_review',
  'kind',
  'statement',
  'claimant_id',
  'claimant_name',
  'occurred_at',
  'search_text',
  'review_at',
  'review_first_at',
  'verdict_times',
];

const FEED_COLUMNS = ['review_at', 'review_first_at', 'verdict_times'];

/**
 * Writes the claims table of one generation: a claim's own events write its row and add those
 * events beside it (the whole row from its fold when the page holds one, as for a claim recorded or
 * corrected in it; else what its facts move: its position and its review feed); a registry event that
 * moved its status or its mentions writes only those, and a claim it restated (read-model-page.ts) only
 * its status columns and its packing, found by row id. From version 9 a row keeps the claim as packed
 * (`facts`); a generation of version 5 also keeps each written row's evaluation in words
 * (`evaluation`), which `factline replay` compares a successor against. What a row keeps that is
 * built from the claim (its feed place, its words) comes with the page (claim-row-values.ts).
 */
export class ClaimsWriter {
  private readonly upsert: Database.Statement;
  /** By whether the claim's standing moved, then whether its feed place did: besides its position and facts. */
  private readonly moved: Database.Statement[][];
  private readonly reevaluate: Database.Statement;
  private readonly restated: Database.Statement<[string, number, string, number]> | undefined;
  private readonly repack: Database.Statement | undefined;
  private readonly keepEvents: Database.Statement<[string, number, string | Buffer]>;
  private readonly view: ClaimTables;
  private readonly keepsWords: boolean;
  private readonly keepsFacts: boolean;
  readonly keeps: ClaimRowKeeps;

  constructor(db: Database.Database, tables: GenerationTables, versions: ReadModelVersions) {
    this.view = { tables, versions, prepare: preparedOnce(db) };
    this.keepsWords = (versions.claims ?? 0) < WORDS_ON_READ_SINCE_VERSION;
    this.keepsFacts = keepsFacts(this.view);
    this.keeps = { words: this.keepsWords, whole: false };
    const kept = [...(this.keepsWords ? ['evaluation'] : []), ...(this.keepsFacts ? ['facts'] : [])];
    const standing = ['status', 'needs_review', ...kept];
    const columns = [...UPSERT_COLUMNS, ...kept];
    const updated = columns.filter((column) => column !== 'seq' && column !== 'id' && column !== 'storyline_id');
    const set = (names: string[]) => names.map((column) => `${column} = @${column}`).join(', ');
    this.upsert = db.prepare(
      `INSERT INTO ${tables.claims} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${updated.map((column) => `${column} = excluded.${column}`).join(', ')}`,
    );
    // SQLite rewrites the index entries of every column an UPDATE sets, changed or not: set only what moved.
    this.moved = [kept, standing].map((names) =>
      [names, [...names, ...FEED_COLUMNS]].map((moved) =>
        db.prepare(`UPDATE ${tables.claims} SET ${set(['position', ...moved])} WHERE id = @id`),
      ),
    );
    this.reevaluate = db.prepare(`UPDATE ${tables.claims} SET ${set(standing)} WHERE id = @id`);
    // By the row id, not the claim id: one lookup fewer for each of the many claims a registry event restates.
    this.restated = this.keepsFacts
      ? db.prepare(`UPDATE ${tables.claims} SET status = ?, needs_review = ?, facts = ? WHERE seq = ?`)
      : undefined;
    this.repack = this.keepsFacts ? db.prepare(`UPDATE ${tables.claims} SET facts = @facts WHERE id = @id`) : undefined;
    this.keepEvents = db.prepare(`INSERT INTO ${tables.claimEvents} (claim_id, position, events) VALUES (?, ?, ?)`);
  }

  packed(): Map<string, string> | undefined {
    return readPackedClaims(this.view);
  }

  load(ids: string[]): Map<string, StoredClaimRow> {
    return readStoredClaims(this.view, ids);
  }

  folds(ids: string[]): Map<string, KeptFold> {
    return readKeptFolds(this.view, ids);
  }

  write(claims: ClaimWrite[], restated: RestatedClaim[] = []): void {
    this.restate(restated);
    for (const write of claims) {
      const { facts, record, decision, recordChanged, standingChanged, mentionsChange, events, row } = write;
      const standing = {
        id: facts.claimId,
        status: decision.status,
        needs_review: decision.needsReview ? 1 : 0,
        ...(this.keepsWords ? { evaluation: row.words } : {}),
        ...(this.keepsFacts ? { facts: write.packed } : {}),
      };
      if (!recordChanged) {
        if (standingChanged) this.reevaluate.run(standing);
        else if (mentionsChange) this.repack?.run({ id: standing.id, facts: standing.facts });
        continue;
      }
      this.keepEvents.run(
        facts.claimId,
        events[events.length - 1].position,
        keptEvents(this.view, facts.claimId, events),
      );
      if (!record) {
        const { status: _status, needs_review: _needsReview, ...kept } = standing;
        this.moved[Number(standingChanged)][Number(row.feed !== undefined)].run({
          ...(standingChanged ? standing : kept),
          position: facts.position,
          ...(row.feed ? feedColumns(row.feed) : {}),
        });
        continue;
      }
      const { content } = record.claim;
      this.upsert.run({
        ...standing,
        seq: record.recordedPosition,
        storyline_id: facts.storylineId,
        position: record.position,
        kind: content.kind,
        statement: content.statement,
        claimant_id: content.claimant.id,
        claimant_name: content.claimant.name,
        occurred_at: content.occurredAt,
        search_text: `${content.statement}\n${content.claimant.name}`.toLowerCase(),
        ...feedColumns(row.feed),
      });
    }
  }

  /** Claims only a registry event moved, their mentions resolving as before (read-model-page.ts): their decision and their packing. */
  private restate(claims: RestatedClaim[]): void {
    if (claims.length === 0) return;
    if (!this.restated) throw new Error('a generation without packed claims is given restated ones');
    for (const { seq, decision, packed } of claims) {
      this.restated.run(decision.status, decision.needsReview ? 1 : 0, packed, seq);
    }
  }
}

/** The feed columns of a row its own events moved: the page gives its place. */
function feedColumns(feed: FeedPlace | undefined) {
  if (!feed) throw new Error('a claim its own events moved is written without its place in the review feed');
  return {
    review_at: feed.latestAt ?? null,
    review_first_at: feed.firstPublishedAt ?? null,
    verdict_times: feed.firstPublishedAt === undefined ? null : JSON.stringify(feed.verdictTimes),
  };
}
