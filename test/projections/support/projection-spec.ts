import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CURRENT_SCHEMA_VERSION } from '../../../src/application/events/factline-event';
import { ProjectionEngine } from '../../../src/application/read-models/runtime/projection-engine';
import { READ_MODEL_VERSIONS } from '../../../src/application/read-models/runtime/read-model-versions';
import { StoredEvent } from '../../../src/application/ports/event-store.port';
import { ReadModelGeneration } from '../../../src/application/ports/read-model-store.port';
import { ClaimViews } from '../../../src/application/read-models/claims/claim-views';
import { StorylineViews } from '../../../src/application/read-models/storylines/storyline-views';
import { TimelineViews } from '../../../src/application/read-models/timeline/timeline-views';
import { ClaimQueries } from '../../../src/infrastructure/read-models/claims/claim.queries';
import { openReadModelFile } from '../../../src/infrastructure/read-models/read-model-file';
import { ReadModelReader } from '../../../src/infrastructure/read-models/read-model-reader';
import { SqliteReadModelStore } from '../../../src/infrastructure/read-models/sqlite-read-model-store';
import { StorylineQueries } from '../../../src/infrastructure/read-models/storylines/storyline.queries';
import { PartyQueries } from '../../../src/infrastructure/read-models/parties/party.queries';
import { TimelineQueries } from '../../../src/infrastructure/read-models/timeline/timeline.queries';
import { comparedRows } from '../../support/read-model-tables';
import { DeskCalendar } from '../../../src/domain/desk-calendar';

/** An event as a spec states it: what a command would have written, recorded at a given time. */
export interface GivenEvent {
  type: string;
  data: Record<string, unknown>;
  recordedAt?: string;
  eventId?: string;
}

const streamOf = ({ type, data }: GivenEvent): string => {
  if (type.startsWith('Storyline')) return `storyline-${String(data.storylineId)}`;
  if (type.startsWith('Party')) return `party-${String(data.partyId)}`;
  return `claim-${String(data.claimId)}`;
};

/** The events as the log would give them back: positions from 1, revisions per stream, full metadata. */
export function storedLog(events: GivenEvent[]): StoredEvent[] {
  const revisions = new Map<string, number>();
  return events.map((event, index) => {
    const streamId = streamOf(event);
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    const position = index + 1;
    return {
      eventId: event.eventId ?? `event-${position}`,
      type: event.type,
      streamId,
      revision,
      position,
      data: event.data,
      metadata: {
        recordedAt: event.recordedAt ?? new Date(Date.UTC(2026, 0, 27, 8, 0, position)).toISOString(),
        actor: 'desk',
        commandId: `command-${position}`,
        correlationId: `command-${position}`,
        causationId: `command-${position}`,
        schemaVersion: CURRENT_SCHEMA_VERSION,
      },
    };
  });
}

export interface ReadModels {
  claims: ClaimViews;
  storylines: StorylineViews;
  timeline: TimelineViews;
  parties: PartyQueries;
  file: string;
  generation: ReadModelGeneration;
  /** Every row of the generation's tables, as sorted JSON lines per table. */
  tables(): Record<string, string[]>;
  close(): void;
}

/**
 * Given these events, applied by the projection engine to a fresh read-model file in a temp folder
 * (in pages of `pageSize`, or as a bulk load), then the read models as the HTTP side queries them.
 */
export function given(
  events: GivenEvent[] | StoredEvent[],
  options: { pageSize?: number | (() => number); bulk?: boolean; calendar?: DeskCalendar } = {},
): ReadModels {
  const log =
    events.length > 0 && 'position' in events[0] ? (events as StoredEvent[]) : storedLog(events as GivenEvent[]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-projection-'));
  const file = path.join(dir, 'read-models.db');
  const db = openReadModelFile(file);
  const store = new SqliteReadModelStore(db);
  const generation = store.createGeneration(READ_MODEL_VERSIONS, { bulk: options.bulk ?? false });
  store.promote(generation);
  const engine = new ProjectionEngine(generation, undefined, { calendar: options.calendar });
  const fixed = typeof options.pageSize === 'number' ? options.pageSize : 1;
  const pageSize = typeof options.pageSize === 'function' ? options.pageSize : () => fixed;
  for (let start = 0; start < log.length;) {
    const size = pageSize();
    engine.apply(log.slice(start, start + size));
    start += size;
  }
  generation.finishBulkLoad();
  const reader = new ReadModelReader(file);
  return {
    claims: new ClaimViews(new ClaimQueries(reader)),
    storylines: new StorylineViews(new StorylineQueries(reader)),
    timeline: new TimelineViews(new TimelineQueries(reader)),
    parties: new PartyQueries(reader),
    file,
    generation,
    tables: () => dumpTables(db, generation.generation),
    close() {
      reader.close();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function dumpTables(db: Database.Database, generation: number): Record<string, string[]> {
  const prefix = `g${generation}_`;
  const names = db
    .prepare<[string], string>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB ? || '*' ORDER BY name",
    )
    .pluck()
    .all(prefix);
  return Object.fromEntries(names.map((name) => [name.slice(prefix.length), comparedRows(db, name)]));
}
