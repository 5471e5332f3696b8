import type {
  TimelinePlace,
  TimelineSnapshot,
  TimelineStore,
} from '../../../application/read-models/timeline/timeline-store.port';
import { storedClaimsOf } from '../claims/stored-claims';
import { GenerationView, ReadModelReader } from '../read-model-reader';

function placesOf(
  { tables, prepare }: GenerationView,
  storylineId: string,
  afterPlace: number,
  afterPosition: number,
  limit: number,
): TimelinePlace[] {
  return prepare<[string, number, number, number, number], TimelinePlace>(
    `SELECT position, sort_key AS place, claim_id AS claimId FROM ${tables.timeline}
     WHERE storyline_id = ? AND (sort_key > ? OR (sort_key = ? AND position > ?))
     ORDER BY sort_key, position LIMIT ?`,
  ).all(storylineId, afterPlace, afterPlace, afterPosition, limit);
}

/** What the timeline read model stores, read on the HTTP side; the entries are built from it (timeline-views.ts). */
export class TimelineQueries implements TimelineStore {
  constructor(private readonly reader: ReadModelReader) {}

  read<T>(query: (snapshot: TimelineSnapshot) => T): T {
    return this.reader.read((view) =>
      query({
        ...storedClaimsOf(view),
        places: (storylineId, afterPlace, afterPosition, limit) =>
          placesOf(view, storylineId, afterPlace, afterPosition, limit),
      }),
    );
  }
}
