import { TimelineEntry } from '../../../application/projections/timeline-entry';
import { Page, PageRequest, decodeCursor, toPage } from '../../../application/queries/page';
import { TimelineReadModel } from '../../../application/queries/read-models.port';
import { ReadModelReader } from '../read-model-reader';

interface EntryRow {
  sort_key: string;
  position: number;
  entry: string;
}

export class TimelineQueries implements TimelineReadModel {
  constructor(private readonly reader: ReadModelReader) {}

  timeline(storylineId: string, { limit, cursor }: PageRequest): Page<TimelineEntry> {
    const [afterKey, afterPosition] = (decodeCursor(cursor, ['string', 'number']) ?? ['', -1]) as [string, number];
    return this.reader.read(({ tables, prepare }) => {
      const rows = prepare<[string, string, string, number, number], EntryRow>(
        `SELECT sort_key, position, entry FROM ${tables.timeline}
         WHERE storyline_id = ? AND (sort_key > ? OR (sort_key = ? AND position > ?))
         ORDER BY sort_key, position LIMIT ?`,
      ).all(storylineId, afterKey, afterKey, afterPosition, limit + 1);
      return toPage(
        rows,
        limit,
        (row) => JSON.parse(row.entry) as TimelineEntry,
        (row) => [row.sort_key, row.position],
      );
    });
  }
}
