import Database from 'better-sqlite3';
import type { MentionsChange } from '../../../application/read-models/claims/party-mentions';
import type { ClaimWrite } from '../../../application/read-models/runtime/read-model-page';
import type { LoggedRegistryEvent } from '../../../application/registry-cascade/registry-cascade';
import type { AffectedMentions } from '../../../application/registry-cascade/touched-mentions';
import { GenerationTables } from '../generation-tables';
import { claimsReachedBy } from './mentions-reach';
import { createPartiesIndexes, createPartiesTables } from './parties.schema';

/** Writes the registry's events and the mentions index of one generation, and answers the cascade's lookups. */
export class PartiesWriter {
  private readonly statements;
  private readonly reachStatements = new Map<string, Database.Statement>();

  /** `indexed: false` while a bulk load leaves the indexes to its end, or to the first lookup of the claims reached. */
  constructor(
    private readonly db: Database.Database,
    private readonly tables: GenerationTables,
    private indexed: boolean,
  ) {
    createPartiesTables(db, tables);
    if (indexed) createPartiesIndexes(db, tables);
    const { registry, mentions } = tables;
    this.statements = {
      insertEvent: db.prepare<[number, string, string]>(
        `INSERT OR REPLACE INTO ${registry} (position, recorded_at, event) VALUES (?, ?, ?)`,
      ),
      events: db.prepare<[], { event: string }>(`SELECT event FROM ${registry} ORDER BY position`),
      deleteMention: db.prepare(
        `DELETE FROM ${mentions} WHERE claim_id = @claimId AND role = @role AND mention_id = @mentionId AND name_key = @nameKey`,
      ),
      // A row already there takes only its resolution: its mention id and name key, and their indexes, stay.
      upsertMention: db.prepare(
        `INSERT INTO ${mentions} (claim_id, role, mention_id, name_key, name, kind, party_id, registered)
         VALUES (@claimId, @role, @mentionId, @nameKey, @name, @kind, @partyId, @registered)
         ON CONFLICT (claim_id, role, mention_id, name_key) DO UPDATE SET
           name = excluded.name, kind = excluded.kind, party_id = excluded.party_id, registered = excluded.registered`,
      ),
    };
  }

  loadEvents(): LoggedRegistryEvent[] {
    return this.statements.events.all().map((row) => JSON.parse(row.event) as LoggedRegistryEvent);
  }

  claimsMentioning(affected: AffectedMentions[]): string[] {
    this.index();
    return claimsReachedBy(this.tables.mentions, (sql) => this.prepared(sql), affected);
  }

  private prepared(sql: string): Database.Statement {
    let statement = this.reachStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.reachStatements.set(sql, statement);
    }
    return statement;
  }

  index(): void {
    if (this.indexed) return;
    createPartiesIndexes(this.db, this.tables);
    this.indexed = true;
  }

  write(events: LoggedRegistryEvent[], claims: ClaimWrite[]): void {
    for (const event of events) {
      this.statements.insertEvent.run(event.position, event.recordedAt, JSON.stringify(event));
    }
    for (const { facts, mentionsChange } of claims) {
      if (mentionsChange) this.changeMentions(facts.claimId, mentionsChange);
    }
  }

  private changeMentions(claimId: string, { removed, written }: MentionsChange): void {
    for (const { role, mentionId, nameKey } of removed) {
      this.statements.deleteMention.run({ claimId, role, mentionId, nameKey });
    }
    for (const mention of written) {
      this.statements.upsertMention.run({ claimId, ...mention, registered: mention.registered ? 1 : 0 });
    }
  }
}
