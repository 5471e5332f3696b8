import Database from 'better-sqlite3';
import { feedPlaceOf } from '../../../application/claim-reviews/publication';
import { evaluateClaim } from '../../../application/read-models/claims/claim-evaluation';
import { recordedVerdicts } from '../../../application/read-models/claims/claim-view';
import { ClaimWrite, KnownClaim } from '../../../application/read-models/runtime/read-model-page';
import { ReadModelVersions } from '../../../application/ports/read-model-store.port';
import { PartyRegistry } from '../../../domain/party/party-registry';
import { GenerationTables } from '../generation-tables';
import { ClaimTables, keptEvents, preparedOnce, readKnownClaims } from './claim-rows';
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

/**
 * Writes the claims table of one generation: a claim's own events write its row and add those
 * events beside it; a registry event that moved its status writes only the status. A generation of
 * version 5 also keeps each written row's evaluation in words (`evaluation`), which `factline replay`
 * compares a successor against.
 */
export class ClaimsWriter {
  private readonly upsert: Database.Statement;
  private readonly reevaluate: Database.Statement;
  private readonly keepEvents: Database.Statement<[string, number, string | Buffer]>;
  private readonly view: ClaimTables;
  private readonly keepsWords: boolean;

  constructor(db: Database.Database, tables: GenerationTables, versions: ReadModelVersions) {
    this.view = { tables, versions, prepare: preparedOnce(db) };
    this.keepsWords = (versions.claims ?? 0) < WORDS_ON_READ_SINCE_VERSION;
    const columns = this.keepsWords ? [...UPSERT_COLUMNS, 'evaluation'] : UPSERT_COLUMNS;
    const updated = columns.filter((column) => column !== 'seq' && column !== 'id' && column !== 'storyline_id');
    this.upsert = db.prepare(
      `INSERT INTO ${tables.claims} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${updated.map((column) => `${column} = excluded.${column}`).join(', ')}`,
    );
    this.reevaluate = db.prepare(
      `UPDATE ${tables.claims} SET status = @status, needs_review = @needs_review${
        this.keepsWords ? ', evaluation = @evaluation' : ''
      } WHERE id = @id`,
    );
    this.keepEvents = db.prepare(`INSERT INTO ${tables.claimEvents} (claim_id, position, events) VALUES (?, ?, ?)`);
  }

  load(ids: string[]): Map<string, KnownClaim> {
    return readKnownClaims(this.view, ids);
  }

  write(claims: ClaimWrite[], registry: PartyRegistry): void {
    for (const { record, decision, recordChanged, standingChanged, events } of claims) {
      const { claimId, storylineId, content } = record.claim;
      const standing = {
        id: claimId,
        status: decision.status,
        needs_review: decision.needsReview ? 1 : 0,
        ...(this.keepsWords ? { evaluation: keptWords(record.claim, registry) } : {}),
      };
      if (!recordChanged) {
        if (standingChanged) this.reevaluate.run(standing);
        continue;
      }
      this.keepEvents.run(claimId, events[events.length - 1].position, keptEvents(this.view, claimId, events));
      const feed = feedPlaceOf(content, recordedVerdicts(record));
      this.upsert.run({
        ...standing,
        seq: record.recordedPosition,
        storyline_id: storylineId,
        position: record.position,
        kind: content.kind,
        statement: content.statement,
        claimant_id: content.claimant.id,
        claimant_name: content.claimant.name,
        occurred_at: content.occurredAt,
        search_text: `${content.statement}\n${content.claimant.name}`.toLowerCase(),
        review_at: feed.latestAt ?? null,
        review_first_at: feed.firstPublishedAt ?? null,
        verdict_times: feed.firstPublishedAt === undefined ? null : JSON.stringify(feed.verdictTimes),
      });
    }
  }
}

/** The evaluation in words as a version-5 row keeps it: the status and whether it needs review have their columns. */
function keptWords(claim: ClaimWrite['record']['claim'], registry: PartyRegistry): string {
  const { status: _status, needsReview: _needsReview, ...words } = evaluateClaim(claim, registry);
  return JSON.stringify(words);
}
