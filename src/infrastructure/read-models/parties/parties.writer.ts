import Database from 'better-sqlite3';
import { PartyMention } from '../../../application/projections/party-mentions';
import { ClaimWrite } from '../../../application/projections/read-model-page';
import { LoggedRegistryEvent } from '../../../application/projections/registry-page';
import { AffectedMentions } from '../../../domain/party/registry-changes';
import { GenerationTables } from '../generation-tables';
import { createPartiesTables } from './parties.schema';

/** Writes the registry's events and the mentions index of one generation, and answers the cascade's lookups. */
export class PartiesWriter {
  private readonly statements;

  constructor(db: Database.Database, tables: GenerationTables) {
    createPartiesTables(db, tables);
    const { registry, mentions } = tables;
    this.statements = {
      insertEvent: db.prepare<[number, string, string]>(
        `INSERT OR REPLACE INTO ${registry} (position, recorded_at, event) VALUES (?, ?, ?)`,
      ),
      events: db.prepare<[], { event: string }>(`SELECT event FROM ${registry} ORDER BY position`),
      deleteMentions: db.prepare<[string]>(`DELETE FROM ${mentions} WHERE claim_id = ?`),
      insertMention: db.prepare(
        `INSERT OR REPLACE INTO ${mentions} (claim_id, role, mention_id, name_key, name, kind, party_id, registered)
         VALUES (@claimId, @role, @mentionId, @nameKey, @name, @kind, @partyId, @registered)`,
      ),
      claimsMentioning: db
        .prepare<[{ partyIds: string; names: string }], string>(
          `SELECT claim_id FROM ${mentions} WHERE mention_id IN (SELECT value FROM json_each(@partyIds))
           UNION SELECT claim_id FROM ${mentions} WHERE party_id IN (SELECT value FROM json_each(@partyIds))
           UNION SELECT claim_id FROM ${mentions} WHERE name_key IN (SELECT value FROM json_each(@names))`,
        )
        .pluck(),
    };
  }

  loadEvents(): LoggedRegistryEvent[] {
    return this.statements.events.all().map((row) => JSON.parse(row.event) as LoggedRegistryEvent);
  }

  claimsMentioning(affected: AffectedMentions[]): string[] {
    const partyIds = new Set(affected.flatMap((change) => [...change.partyIds]));
    const names = new Set(affected.flatMap((change) => [...change.names]));
    return this.statements.claimsMentioning.all({
      partyIds: JSON.stringify([...partyIds]),
      names: JSON.stringify([...names]),
    });
  }

  write(events: LoggedRegistryEvent[], claims: ClaimWrite[]): void {
    for (const event of events) {
      this.statements.insertEvent.run(event.position, event.recordedAt, JSON.stringify(event));
    }
    for (const { record, mentions } of claims) {
      if (mentions) this.replaceMentions(record.claim.claimId, mentions);
    }
  }

  private replaceMentions(claimId: string, mentions: PartyMention[]): void {
    this.statements.deleteMentions.run(claimId);
    for (const mention of mentions) {
      this.statements.insertMention.run({ claimId, ...mention, registered: mention.registered ? 1 : 0 });
    }
  }
}
