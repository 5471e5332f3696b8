import Database from 'better-sqlite3';
import type { NewParties, PartyNumbers } from '../../../application/read-models/claims/party-table';
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

type Prepare = <P extends unknown[], R>(sql: string) => Database.Statement<P, R>;

interface KeptParties {
  generation: number;
  parties: Party[];
  /** The last row read, as it was read: a file rebuilt under the same generation number differs there. */
  last?: { first: number; text: string };
}

/**
 * A reader's copy of the active generation's party table, for the packed claims it reads. The table
 * only grows (numbers are never reused), so each read adds just the rows committed since the last.
 */
export class GenerationPartyNumbers {
  private kept: KeptParties | undefined;

  /** Within the read transaction that `prepare` belongs to. */
  of(generation: number, { claimParties }: GenerationTables, prepare: Prepare): PartyNumbers {
    let kept = this.kept;
    const last = kept?.last;
    const same =
      kept?.generation === generation &&
      (!last ||
        prepare<[number], string>(`SELECT parties FROM ${claimParties} WHERE first = ?`).pluck().get(last.first) ===
          last.text);
    if (!kept || !same) kept = { generation, parties: [] };
    const rows = prepare<[number], { first: number; parties: string }>(
      `SELECT first, parties FROM ${claimParties} WHERE first >= ? ORDER BY first`,
    ).all(kept.parties.length);
    for (const row of rows) {
      if (row.first !== kept.parties.length) throw new Error(`the party table has no party ${kept.parties.length}`);
      kept.parties.push(...(JSON.parse(row.parties) as Party[]));
      kept.last = { first: row.first, text: row.parties };
    }
    this.kept = kept;
    const { parties } = kept;
    return {
      party: (number) => {
        const party = parties[number];
        if (!party) throw new Error(`the party table has no party ${number}`);
        return party;
      },
    };
  }
}
