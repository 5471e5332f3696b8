import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asPartyEvent } from '../../src/application/events/factline-event';
import { evaluateClaim } from '../../src/application/read-models/claims/claim-evaluation';
import { foldClaimRecord } from '../../src/application/read-models/claims/claim-record';
import { toClaimView } from '../../src/application/read-models/claims/claim-view';
import { ProjectionEngine } from '../../src/application/read-models/runtime/projection-engine';
import { READ_MODEL_VERSIONS } from '../../src/application/read-models/runtime/read-model-versions';
import { StoredEvent } from '../../src/application/ports/event-store.port';
import { foldRegistry } from '../../src/domain/party/party-registry';
import { ClaimViews } from '../../src/application/read-models/claims/claim-views';
import { ClaimQueries } from '../../src/infrastructure/read-models/claims/claim.queries';
import { generationTables } from '../../src/infrastructure/read-models/generation-tables';
import { openReadModelFile } from '../../src/infrastructure/read-models/read-model-file';
import { ReadModelReader } from '../../src/infrastructure/read-models/read-model-reader';
import { SqliteReadModelStore } from '../../src/infrastructure/read-models/sqlite-read-model-store';
import {
  claimRecorded,
  partyAffiliated,
  partyRegistered,
  reuters,
  storylineOpened,
  supported,
  zelensky,
} from './support/events';
import { storedLog } from './support/projection-spec';

/**
 * A claims row keeps the status, not its explanation: the words are built when the claim is read,
 * against the registry the generation holds at that checkpoint, and a registry event that changes
 * only the words writes no claims row.
 */
describe('a claim view with its explanation built on read', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-words-on-read-'));
  const file = path.join(dir, 'read-models.db');
  const db = openReadModelFile(file);
  const store = new SqliteReadModelStore(db);
  const generation = store.createGeneration(READ_MODEL_VERSIONS, { bulk: false });
  store.promote(generation);
  const engine = new ProjectionEngine(generation);
  const reader = new ReadModelReader(file);
  const claims = new ClaimViews(new ClaimQueries(reader));
  const log = storedLog([
    storylineOpened(),
    claimRecorded('alpha', { claimant: zelensky }),
    supported('alpha', reuters),
    partyRegistered(reuters),
    partyRegistered(zelensky),
    partyAffiliated(reuters.id, 'affiliated_with', zelensky.id),
  ]);
  // What readers read of the row: `facts`, the projection's packed state, also keeps how each mention resolved.
  const claimRow = () => {
    const row = db
      .prepare(`SELECT * FROM ${generationTables(generation.generation).claims} WHERE id = 'alpha'`)
      .get() as Record<string, unknown>;
    const { facts: _facts, ...read } = row;
    return read;
  };
  const expectedAt = (through: number) => {
    const events: StoredEvent[] = log.slice(0, through);
    const record = foldClaimRecord(events.filter((event) => event.streamId === 'claim-alpha'))!;
    return toClaimView(record, evaluateClaim(record.claim, foldRegistry(events.flatMap((e) => asPartyEvent(e) ?? []))));
  };
  afterAll(() => {
    reader.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('follows each registry event as it is applied, whether it writes the claims row or not', () => {
    engine.apply(log.slice(0, 3));
    expect(claims.get('alpha')).toEqual(expectedAt(3));
    expect(claims.get('alpha')?.status).toBe('corroborated');
    const before = claimRow();

    // Registering Reuters changes the words (the support's party is now the registered one), not the status.
    engine.apply(log.slice(3, 4));
    const registered = claims.get('alpha');
    expect(registered).toEqual(expectedAt(4));
    expect(registered?.explanation.registryEventIds).toContain(log[3].eventId);
    expect(claimRow()).toEqual(before);

    // An affiliation ties the supporter to the claimant: the status moves, and the row with it.
    engine.apply(log.slice(4));
    const tied = claims.get('alpha');
    expect(tied).toEqual(expectedAt(log.length));
    expect(tied?.status).toBe('unverified');
    expect(claimRow()).toMatchObject({ status: 'unverified' });
  });
});
