import Database from 'better-sqlite3';
import type { NewParties } from '../../../application/read-models/claims/party-table';
import { Party } from '../../../domain/party';
import { GenerationTables } from '../generation-tables';

/**
 * The rows of the party table the packed claims (`facts`) name parties by (party-table.ts): the
 * parties a page numbered first, as one JSON list under the number of the first, written in that
 * page's transaction, so every `facts` a commit leaves names parties the table holds. One row a page
 * rather than a row a party: a restart reads tens of thousands of parties back with a JSON parse a
 * page instead of a row object each.
 */
export class ClaimPartiesTable {
  private readonly insert: Database.Statement<[number, string]>;
  private readonly all: Database.Statement<[], { first: number; parties: string }>;

  constructor(db: Database.Database, { claimParties }: GenerationTables) {
    this.insert = db.prepare(`INSERT INTO ${claimParties} (first, parties) VALUES (?, ?)`);
    this.all = db.prepare(`SELECT first, parties FROM ${claimParties} ORDER BY first`);
  }

  /** The parties in number order from 0. */
  read(): Party[] {
    const parties: Party[] = [];
    for (const row of this.all.iterate()) {
      if (row.first !== parties.length) throw new Error(`the party table has no party ${parties.length}`);
      parties.push(...(JSON.parse(row.parties) as Party[]));
    }
    return parties;
  }

  write({ from, parties }: NewParties): void {
    if (parties.length > 0)
      this.insert.run(from, JSON.stringify(parties.map(({ id, name, kind }) => ({ id, name, kind }))));
  }
}
