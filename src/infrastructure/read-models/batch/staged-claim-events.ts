import Database from 'better-sqlite3';
import { StoredEvent } from '../../../application/ports/event-store.port';
import { ClaimEventStaging, StagedClaim } from '../../../application/ports/read-model-store.port';

/** What the claim fold reads of an event, as a row keeps it: a list rather than an object, so without its keys. */
type StagedEvent = [
  streamId: string,
  eventId: string,
  type: string,
  revision: number,
  position: number,
  recordedAt: string,
  data: unknown,
];

/**
 * The log's claim events set aside in a temporary table of the writer's connection: SQLite keeps it
 * in a file of its own, not in the read-model file, and drops it when the connection closes, so a
 * rebuild killed half-way leaves nothing of it behind. A page's events of one claim share a row, in
 * log order (fewer rows to insert, index and read back than one an event); indexed by claim once
 * everything is staged.
 */
export class StagedClaimEvents implements ClaimEventStaging {
  private readonly table: string;
  private readonly insert: Database.Statement<[number, number, string]>;
  private next: Database.Statement<[number, number, number], [number, string]> | undefined;

  constructor(
    private readonly db: Database.Database,
    generation: number,
  ) {
    this.table = `staged_claim_events_g${generation}`;
    db.exec(`DROP TABLE IF EXISTS temp.${this.table};
      CREATE TEMP TABLE ${this.table} (claim_order INTEGER NOT NULL, position INTEGER NOT NULL, events TEXT NOT NULL)`);
    this.insert = db.prepare(`INSERT INTO temp.${this.table} (claim_order, position, events) VALUES (?, ?, ?)`);
  }

  stage(events: Array<{ order: number; event: StoredEvent }>): void {
    const byClaim = new Map<number, StagedEvent[]>();
    for (const { order, event } of events) {
      const { streamId, eventId, type, revision, position, metadata, data } = event;
      const staged: StagedEvent = [streamId, eventId, type, revision, position, metadata.recordedAt, data];
      const claimEvents = byClaim.get(order);
      if (claimEvents) claimEvents.push(staged);
      else byClaim.set(order, [staged]);
    }
    this.db.transaction(() => {
      for (const [order, claimEvents] of byClaim)
        this.insert.run(order, claimEvents[0][4], JSON.stringify(claimEvents));
    })();
  }

  nextClaims(afterOrder: number, limit: number): StagedClaim[] {
    this.next ??= this.indexed();
    const claims: StagedClaim[] = [];
    for (const [order, text] of this.next.all(afterOrder, afterOrder, limit)) {
      let claim = claims.at(-1);
      if (claim?.order !== order) claims.push((claim = { order, events: [] }));
      for (const [streamId, eventId, type, revision, position, recordedAt, data] of JSON.parse(text) as StagedEvent[]) {
        claim.events.push({ streamId, eventId, type, revision, position, data, metadata: { recordedAt } });
      }
    }
    return claims;
  }

  drop(): void {
    this.db.exec(`DROP TABLE IF EXISTS temp.${this.table}`);
  }

  private indexed() {
    this.db.exec(`CREATE INDEX temp.${this.table}_by_claim ON ${this.table} (claim_order, position)`);
    return this.db
      .prepare<[number, number, number], [number, string]>(
        `SELECT claim_order, events FROM temp.${this.table}
         WHERE claim_order > ? AND claim_order <= (
           SELECT MAX(claim_order) FROM (SELECT DISTINCT claim_order FROM temp.${this.table}
                                        WHERE claim_order > ? ORDER BY claim_order LIMIT ?))
         ORDER BY claim_order, position`,
      )
      .raw();
  }
}
