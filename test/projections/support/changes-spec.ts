import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Changes, ChangesFrom } from '../../../src/application/queries/changes/changes';
import { GetChangesHandler, GetChangesQuery } from '../../../src/application/queries/changes/changes.query';
import { ClaimsTouchedElsewhere } from '../../../src/application/queries/changes/claims-touched-elsewhere';
import { PartyReadModel } from '../../../src/application/queries/read-models.port';
import { RegistryHistory } from '../../../src/application/queries/registry-history';
import { TimeTravel } from '../../../src/application/queries/time-travel';
import { StoredEvent } from '../../../src/application/ports/event-store.port';
import { SqliteEventStore } from '../../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { GivenEvent, ReadModels, given, storedLog } from './projection-spec';
import { DeskCalendar } from '../../../src/domain/desk-calendar';

export interface ChangesSpec {
  log: StoredEvent[];
  store: SqliteEventStore;
  readModels: ReadModels;
  registries: RegistryHistory;
  timeTravel: TimeTravel;
  changes(from: ChangesFrom, options?: { limit?: number; cursor?: string; storylineId?: string }): Promise<Changes>;
  close(): Promise<void>;
}

/**
 * Given these events in a real SQLite event store in a temp folder, and read models that have
 * applied the first `projectedUpTo` of them (all by default): what the changes query answers.
 */
export async function givenLog(
  events: GivenEvent[],
  options: {
    projectedUpTo?: number;
    /** Another extension point in its place, made over the read models' parties. */
    touchedElsewhere?: (parties: PartyReadModel) => ClaimsTouchedElsewhere;
  } = {},
): Promise<ChangesSpec> {
  const log = storedLog(events);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-changes-'));
  const store = new SqliteEventStore(path.join(dir, 'events.db'));
  // Consecutive events of one stream go in one append: the same positions, one commit.
  for (let start = 0; start < log.length;) {
    let end = start + 1;
    while (end < log.length && log[end].streamId === log[start].streamId) end += 1;
    const batch = log.slice(start, end).map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata }));
    await store.append(log[start].streamId, batch, 'any');
    start = end;
  }
  const readModels = given(log.slice(0, options.projectedUpTo ?? log.length), { pageSize: 100 });
  const registries = new RegistryHistory(store, readModels.parties);
  const timeTravel = new TimeTravel(store, readModels.claims, registries, new DeskCalendar());
  const touchedElsewhere = (options.touchedElsewhere ?? ((parties) => new ClaimsTouchedElsewhere(parties)))(
    readModels.parties,
  );
  const handler = new GetChangesHandler(store, readModels.claims, timeTravel, touchedElsewhere, registries);
  return {
    log,
    store,
    readModels,
    registries,
    timeTravel,
    changes: (from, { limit = 50, cursor, storylineId } = {}) =>
      handler.execute(new GetChangesQuery(from, { limit, cursor }, storylineId)),
    async close() {
      readModels.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
