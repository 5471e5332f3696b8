import Database from 'better-sqlite3';
import type { NewParties } from '../../../application/read-models/claims/party-table';
import { Party, PartyKind } from '../../../domain/party';
import { GenerationTables } from '../generation-tables';

/**
 * The rows of the party table the packed claims (`facts`) name parties by (party-table.ts): each party as
 * mentioned, once, under the number the projection gave it. Written in the transaction of the first
 * page whose claims name it, so every `facts` a commit leaves names parties the table holds.
 */
export class ClaimPartiesTable {
  private readonly insert: Database.Statement<[number, string, string, PartyKind]>;
  private readonly all: Database.Statement<[], Party>;

  constructor(db: Database.Database, { claimParties }: GenerationTables) {
    this.insert = db.prepare(`INSERT INTO ${claimParties} (number, id, name, kind) VALUES (?, ?, ?, ?)`);
    this.all = db.prepare(`SELECT id, name, kind FROM ${claimParties} ORDER BY number`);
  }

  /** The parties in number order; a gap would leave claims naming a party the table lacks. */
  read(): Party[] {
    return this.all.all();
  }

  write({ from, parties }: NewParties): void {
    parties.forEach(({ id, name, kind }, index) => this.insert.run(from + index, id, name, kind));
  }
}
