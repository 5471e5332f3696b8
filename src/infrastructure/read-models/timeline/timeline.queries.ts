import { readClaims } from '../claims/claim-rows';
import { TimelineEntry, timelineEntries, withPlace } from '../../../application/read-models/timeline/timeline-entry';
import { Page, PageRequest, decodeCursor, toPage } from '../../../application/queries/page';
import { TimelineReadModel } from '../../../application/queries/read-models.port';
import { ReadModelReader } from '../read-model-reader';

interface TimelineRow {
  position: number;
  sort_key: number;
  claim_id: string;
}

/** A storyline's timeline a page at a time: the rows give the order, the claims' folds give the entries. */
export class TimelineQueries implements TimelineReadModel {
  constructor(private readonly reader: ReadModelReader) {}

  timeline(storylineId: string, { limit, cursor }: PageRequest): Page<TimelineEntry> {
    const [afterKey, afterPosition] = (decodeCursor(cursor, ['number', 'number']) ?? [-Infinity, -1]) as [
      number,
      number,
    ];
    return this.reader.read((view) => {
      const { tables, prepare } = view;
      const rows = prepare<[string, number, number, number, number], TimelineRow>(
        `SELECT position, sort_key, claim_id FROM ${tables.timeline}
         WHERE storyline_id = ? AND (sort_key > ? OR (sort_key = ? AND position > ?))
         ORDER BY sort_key, position LIMIT ?`,
      ).all(storylineId, afterKey, afterKey, afterPosition, limit + 1);
      const claims = readClaims(view, [...new Set(rows.map((row) => row.claim_id))]);
      const entries = new Map<number, TimelineEntry>();
      for (const { record, evaluation } of claims.values()) {
        for (const entry of timelineEntries(record, evaluation)) entries.set(entry.position, entry);
      }
      return toPage(
        rows.filter((row) => entries.has(row.position)),
        limit,
        (row) => withPlace(entries.get(row.position) as TimelineEntry, row.sort_key),
        (row) => [row.sort_key, row.position],
      );
    });
  }
}
