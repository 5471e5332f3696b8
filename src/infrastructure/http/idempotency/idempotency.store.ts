import { Inject, Injectable } from '@nestjs/common';
import Database from 'better-sqlite3';
import { CONFIG, Config } from '../../../config/config';

export interface StoredResponse {
  fingerprint: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface Row {
  fingerprint: string;
  status: number;
  headers: string;
  body: string;
}

/** The first response to each (API key, Idempotency-Key), kept so a repeat gets it back verbatim. */
@Injectable()
export class IdempotencyStore {
  private readonly statements;

  constructor(@Inject(CONFIG) config: Config) {
    const db = new Database(`${config.readModelPath}.idempotency`);
    db.pragma('journal_mode = WAL');
    db.exec(`
      CREATE TABLE IF NOT EXISTS idempotency_keys (
        actor       TEXT NOT NULL,
        key         TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        status      INTEGER NOT NULL,
        headers     TEXT NOT NULL,
        body        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (actor, key)
      );
    `);
    this.statements = {
      find: db.prepare<[string, string], Row>(
        'SELECT fingerprint, status, headers, body FROM idempotency_keys WHERE actor = ? AND key = ?',
      ),
      save: db.prepare(
        `INSERT OR IGNORE INTO idempotency_keys (actor, key, fingerprint, status, headers, body, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  find(actor: string, key: string): StoredResponse | undefined {
    const row = this.statements.find.get(actor, key);
    if (!row) return undefined;
    return {
      fingerprint: row.fingerprint,
      status: row.status,
      headers: JSON.parse(row.headers),
      body: JSON.parse(row.body),
    };
  }

  save(actor: string, key: string, response: StoredResponse): void {
    this.statements.save.run(
      actor,
      key,
      response.fingerprint,
      response.status,
      JSON.stringify(response.headers),
      JSON.stringify(response.body),
      new Date().toISOString(),
    );
  }
}
